/**
 * The workbook as an OPC package (ECMA-376 Part 2): its parts by name, read only when asked for, and written back
 * with the original compressed bytes unless the engine changed them. Relationship parts and `[Content_Types].xml`
 * are changed by adding or removing single entries; everything else in them stays as it was.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { DEFLATE_LEVEL, inflateEntry, makeEntry, readZip, writeZip, type ZipEntry } from './zip.js';
import { attrLocal, escAttr, localName, parseXml, startTag, type XNode } from './xml.js';
import { relsPathOf, resolveTarget } from './part-paths.js';

export { relsPathOf, resolveTarget };

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  coreProps: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extProps: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
} as const;

export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  workbookMacro: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** every attribute as read, so an unknown one is written back */
  attrs: Record<string, string>;
}

export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

const utf8 = new TextDecoder('utf-8');

/** The UTF-16 a part is encoded in, by its byte order mark (OPC allows UTF-8 and UTF-16 XML), else null. */
function utf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** A part's text. A UTF-16 part's declaration is made to say UTF-8: the text is written back as UTF-8 if changed. */
function decodePart(b: Uint8Array): string {
  // most parts are plain ASCII: read as Latin-1 they make the same text, one byte a character, without UTF-8 decoding
  // (the 3 MB Responses part: 9 ms → under 1 ms)
  if (isAscii(b)) return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
  const wide = utf16(b);
  if (!wide) return utf8.decode(b);
  const text = new TextDecoder(wide).decode(b);
  return text.replace(/^(\uFEFF?<\?xml[^>]*?encoding\s*=\s*)(["'])utf-16\2/i, '$1$2UTF-8$2');
}
const encoder = new TextEncoder();

export class Package {
  private readonly entries = new Map<string, ZipEntry>();
  /** names in the order they are written */
  private readonly order: string[] = [];
  /** changed parts: their bytes, or pieces to be joined in order (joined only if something asks for the bytes) */
  private readonly changed = new Map<string, Uint8Array | readonly Uint8Array[]>();
  private readonly texts = new Map<string, string>();
  private readonly relsCache = new Map<string, Relationship[]>();
  /** the zlib level of a changed part, when not the level `toBytes` is given */
  private readonly levels = new Map<string, number>();

  static fromBytes(bytes: Uint8Array): Package {
    const p = new Package();
    for (const e of readZip(bytes)) {
      // names are compared without regard to case in OPC; keep the first spelling
      if (p.entries.has(e.name)) continue;
      p.entries.set(e.name, e);
      p.order.push(e.name);
    }
    return p;
  }

  static empty(): Package {
    return new Package();
  }

  has(path: string): boolean {
    return this.changed.has(path) || this.entries.has(path);
  }

  names(): string[] {
    return this.order.filter((n) => this.has(n));
  }

  /** Whether a part is written as it was read. */
  untouched(path: string): boolean {
    return this.entries.has(path) && !this.changed.has(path);
  }

  bytes(path: string): Uint8Array | null {
    const c = this.changed.get(path);
    if (c instanceof Uint8Array) return c;
    if (c) {
      const joined = c.length === 1 ? c[0]! : Buffer.concat(c);
      this.changed.set(path, joined);
      return joined;
    }
    const e = this.entries.get(path);
    return e ? inflateEntry(e) : null;
  }

  text(path: string): string | null {
    const cached = this.texts.get(path);
    if (cached !== undefined) return cached;
    const b = this.bytes(path);
    if (!b) return null;
    const t = decodePart(b);
    this.texts.set(path, t);
    return t;
  }

  /**
   * A part's text, and the bytes it was decoded from when they are exactly its UTF-8 (valid, no byte order mark): a
   * part written back mostly as read can then copy those bytes instead of encoding its text again. The bytes are
   * null when the text was decoded before (only the text is kept) or would not round-trip.
   */
  source(path: string): { text: string; bytes: Uint8Array | null } | null {
    const cached = this.texts.get(path);
    if (cached !== undefined) return { text: cached, bytes: null };
    const b = this.bytes(path);
    if (!b) return null;
    const text = decodePart(b);
    this.texts.set(path, text);
    const bom = b.length >= 3 && ((b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || utf16(b) !== null);
    return { text, bytes: !bom && isUtf8(b) ? b : null };
  }

  xml(path: string): XNode | null {
    const t = this.text(path);
    return t === null ? null : parseXml(t);
  }

  /** Change a part; `level`: the zlib level to write it at, when not `toBytes`'s. */
  set(path: string, data: string | Uint8Array | readonly Uint8Array[], level?: number): void {
    if (level === undefined) this.levels.delete(path);
    else this.levels.set(path, level);
    if (typeof data === 'string') {
      this.texts.set(path, data);
      this.changed.set(path, encoder.encode(data));
    } else {
      this.texts.delete(path);
      this.changed.set(path, data);
    }
    this.relsCache.delete(path);
    if (!this.order.includes(path)) this.order.push(path);
  }

  remove(path: string): void {
    this.entries.delete(path);
    this.changed.delete(path);
    this.levels.delete(path);
    this.texts.delete(path);
    this.relsCache.delete(path);
    const i = this.order.indexOf(path);
    if (i >= 0) this.order.splice(i, 1);
  }

  // ---- relationships ----

  rels(part: string): Relationship[] {
    const path = relsPathOf(part);
    const cached = this.relsCache.get(path);
    if (cached) return cached;
    const root = this.xml(path);
    const out: Relationship[] = [];
    if (root) {
      for (const n of root.children) {
        if (localName(n.name) !== 'Relationship') continue;
        out.push({
          id: n.attrs['Id'] ?? '',
          type: n.attrs['Type'] ?? '',
          target: n.attrs['Target'] ?? '',
          external: n.attrs['TargetMode'] === 'External',
          attrs: { ...n.attrs },
        });
      }
    }
    this.relsCache.set(path, out);
    return out;
  }

  /** The part a relationship of `part` points to. */
  target(part: string, rel: Relationship): string {
    return this.resolve(part, rel.target);
  }

  /** A relationship target from `from` as the name of the part in this package: OPC part names match without regard
   *  to case and may be percent-encoded in a target (`Sheet1.xml`, `%C3%9Cbersicht.xml`), as Excel reads them. */
  resolve(from: string, target: string): string {
    return this.canonical(resolveTarget(from, target));
  }

  /** The name a part is stored under, for a name that differs in case or percent-encoding (else the name itself). */
  canonical(path: string): string {
    if (this.has(path)) return path;
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // not percent-encoded after all
    }
    if (this.has(decoded)) return decoded;
    const lower = decoded.toLowerCase();
    return this.names().find((n) => n.toLowerCase() === lower) ?? path;
  }

  addRel(part: string, type: string, targetPart: string, stem = 'rIdPr'): string {
    const rels = this.rels(part);
    let id = '';
    for (let n = 1; ; n++) {
      id = `${stem}${n}`;
      if (!rels.some((r) => r.id === id)) break;
    }
    const target = relativeTarget(part === '' ? '_' : part, targetPart);
    rels.push({ id, type, target, external: false, attrs: { Id: id, Type: type, Target: target } });
    this.writeRels(part, rels);
    return id;
  }

  removeRel(part: string, id: string): void {
    const rels = this.rels(part).filter((r) => r.id !== id);
    this.writeRels(part, rels);
  }

  private writeRels(part: string, rels: Relationship[]): void {
    const path = relsPathOf(part);
    const body = rels.map((r) => startTag('Relationship', r.attrs, true)).join('');
    this.set(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">${body}</Relationships>`);
    this.relsCache.set(path, rels);
    if (!this.order.includes(path)) this.order.push(path);
  }

  // ---- content types ----

  /** `[Content_Types].xml` as the package spells it (OPC names match without regard to case). */
  private typesPart(): string {
    return this.canonical('[Content_Types].xml');
  }

  contentType(path: string): string | null {
    const root = this.xml(this.typesPart());
    if (!root) return null;
    let byDefault: string | null = null;
    const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    for (const n of root.children) {
      const l = localName(n.name);
      if (l === 'Override' && (n.attrs['PartName'] ?? '').replace(/^\//, '').toLowerCase() === path.toLowerCase())
        return n.attrs['ContentType'] ?? null;
      if (l === 'Default' && (n.attrs['Extension'] ?? '').toLowerCase() === ext) byDefault = n.attrs['ContentType'] ?? null;
    }
    return byDefault;
  }

  /** Add an Override (or replace the one for this part), leaving every other entry as written. */
  setOverride(path: string, type: string): void {
    const src =
      this.text(this.typesPart()) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.types}"></Types>`;
    const root = parseXml(src);
    for (const n of root.children) {
      if (localName(n.name) === 'Override' && (n.attrs['PartName'] ?? '').replace(/^\//, '').toLowerCase() === path.toLowerCase()) {
        if (n.attrs['ContentType'] === type) return;
        this.set(this.typesPart(), src.slice(0, n.start) + src.slice(n.end));
        return this.setOverride(path, type);
      }
    }
    const el = `<Override PartName="/${escAttr(path)}" ContentType="${escAttr(type)}"/>`;
    this.set(
      this.typesPart(),
      root.innerEnd === root.end
        ? src.slice(0, root.end - 2) + `>${el}</${root.name}>`
        : src.slice(0, root.innerEnd) + el + src.slice(root.innerEnd),
    );
  }

  removeOverride(path: string): void {
    const src = this.text(this.typesPart());
    if (!src) return;
    const root = parseXml(src);
    for (const n of root.children) {
      if (localName(n.name) === 'Override' && (n.attrs['PartName'] ?? '').replace(/^\//, '').toLowerCase() === path.toLowerCase()) {
        this.set(this.typesPart(), src.slice(0, n.start) + src.slice(n.end));
        return;
      }
    }
  }

  ensureDefault(ext: string, type: string): void {
    const src =
      this.text(this.typesPart()) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.types}"></Types>`;
    const root = parseXml(src);
    if (root.children.some((n) => localName(n.name) === 'Default' && (n.attrs['Extension'] ?? '').toLowerCase() === ext)) return;
    const el = `<Default Extension="${escAttr(ext)}" ContentType="${escAttr(type)}"/>`;
    // Defaults first, as Excel writes them
    const first = root.children[0];
    const at = first ? first.start : root.innerEnd;
    this.set(
      this.typesPart(),
      root.innerEnd === root.end ? src.slice(0, root.end - 2) + `>${el}</${root.name}>` : src.slice(0, at) + el + src.slice(at),
    );
  }

  /** A part name not in use, e.g. `xl/worksheets/sheet${n}.xml`. */
  freeName(make: (n: number) => string): string {
    const lower = new Set(this.names().map((n) => n.toLowerCase()));
    for (let n = 1; ; n++) {
      const p = make(n);
      if (!lower.has(p.toLowerCase())) return p;
    }
  }

  /** Remove a part, its relationships part, and every part only it pointed to (a drawing's charts and theirs). */
  removeTree(path: string, stillUsed: (p: string) => boolean): void {
    const rels = this.rels(path);
    this.remove(path);
    this.remove(relsPathOf(path));
    this.removeOverride(path);
    for (const r of rels) {
      if (r.external) continue;
      const t = this.resolve(path, r.target);
      if (this.has(t) && !stillUsed(t)) this.removeTree(t, stillUsed);
    }
  }

  /** Whether any relationship part other than `except`'s points at `target`. */
  referenced(target: string, except: string[] = []): boolean {
    for (const name of this.names()) {
      if (!name.endsWith('.rels') || except.includes(name)) continue;
      const src = name === '_rels/.rels' ? '' : name.replace(/_rels\/([^/]+)\.rels$/, '$1');
      for (const r of this.rels(src)) if (!r.external && this.resolve(src, r.target) === target) return true;
    }
    return false;
  }

  toBytes(level = DEFLATE_LEVEL): Buffer {
    const out: ZipEntry[] = [];
    const names = this.names();
    // [Content_Types].xml first, as Office writes it
    const types = this.typesPart();
    names.sort((a, b) => (a === types ? -1 : b === types ? 1 : 0));
    for (const name of names) {
      const c = this.changed.get(name);
      out.push(c ? makeEntry(name, c, this.levels.get(name) ?? level) : this.entries.get(name)!);
    }
    return writeZip(out);
  }
}

export { attrLocal };

/**
 * Just enough of the Open Packaging Conventions to add and carry over chart parts in an .xlsx zip: relationship
 * files, part paths, the workbook's sheet → part map and content types. Regular expressions over the small,
 * machine-written XML parts involved (relationships, content types, the workbook's sheet list).
 */
import type JSZip from 'jszip';

export const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
} as const;

export const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[2] ?? m[3] ?? '') : null;
}

export function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

export function parseRels(xml: string | null): Relationship[] {
  if (!xml) return [];
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const tag = m[0];
    out.push({
      id: attr(tag, 'Id') ?? '',
      type: attr(tag, 'Type') ?? '',
      target: attr(tag, 'Target') ?? '',
      external: (attr(tag, 'TargetMode') ?? '') === 'External',
    });
  }
  return out;
}

export function relsXml(rels: Relationship[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const body = rels
    .map((r) => `<Relationship Id="${esc(r.id)}" Type="${esc(r.type)}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}

/** xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolve a relationship target against the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The relative target from one part to another (both package paths without a leading slash). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export async function readText(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path);
  return f ? f.async('string') : null;
}

/** Sheet name → its worksheet part, from the workbook part and its relationships. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const rootRels = parseRels(await readText(zip, '_rels/.rels'));
  const wbRel = rootRels.find((r) => r.type === REL.officeDocument);
  const wbPath = wbRel ? resolveTarget('', wbRel.target) : 'xl/workbook.xml';
  const wbXml = (await readText(zip, wbPath)) ?? '';
  const wbRels = parseRels(await readText(zip, relsPathOf(wbPath)));
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id') ?? attr(m[0], '\\w+:id');
    const rel = wbRels.find((r) => r.id === rid);
    if (name !== null && rel) out.set(name, resolveTarget(wbPath, rel.target));
  }
  return out;
}

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export async function readContentTypes(zip: JSZip): Promise<ContentTypes> {
  const xml = (await readText(zip, '[Content_Types].xml')) ?? '';
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)) {
    const ext = attr(m[0], 'Extension');
    const type = attr(m[0], 'ContentType');
    if (ext && type) defaults.set(ext.toLowerCase(), type);
  }
  for (const m of xml.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    const part = attr(m[0], 'PartName');
    const type = attr(m[0], 'ContentType');
    if (part && type) overrides.set(part.replace(/^\//, ''), type);
  }
  return { defaults, overrides };
}

export function contentTypeOf(ct: ContentTypes, path: string): string | null {
  const o = ct.overrides.get(path);
  if (o) return o;
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return ct.defaults.get(ext) ?? null;
}

/** Add Override entries to [Content_Types].xml (skipping parts already listed). */
export async function addOverrides(zip: JSZip, entries: Array<{ path: string; type: string }>): Promise<void> {
  let xml = (await readText(zip, '[Content_Types].xml')) ?? '';
  const existing = await readContentTypes(zip);
  const add = entries
    .filter((e) => !existing.overrides.has(e.path))
    .map((e) => `<Override PartName="/${e.path}" ContentType="${e.type}"/>`)
    .join('');
  xml = xml.replace(/<\/(\w+:)?Types>\s*$/, (end) => `${add}${end}`);
  zip.file('[Content_Types].xml', xml);
}

export function getAttr(tag: string, name: string): string | null {
  return attr(tag, name);
}

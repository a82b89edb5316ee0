/**
 * `xl/styles.xml`: what the reader needs (which cell formats are dates; wrap, font size and boldness for row
 * heights) and the plan's formats as new entries. Existing fonts, fills, borders, number formats, cell formats and
 * differential formats are never changed or renumbered: a format a plan asks for is a new `xf` appended (or an
 * identical one reused), built from the cell's current one; everything else in the part is written back as it was.
 */
import type { CellFormat, ConditionalRule } from '../../core/sheet-plan/types.js';
import { isDateFormat } from '../../core/util/dates.js';
import { escAttr, localName, parseXml, startTag, type XNode } from './xml.js';

/** #RRGGBB → ARGB (opaque). */
export function argb(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new RangeError(`not a #RRGGBB colour: ${hex}`);
  return `FF${m[1]!.toUpperCase()}`;
}

const BORDER_GREY = 'FFA6A6A6';

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

interface Collection {
  /** local name of the collection element */
  name: string;
  node: XNode | null;
  /** the items as written, then the ones added */
  items: string[];
  added: number;
  index: Map<string, number>;
}

/** What a cell format means to the engine. */
export interface XfInfo {
  numFmtId: number;
  fontId: number;
  wrap: boolean;
  fontSize: number;
  bold: boolean;
  date: boolean;
}

interface FontParts {
  children: Map<string, string>;
}

const FONT_ORDER = [
  'b',
  'i',
  'strike',
  'condense',
  'extend',
  'outline',
  'shadow',
  'u',
  'vertAlign',
  'sz',
  'color',
  'name',
  'family',
  'charset',
  'scheme',
];
/** CT_Stylesheet order */
const SHEET_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

export const NEW_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="1"><font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
  `</styleSheet>`;

export class Styles {
  private readonly src: string;
  private readonly root: XNode;
  private readonly prefix: string;
  private readonly numFmts = new Map<number, string>();
  /** withLocked(s, false | true) by style index */
  private readonly lockedCache = [new Map<number, number>(), new Map<number, number>()];
  private readonly numFmtNode: XNode | null;
  private readonly addedNumFmts: Array<{ id: number; code: string }> = [];
  private readonly fonts: Collection;
  private readonly fills: Collection;
  private readonly borders: Collection;
  private readonly xfs: Collection;
  private readonly dxfs: Collection;
  private readonly xfNodes: XNode[];
  private readonly fontNodes: XNode[];
  private readonly infoCache = new Map<number, XfInfo>();
  private readonly formatCache = new Map<string, number>();
  private readonly formatObjects = new WeakMap<CellFormat, Map<number, number>>();
  private addedXfNodes: XNode[] = [];
  private addedFontNodes: XNode[] = [];

  constructor(src: string) {
    this.src = src;
    this.root = parseXml(src);
    const p = this.root.name.includes(':') ? this.root.name.slice(0, this.root.name.indexOf(':') + 1) : '';
    this.prefix = p;
    const find = (name: string) => this.root.children.find((c) => localName(c.name) === name) ?? null;
    this.numFmtNode = find('numFmts');
    for (const n of this.numFmtNode?.children ?? []) this.numFmts.set(Number(n.attrs['numFmtId']), n.attrs['formatCode'] ?? '');
    const collect = (name: string, item: string): Collection => {
      const node = find(name);
      const items = (node?.children ?? []).filter((c) => localName(c.name) === item).map((c) => src.slice(c.start, c.end));
      return { name, node, items, added: 0, index: new Map() };
    };
    this.fonts = collect('fonts', 'font');
    this.fills = collect('fills', 'fill');
    this.borders = collect('borders', 'border');
    this.xfs = collect('cellXfs', 'xf');
    this.dxfs = collect('dxfs', 'dxf');
    this.xfNodes = (find('cellXfs')?.children ?? []).filter((c) => localName(c.name) === 'xf');
    this.fontNodes = (find('fonts')?.children ?? []).filter((c) => localName(c.name) === 'font');
    if (this.xfs.items.length === 0) {
      // a cellXfs list is required; a workbook without one gets the default format
      this.add(this.xfs, `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
      this.addedXfNodes.push(parseXml(this.xfs.items[0]!));
    }
    if (this.fonts.items.length === 0) {
      this.add(this.fonts, `<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`);
      this.addedFontNodes.push(parseXml(this.fonts.items[0]!));
    }
  }

  get changed(): boolean {
    return this.fonts.added + this.fills.added + this.borders.added + this.xfs.added + this.dxfs.added + this.addedNumFmts.length > 0;
  }

  private xfNode(i: number): XNode | undefined {
    return i < this.xfNodes.length ? this.xfNodes[i] : this.addedXfNodes[i - this.xfNodes.length];
  }

  private fontNode(i: number): XNode | undefined {
    return i < this.fontNodes.length ? this.fontNodes[i] : this.addedFontNodes[i - this.fontNodes.length];
  }

  get xfCount(): number {
    return this.xfs.items.length;
  }

  info(s: number): XfInfo {
    const cached = this.infoCache.get(s);
    if (cached) return cached;
    const xf = this.xfNode(s) ?? this.xfNode(0);
    const numFmtId = Number(xf?.attrs['numFmtId'] ?? 0);
    const fontId = Number(xf?.attrs['fontId'] ?? 0);
    const align = xf?.children.find((c) => localName(c.name) === 'alignment');
    const font = this.fontNode(fontId);
    let fontSize = 11;
    let bold = false;
    for (const c of font?.children ?? []) {
      const l = localName(c.name);
      if (l === 'sz') fontSize = Number(c.attrs['val'] ?? 11) || 11;
      if (l === 'b') bold = c.attrs['val'] === undefined || c.attrs['val'] === '1' || c.attrs['val'] === 'true';
    }
    const code = this.numFmts.get(numFmtId) ?? this.addedNumFmts.find((n) => n.id === numFmtId)?.code;
    const info: XfInfo = {
      numFmtId,
      fontId,
      wrap: align ? align.attrs['wrapText'] === '1' || align.attrs['wrapText'] === 'true' : false,
      fontSize,
      bold,
      date: code !== undefined ? isDateFormat(code) : BUILTIN_DATE_IDS.has(numFmtId),
    };
    this.infoCache.set(s, info);
    return info;
  }

  private add(c: Collection, xml: string): number {
    if (c.index.size === 0 && c.items.length > 0) c.items.forEach((it, i) => c.index.has(it) || c.index.set(it, i));
    const found = c.index.get(xml);
    if (found !== undefined) return found;
    c.items.push(xml);
    c.added++;
    c.index.set(xml, c.items.length - 1);
    return c.items.length - 1;
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code]!;
    for (const [id, c] of this.numFmts) if (c === code) return id;
    const added = this.addedNumFmts.find((n) => n.code === code);
    if (added) return added.id;
    const id = Math.max(163, ...this.numFmts.keys(), ...this.addedNumFmts.map((n) => n.id)) + 1;
    this.addedNumFmts.push({ id, code });
    return id;
  }

  /** The cell format `s` with `f` laid over it: an existing index when one is identical, else a new one. */
  withFormat(s: number, f: CellFormat): number {
    let byStyle = this.formatObjects.get(f);
    if (!byStyle) {
      byStyle = new Map();
      this.formatObjects.set(f, byStyle);
    }
    const seen = byStyle.get(s);
    if (seen !== undefined) return seen;
    const key = `${s}|${JSON.stringify(f)}`;
    const hit = this.formatCache.get(key);
    if (hit !== undefined) {
      byStyle.set(s, hit);
      return hit;
    }
    const p = this.prefix;
    const base = this.xfNode(s) ?? this.xfNode(0)!;
    const attrs: Record<string, string> = { ...base.attrs };
    if (!('numFmtId' in attrs)) attrs['numFmtId'] = '0';
    if (!('fontId' in attrs)) attrs['fontId'] = '0';
    if (!('fillId' in attrs)) attrs['fillId'] = '0';
    if (!('borderId' in attrs)) attrs['borderId'] = '0';
    if (!('xfId' in attrs)) attrs['xfId'] = '0';
    let alignment = base.children.find((c) => localName(c.name) === 'alignment');
    const protection = base.children.find((c) => localName(c.name) === 'protection');
    const extra = base.children.filter((c) => !['alignment', 'protection'].includes(localName(c.name)));
    const xfSrc = s < this.xfNodes.length ? this.src : (this.xfs.items[s] ?? '');

    if (f.bold !== undefined || f.italic !== undefined || f.fontSize !== undefined || f.fontColour !== undefined) {
      const fontNode = this.fontNode(Number(attrs['fontId'])) ?? this.fontNode(0);
      const fontSrc = Number(attrs['fontId']) < this.fontNodes.length ? this.src : (this.fonts.items[Number(attrs['fontId'])] ?? '');
      const parts: FontParts = { children: new Map() };
      for (const c of fontNode?.children ?? []) parts.children.set(localName(c.name), fontSrc.slice(c.start, c.end));
      if (!parts.children.has('name')) parts.children.set('name', `<${p}name val="Calibri"/>`);
      if (!parts.children.has('sz')) parts.children.set('sz', `<${p}sz val="11"/>`);
      if (f.bold === true) parts.children.set('b', `<${p}b/>`);
      else if (f.bold === false) parts.children.delete('b');
      if (f.italic === true) parts.children.set('i', `<${p}i/>`);
      else if (f.italic === false) parts.children.delete('i');
      if (f.fontSize !== undefined) parts.children.set('sz', `<${p}sz val="${f.fontSize}"/>`);
      if (f.fontColour !== undefined) parts.children.set('color', `<${p}color rgb="${argb(f.fontColour)}"/>`);
      const ordered = [...parts.children.entries()].sort((a, b) => order(FONT_ORDER, a[0]) - order(FONT_ORDER, b[0]));
      const xml = `<${p}font>${ordered.map(([, x]) => x).join('')}</${p}font>`;
      const before = this.fonts.items.length;
      const id = this.add(this.fonts, xml);
      if (this.fonts.items.length > before) this.addedFontNodes.push(parseXml(xml));
      attrs['fontId'] = String(id);
      attrs['applyFont'] = '1';
    }
    if (f.fill !== undefined) {
      const c = argb(f.fill);
      attrs['fillId'] = String(
        this.add(
          this.fills,
          `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${c}"/><${p}bgColor rgb="${c}"/></${p}patternFill></${p}fill>`,
        ),
      );
      attrs['applyFill'] = '1';
    }
    if (f.border !== undefined) {
      const side = (n: string) =>
        f.border === 'thin' ? `<${p}${n} style="thin"><${p}color rgb="${BORDER_GREY}"/></${p}${n}>` : `<${p}${n}/>`;
      attrs['borderId'] = String(
        this.add(this.borders, `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`),
      );
      attrs['applyBorder'] = '1';
    }
    if (f.numberFormat !== undefined) {
      attrs['numFmtId'] = String(this.numFmtId(f.numberFormat));
      attrs['applyNumberFormat'] = '1';
    }
    let alignXml = alignment ? xfSrc.slice(alignment.start, alignment.end) : '';
    if (f.wrap !== undefined || f.hAlign !== undefined || f.vAlign !== undefined) {
      const a: Record<string, string> = { ...(alignment?.attrs ?? {}) };
      if (f.hAlign !== undefined) a['horizontal'] = f.hAlign;
      if (f.vAlign !== undefined) a['vertical'] = f.vAlign === 'middle' ? 'center' : f.vAlign;
      if (f.wrap !== undefined) {
        if (f.wrap) a['wrapText'] = '1';
        else delete a['wrapText'];
      }
      alignXml = Object.keys(a).length ? startTag(`${p}alignment`, a, true) : '';
      attrs['applyAlignment'] = '1';
      alignment = undefined;
    }
    const protXml = protection ? xfSrc.slice(protection.start, protection.end) : '';
    const xml = this.xfXml(attrs, alignXml, protXml, extra.map((c) => xfSrc.slice(c.start, c.end)).join(''));
    const id = this.addXf(xml);
    this.formatCache.set(key, id);
    byStyle.set(s, id);
    return id;
  }

  /** The cell format `s`, unlocked (or locked again). */
  withLocked(s: number, locked: boolean): number {
    const byStyle = this.lockedCache[locked ? 1 : 0]!;
    const seen = byStyle.get(s);
    if (seen !== undefined) return seen;
    const key = `${s}|locked:${locked}`;
    const hit = this.formatCache.get(key);
    if (hit !== undefined) {
      byStyle.set(s, hit);
      return hit;
    }
    const base = this.xfNode(s) ?? this.xfNode(0)!;
    const xfSrc = s < this.xfNodes.length ? this.src : (this.xfs.items[s] ?? '');
    const attrs: Record<string, string> = { numFmtId: '0', fontId: '0', fillId: '0', borderId: '0', xfId: '0', ...base.attrs };
    const alignment = base.children.find((c) => localName(c.name) === 'alignment');
    const protection = base.children.find((c) => localName(c.name) === 'protection');
    const pa: Record<string, string> = { ...(protection?.attrs ?? {}) };
    if (locked) delete pa['locked'];
    else pa['locked'] = '0';
    attrs['applyProtection'] = '1';
    const extra = base.children.filter((c) => !['alignment', 'protection'].includes(localName(c.name)));
    const xml = this.xfXml(
      attrs,
      alignment ? xfSrc.slice(alignment.start, alignment.end) : '',
      Object.keys(pa).length ? startTag(`${this.prefix}protection`, pa, true) : '',
      extra.map((c) => xfSrc.slice(c.start, c.end)).join(''),
    );
    const id = this.addXf(xml);
    this.formatCache.set(key, id);
    byStyle.set(s, id);
    return id;
  }

  isLocked(s: number): boolean {
    const base = this.xfNode(s) ?? this.xfNode(0);
    const protection = base?.children.find((c) => localName(c.name) === 'protection');
    const v = protection?.attrs['locked'];
    return !(v === '0' || v === 'false');
  }

  private xfXml(attrs: Record<string, string>, alignment: string, protection: string, extra: string): string {
    const p = this.prefix;
    const inner = alignment + protection + extra;
    return inner ? `${startTag(`${p}xf`, attrs)}${inner}</${p}xf>` : startTag(`${p}xf`, attrs, true);
  }

  private addXf(xml: string): number {
    const before = this.xfs.items.length;
    const id = this.add(this.xfs, xml);
    if (this.xfs.items.length > before) {
      this.addedXfNodes.push(parseXml(xml));
    }
    return id;
  }

  /** A differential format for a conditional rule (appended; an identical one is reused). */
  dxf(format: ConditionalRule['format']): number {
    const p = this.prefix;
    let font = '';
    if (format.fontColour !== undefined || format.bold !== undefined) {
      font = `<${p}font>${format.bold ? `<${p}b/>` : format.bold === false ? `<${p}b val="0"/>` : ''}${format.fontColour ? `<${p}color rgb="${argb(format.fontColour)}"/>` : ''}</${p}font>`;
    }
    const fill = format.fill
      ? `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(format.fill)}"/><${p}bgColor rgb="${argb(format.fill)}"/></${p}patternFill></${p}fill>`
      : '';
    return this.add(this.dxfs, `<${p}dxf>${font}${fill}</${p}dxf>`);
  }

  /** The part with what was added; the original text when nothing was. */
  serialise(): string {
    if (!this.changed) return this.src;
    const p = this.prefix;
    const edits: Array<{ start: number; end: number; text: string; name: string }> = [];
    const collection = (c: Collection) => {
      if (c.added === 0) return;
      const tail = c.items.slice(c.items.length - c.added).join('');
      if (c.node) {
        const n = c.node;
        const open = startTag(n.name, { ...n.attrs, count: String(c.items.length) });
        const inner = n.innerEnd === n.end ? '' : this.src.slice(n.innerStart, n.innerEnd);
        edits.push({ start: n.start, end: n.end, text: `${open}${inner}${tail}</${n.name}>`, name: c.name });
      } else {
        edits.push({ start: -1, end: -1, text: `<${p}${c.name} count="${c.items.length}">${tail}</${p}${c.name}>`, name: c.name });
      }
    };
    if (this.addedNumFmts.length) {
      const tail = this.addedNumFmts.map((n) => `<${p}numFmt numFmtId="${n.id}" formatCode="${escAttr(n.code)}"/>`).join('');
      const n = this.numFmtNode;
      const count = this.numFmts.size + this.addedNumFmts.length;
      if (n) {
        const inner = n.innerEnd === n.end ? '' : this.src.slice(n.innerStart, n.innerEnd);
        edits.push({
          start: n.start,
          end: n.end,
          text: `${startTag(n.name, { ...n.attrs, count: String(count) })}${inner}${tail}</${n.name}>`,
          name: 'numFmts',
        });
      } else edits.push({ start: -1, end: -1, text: `<${p}numFmts count="${count}">${tail}</${p}numFmts>`, name: 'numFmts' });
    }
    for (const c of [this.fonts, this.fills, this.borders, this.xfs, this.dxfs]) collection(c);
    // new collections go before the first existing element that comes after them in the schema
    for (const e of edits) {
      if (e.start >= 0) continue;
      const mine = order(SHEET_ORDER, e.name);
      const next = this.root.children.find((c) => order(SHEET_ORDER, localName(c.name)) > mine);
      e.start = e.end = next ? next.start : this.root.innerEnd;
    }
    edits.sort((a, b) => b.start - a.start || order(SHEET_ORDER, b.name) - order(SHEET_ORDER, a.name));
    let out = this.src;
    if (this.root.innerEnd === this.root.end) {
      // <styleSheet/>: open it up first (not seen in practice)
      out = `${out.slice(0, this.root.end - 2)}></${this.root.name}>`;
    }
    for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
  }
}

function order(list: string[], name: string): number {
  const i = list.indexOf(name);
  return i < 0 ? 999 : i;
}

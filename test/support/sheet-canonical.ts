/**
 * A canonical form of a worksheet part for the acceptance tests: what must stay as it was after the tool patched the
 * tab. Everything the sheet plan wrote is removed from it first — the cells, rows, merges, dropdowns and colour rules
 * inside the plan's ranges, the columns it sized, and the tab settings it set (freeze, protection, print) — then the
 * rest is written out with attributes sorted, whitespace between elements dropped, and shared strings resolved to
 * their text (so an appended or inline string does not count as a change). Comparing the canonical forms of the part
 * before and after shows any change outside what the tool owns.
 */
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8 } from 'fflate';
import { columnNumber } from '../../core/util/a1.js';
import type { RangeRef, TabPlan } from '../../core/sheet-plan/types.js';

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

type El = Element;

function children(n: Node, local?: string): El[] {
  const out: El[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (!local || (c as El).localName === local)) out.push(c as El);
  return out;
}

export function parseXml(bytes: Uint8Array): Document {
  return new DOMParser().parseFromString(strFromU8(bytes), 'text/xml') as unknown as Document;
}

/** The texts of a shared strings part, by index (rich text runs joined). */
export function sharedStrings(bytes: Uint8Array | undefined): string[] {
  if (!bytes) return [];
  const doc = parseXml(bytes);
  return children(doc.documentElement, 'si').map((si) => {
    const ts = si.getElementsByTagNameNS(SML, 't');
    let s = '';
    for (let i = 0; i < ts.length; i++) {
      // phonetic runs (rPh) are not part of the text
      if ((ts[i]!.parentNode as El).localName === 'rPh') continue;
      s += ts[i]!.textContent ?? '';
    }
    return s;
  });
}

/** What a plan wrote on one tab: rectangles of cells (and rules), whole rows and whole columns. */
export interface WriteArea {
  ranges: RangeRef[];
  rows: Set<number>;
  cols: Set<number>;
  freeze: boolean;
  protection: boolean;
  print: boolean;
}

export function emptyArea(): WriteArea {
  return { ranges: [], rows: new Set(), cols: new Set(), freeze: false, protection: false, print: false };
}

/** Add one tab plan's writes to an area. */
export function addPlan(area: WriteArea, tab: TabPlan): void {
  for (const b of tab.blocks)
    area.ranges.push({ row: b.row, col: b.col, rows: b.cells.length, cols: b.cells.reduce((m, r) => Math.max(m, r.length), 0) });
  for (const x of [...tab.formats, ...tab.validations, ...tab.conditionalFormats]) area.ranges.push(x.range);
  area.ranges.push(...tab.merges);
  for (const h of tab.rowHeights ?? []) area.rows.add(h.row);
  for (const r of tab.hiddenRows ?? []) area.rows.add(r);
  for (const w of tab.columnWidths) area.cols.add(w.col);
  for (const c of tab.hiddenColumns ?? []) area.cols.add(c);
  if (tab.freeze) area.freeze = true;
  if (tab.protection) area.protection = true;
  if (tab.print) area.print = true;
  // the host may size a written row to its wrapped text: every row a block wrote counts as written
  for (const b of tab.blocks) for (let r = 0; r < b.cells.length; r++) area.rows.add(b.row + r);
}

function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return { col: columnNumber(m[1]!), row: Number(m[2]) };
}

/** `A1:B9 D4` → ranges (whole columns and rows as given). */
function sqrefRanges(sqref: string): RangeRef[] {
  return sqref
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const [a, b] = part.split(':');
      const p = parseRef(a!);
      const q = b ? parseRef(b) : p;
      return {
        row: Math.min(p.row, q.row),
        col: Math.min(p.col, q.col),
        rows: Math.abs(q.row - p.row) + 1,
        cols: Math.abs(q.col - p.col) + 1,
      };
    });
}

const overlaps = (a: RangeRef, b: RangeRef) =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
const inArea = (area: WriteArea, r: RangeRef) => area.ranges.some((w) => overlaps(w, r));

/** The canonical text of a worksheet with everything `area` wrote removed. */
export function canonicalSheet(bytes: Uint8Array, strings: string[], area: WriteArea): string {
  const doc = parseXml(bytes);
  const root = doc.documentElement;
  const drop = (el: El) => el.parentNode?.removeChild(el);
  for (const el of children(root)) {
    switch (el.localName) {
      case 'dimension':
        drop(el); // derived from the cells
        break;
      case 'sheetViews':
        if (area.freeze) drop(el);
        else {
          // the cursor, and which tab is selected (every plan activates a tab)
          for (const v of children(el, 'sheetView')) {
            v.removeAttribute('tabSelected');
            for (const s of children(v, 'selection')) drop(s);
          }
        }
        break;
      case 'sheetProtection':
      case 'protectedRanges':
        if (area.protection) drop(el);
        break;
      case 'printOptions':
      case 'pageMargins':
      case 'pageSetup':
      case 'headerFooter':
        if (area.print) drop(el);
        break;
      case 'sheetPr':
        for (const p of children(el, 'pageSetUpPr')) if (area.print) drop(p);
        for (const p of children(el, 'tabColor')) drop(p); // set by the plan on tabs it creates
        break;
      case 'cols':
        for (const c of children(el, 'col')) {
          const min = Number(c.getAttribute('min'));
          const max = Number(c.getAttribute('max'));
          for (let k = min; k <= max && k <= 16_384; k++) {
            if (area.cols.has(k) || inArea(area, { row: 1, col: k, rows: 1_048_576, cols: 1 })) {
              drop(c);
              break;
            }
          }
        }
        break;
      case 'sheetData':
        canonicalRows(el, strings, area);
        break;
      case 'mergeCells':
        for (const m of children(el, 'mergeCell')) if (sqrefRanges(m.getAttribute('ref') ?? '').some((r) => inArea(area, r))) drop(m);
        el.removeAttribute('count');
        break;
      case 'conditionalFormatting':
        if (sqrefRanges(el.getAttribute('sqref') ?? '').some((r) => inArea(area, r))) drop(el);
        break;
      case 'dataValidations':
        for (const v of children(el, 'dataValidation'))
          if (sqrefRanges(v.getAttribute('sqref') ?? '').some((r) => inArea(area, r))) drop(v);
        el.removeAttribute('count');
        break;
      default:
        break;
    }
  }
  // empty containers left behind say nothing
  for (const name of ['mergeCells', 'dataValidations', 'cols'])
    for (const el of children(root, name)) if (children(el).length === 0) drop(el);
  return serialise(root);
}

function canonicalRows(sheetData: El, strings: string[], area: WriteArea): void {
  let rowNo = 0;
  for (const row of children(sheetData, 'row')) {
    rowNo = row.hasAttribute('r') ? Number(row.getAttribute('r')) : rowNo + 1;
    row.setAttribute('r', String(rowNo));
    let colNo = 0;
    for (const c of children(row, 'c')) {
      const at = c.hasAttribute('r') ? parseRef(c.getAttribute('r')!) : { row: rowNo, col: colNo + 1 };
      colNo = at.col;
      c.setAttribute('r', `${at.col}:${at.row}`);
      if (inArea(area, { row: at.row, col: at.col, rows: 1, cols: 1 })) {
        row.removeChild(c);
        continue;
      }
      // the value as text: shared string index → its text; inline string → its text
      const t = c.getAttribute('t');
      if (t === 's') {
        const v = children(c, 'v')[0];
        const text = strings[Number(v?.textContent ?? -1)] ?? `(missing shared string ${v?.textContent})`;
        for (const ch of children(c)) if (ch.localName === 'v') c.removeChild(ch);
        c.setAttribute('t', 'str-text');
        c.setAttribute('text', text);
      } else if (t === 'inlineStr') {
        const is = children(c, 'is')[0];
        c.setAttribute('t', 'str-text');
        c.setAttribute('text', is?.textContent ?? '');
        if (is) c.removeChild(is);
      }
    }
    row.removeAttribute('spans'); // derived
    if (area.rows.has(rowNo)) {
      // a row the plan wrote in: its height and format are the tool's
      for (const a of ['ht', 'customHeight', 'hidden', 's', 'customFormat', 'thickBot', 'thickTop']) row.removeAttribute(a);
      for (const a of Array.from(row.attributes)) if (a.localName === 'dyDescent') row.removeAttributeNode(a);
    }
    if (children(row).length === 0 && row.attributes.length <= 1) sheetData.removeChild(row);
  }
}

/** Elements with sorted attributes (namespace URIs, not prefixes), whitespace-only text dropped, one line. */
export function serialise(el: El): string {
  const name = `{${el.namespaceURI ?? ''}}${el.localName}`;
  const attrs = Array.from(el.attributes)
    .filter((a) => a.name !== 'xmlns' && !a.name.startsWith('xmlns:'))
    .map((a) => `{${a.namespaceURI ?? ''}}${a.localName}=${JSON.stringify(a.value)}`)
    .sort();
  let inner = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) inner += serialise(c as El);
    else if ((c.nodeType === 3 || c.nodeType === 4) && (c.textContent ?? '').trim() !== '') inner += JSON.stringify(c.textContent);
  }
  return `<${name}${attrs.length ? ' ' + attrs.join(' ') : ''}>${inner}</>\n`;
}

/** Sheet name → worksheet part (and its rels part) from a package's workbook. */
export function sheetParts(parts: Map<string, Uint8Array>): Map<string, string> {
  const out = new Map<string, string>();
  const wb = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return out;
  const targets = new Map(
    children(parseXml(rels).documentElement, 'Relationship').map((r) => [r.getAttribute('Id')!, r.getAttribute('Target')!]),
  );
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  for (const s of Array.from(parseXml(wb).getElementsByTagNameNS(SML, 'sheet'))) {
    const target = targets.get(s.getAttributeNS(R, 'id') ?? '');
    if (!target) continue;
    out.set(s.getAttribute('name')!, target.startsWith('/') ? target.slice(1) : normalise(`xl/${target}`));
  }
  return out;
}

export function normalise(path: string): string {
  const out: string[] = [];
  for (const p of path.split('/')) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels */
export function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Relationships of a rels part: id, type, absolute target (internal), mode. */
export function relationships(
  parts: Map<string, Uint8Array>,
  source: string,
): { id: string; type: string; target: string; external: boolean }[] {
  const rels = parts.get(source === '' ? '_rels/.rels' : relsOf(source));
  if (!rels) return [];
  const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
  return children(parseXml(rels).documentElement, 'Relationship').map((r) => {
    const external = r.getAttribute('TargetMode') === 'External';
    const t = r.getAttribute('Target') ?? '';
    return {
      id: r.getAttribute('Id') ?? '',
      type: r.getAttribute('Type') ?? '',
      target: external ? t : t.startsWith('/') ? t.slice(1) : normalise(dir + t),
      external,
    };
  });
}

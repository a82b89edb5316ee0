/**
 * The workbook engine: an OPC package read part by part, the workbook part (tabs, defined names, views), the styles
 * and shared strings, and a model per worksheet that is parsed only when a command reads or writes that tab.
 * `toBytes` writes back the parts it changed; every other part keeps its original bytes.
 */
import { FileProblem } from '../file-safety.js';
import { CT, NS, Package, REL, relsPathOf } from './package.js';
import { NEW_SHARED_STRINGS, SharedStrings } from './shared-strings.js';
import { BLANK_SHEET, SheetModel } from './sheet.js';
import { NEW_STYLES, Styles } from './styles.js';
import { attrLocal, escAttr, localName, parseXml, retag, startTag, XmlError, type XNode } from './xml.js';
import { KEPT_PART_LEVEL, ZipError } from './zip.js';

export interface SheetEntry {
  name: string;
  attrs: Record<string, string>;
  /** the worksheet part ('' for a chart sheet or another kind of tab) */
  part: string;
  kind: 'worksheet' | 'other';
  model: SheetModel | null;
}

interface DefinedName {
  attrs: Record<string, string>;
  text: string;
  /** the tab a local name belongs to */
  sheet: SheetEntry | null;
}

const WB_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/** Whether `bytes` hold `text` written in UTF-16LE (ASCII text: each letter then a zero byte). */
function holdsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i >= 0 && i + text.length * 2 <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    for (let k = 0; k < text.length; k++) if (bytes[i + 2 * k] !== text.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

export function notXlsx(label: string, why: string): FileProblem {
  return new FileProblem(
    `${label} is not an .xlsx workbook (or is damaged): ${why}. Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx), then try again; it has not been changed.`,
  );
}

/** Text of a defined name: & < > and ' escaped, as Excel writes them. */
function escName(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
}

/** A tab's attributes as written: its own order, with `state` right after the name (where Excel puts it). */
function sheetAttrs(s: SheetEntry): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(s.attrs)) {
    if (k === 'state') continue;
    out.push([k, k === 'name' ? s.name : v]);
    if (k === 'name' && s.attrs['state']) out.push(['state', s.attrs['state']]);
  }
  return out;
}

export class Workbook {
  readonly sheets: SheetEntry[] = [];
  private names: DefinedName[] = [];
  private src: string;
  private root: XNode;
  private dirty = false;
  private activeSheet: SheetEntry | null = null;
  private firstSheet: SheetEntry | null = null;
  private activeChanged = false;
  private stylesModel: Styles | null = null;
  private stylesPart = '';
  private sstModel: SharedStrings | null = null;
  private sstPart = '';
  private sstRead = false;
  readonly date1904: boolean;
  readonly macroEnabled: boolean;

  private constructor(
    readonly pkg: Package,
    readonly wbPath: string,
  ) {
    this.src = pkg.text(wbPath) ?? '';
    this.root = parseXml(this.src);
    const pr = this.top('workbookPr');
    this.date1904 = pr?.attrs['date1904'] === '1' || pr?.attrs['date1904'] === 'true';
    this.macroEnabled = (pkg.contentType(wbPath) ?? '') === CT.workbookMacro;
    const rels = pkg.rels(wbPath);
    for (const n of this.top('sheets')?.children ?? []) {
      if (localName(n.name) !== 'sheet') continue;
      const rid = attrLocal(n, 'id');
      const rel = rels.find((r) => r.id === rid);
      const part = rel && !rel.external ? pkg.resolve(wbPath, rel.target) : '';
      const kind = rel?.type === REL.worksheet && part && pkg.has(part) ? 'worksheet' : 'other';
      this.sheets.push({ name: n.attrs['name'] ?? '', attrs: { ...n.attrs }, part, kind, model: null });
    }
    for (const n of this.top('definedNames')?.children ?? []) {
      if (localName(n.name) !== 'definedName') continue;
      const local = n.attrs['localSheetId'];
      this.names.push({ attrs: { ...n.attrs }, text: n.text, sheet: local !== undefined ? (this.sheets[Number(local)] ?? null) : null });
    }
    const view = this.top('bookViews')?.children.find((c) => localName(c.name) === 'workbookView');
    this.activeSheet = this.sheets[Number(view?.attrs['activeTab'] ?? 0)] ?? null;
    this.firstSheet = this.sheets[Number(view?.attrs['firstSheet'] ?? 0)] ?? null;
  }

  private top(local: string): XNode | undefined {
    return this.root.children.find((c) => localName(c.name) === local);
  }

  /** A part read later (a tab, the shared strings, the styles) that cannot be read: the same one line as `open`
   *  gives; any other error as it is. */
  static unreadable(e: unknown, label: string): unknown {
    if (e instanceof XmlError || e instanceof ZipError) return notXlsx(label, `a part of it cannot be read (${e.message})`);
    return e;
  }

  /** Open package bytes; one clear line when they are not an .xlsx/.xlsm workbook. */
  static open(bytes: Uint8Array, label: string): Workbook {
    if (bytes.length === 0) throw notXlsx(label, 'the file is empty');
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      // a compound file: an encrypted workbook holds an "EncryptedPackage" stream (its name in UTF-16 in the directory)
      if (holdsUtf16(bytes, 'EncryptedPackage'))
        throw new FileProblem(
          `${label} is protected with a password (encrypted), so it cannot be read: open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it), save it, then try again; it has not been changed.`,
        );
      throw notXlsx(label, 'it is an older Excel 97–2003 workbook (.xls)');
    }
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      if (/\.(csv|txt|tsv)$/i.test(label))
        throw new FileProblem(
          `${label} is a text file (CSV), not a review workbook: give the review .xlsx first; a Forms export is imported with "partnership-review import <review.xlsx> ${label}". It has not been changed.`,
        );
      throw notXlsx(label, 'it is not a zip package as .xlsx files are');
    }
    let pkg: Package;
    try {
      pkg = Package.fromBytes(bytes);
    } catch (e) {
      throw notXlsx(label, `the zip package cannot be read (${(e as Error).message})`);
    }
    try {
      const mime = pkg.text('mimetype');
      if (mime !== null && mime.startsWith('application/vnd.oasis.opendocument')) {
        throw new FileProblem(
          `${label} is an OpenDocument spreadsheet (.ods): open it in LibreOffice or Excel and save it as an Excel workbook (.xlsx) ("Keep current format" → "Use Excel 2007-365!"), then try again; it has not been changed.`,
        );
      }
      const main = pkg.rels('').find((r) => r.type === REL.officeDocument || r.type.endsWith('/officeDocument'));
      const mainPath = main ? pkg.resolve('', main.target) : null;
      if (mainPath && (mainPath.endsWith('.bin') || (pkg.contentType(mainPath) ?? '').includes('sheet.binary'))) {
        throw new FileProblem(
          `${label} is an Excel binary workbook (.xlsb): open it in Excel and save it as an Excel workbook (.xlsx, or .xlsm to keep macros), then try again; it has not been changed.`,
        );
      }
      if (!mainPath || !mainPath.endsWith('.xml') || !pkg.has(mainPath))
        throw notXlsx(label, 'it holds no spreadsheet (perhaps a Word or PowerPoint file)');
      const root = pkg.xml(mainPath)!;
      if (localName(root.name) !== 'workbook') throw notXlsx(label, 'it holds no spreadsheet (perhaps a Word or PowerPoint file)');
      if (!pkg.has(pkg.canonical('[Content_Types].xml')))
        throw notXlsx(label, 'its list of content types ([Content_Types].xml) is missing');
      const prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':')) : '';
      const ns = root.attrs[prefix ? `xmlns:${prefix}` : 'xmlns'] ?? '';
      if (
        ns.startsWith('http://purl.oclc.org/ooxml/') ||
        root.attrs['conformance'] === 'strict' ||
        main!.type.startsWith('http://purl.oclc.org/ooxml/')
      ) {
        // ISO/IEC 29500 Strict: other namespaces and relationship types throughout, which this engine does not write
        throw new FileProblem(
          `${label} is saved as a Strict Open XML Spreadsheet, which Partnership Review cannot read or update: open it in Excel and use File > Save As > "Excel Workbook (*.xlsx)" (not "Strict Open XML Spreadsheet"), or open it in LibreOffice and save it as "Excel 2007-365 (.xlsx)", then try again; it has not been changed.`,
        );
      }
      const wb = new Workbook(pkg, mainPath);
      const rels = pkg.rels(mainPath);
      for (const n of wb.top('sheets')?.children ?? []) {
        const rel = rels.find((r) => r.id === attrLocal(n, 'id'));
        if (!rel || rel.external || rel.type !== REL.worksheet) continue;
        const part = pkg.resolve(mainPath, rel.target);
        if (!pkg.has(part)) throw notXlsx(label, `its tab "${n.attrs['name'] ?? ''}" should be in ${part}, which is not in the package`);
      }
      return wb;
    } catch (e) {
      if (e instanceof FileProblem) throw e;
      throw Workbook.unreadable(e, label);
    }
  }

  /** A new, empty workbook package. */
  static create(now = new Date()): Workbook {
    const pkg = Package.empty();
    const iso = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    pkg.set(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.types}">` +
        `<Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="${CT.xml}"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="${CT.core}"/>` +
        `<Override PartName="/docProps/app.xml" ContentType="${CT.app}"/>` +
        `</Types>`,
    );
    pkg.set(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">` +
        `<Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${REL.coreProps}" Target="docProps/core.xml"/>` +
        `<Relationship Id="rId3" Type="${REL.extProps}" Target="docProps/app.xml"/>` +
        `</Relationships>`,
    );
    pkg.set(
      'docProps/core.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>Partnership Review</dc:creator><cp:lastModifiedBy>Partnership Review</cp:lastModifiedBy>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>` +
        `</cp:coreProperties>`,
    );
    pkg.set(
      'docProps/app.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Partnership Review</Application></Properties>`,
    );
    pkg.set(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS.main}" xmlns:r="${NS.r}">` +
        `<workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="24000" windowHeight="14000"/></bookViews>` +
        `<sheets></sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
    );
    pkg.set(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/></Relationships>`,
    );
    pkg.set('xl/styles.xml', NEW_STYLES);
    return new Workbook(pkg, 'xl/workbook.xml');
  }

  // ---------- shared parts ----------

  styles(): Styles {
    if (!this.stylesModel) {
      const rel = this.pkg.rels(this.wbPath).find((r) => r.type === REL.styles);
      let part = rel ? this.pkg.resolve(this.wbPath, rel.target) : '';
      if (!part || !this.pkg.has(part)) {
        part = 'xl/styles.xml';
        this.pkg.set(part, NEW_STYLES);
        if (!rel) this.pkg.addRel(this.wbPath, REL.styles, part);
        this.pkg.setOverride(part, CT.styles);
      }
      this.stylesPart = part;
      this.stylesModel = new Styles(this.pkg.text(part)!);
    }
    return this.stylesModel;
  }

  /** The shared strings as read (null when the package has none). */
  readStrings(): SharedStrings | null {
    if (!this.sstRead) {
      this.sstRead = true;
      const rel = this.pkg.rels(this.wbPath).find((r) => r.type === REL.sharedStrings);
      const part = rel ? this.pkg.resolve(this.wbPath, rel.target) : '';
      if (part && this.pkg.has(part)) {
        this.sstPart = part;
        this.sstModel = new SharedStrings(this.pkg.text(part)!);
      }
    }
    return this.sstModel;
  }

  /** The shared strings, created when the package has none. */
  strings(): SharedStrings {
    const read = this.readStrings();
    if (read) return read;
    this.sstPart = this.pkg.freeName((n) => (n === 1 ? 'xl/sharedStrings.xml' : `xl/sharedStrings${n}.xml`));
    this.pkg.set(this.sstPart, NEW_SHARED_STRINGS);
    this.pkg.addRel(this.wbPath, REL.sharedStrings, this.sstPart);
    this.pkg.setOverride(this.sstPart, CT.sharedStrings);
    this.sstModel = new SharedStrings(NEW_SHARED_STRINGS);
    return this.sstModel;
  }

  // ---------- tabs ----------

  find(name: string): SheetEntry | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  model(entry: SheetEntry): SheetModel {
    if (entry.kind !== 'worksheet')
      throw new FileProblem(
        `The tab "${entry.name}" is a chart sheet or another kind of tab, not a worksheet: rename it and run the command again.`,
      );
    if (!entry.model) {
      const ctx = { sst: () => this.strings(), readSst: this.readStrings(), styles: this.styles(), date1904: this.date1904 };
      const source = this.pkg.source(entry.part);
      try {
        entry.model = new SheetModel(source?.text ?? BLANK_SHEET, ctx, source?.bytes ?? null);
      } catch (e) {
        if (e instanceof XmlError) throw new XmlError(`the tab "${entry.name}" (${entry.part}): ${e.message}`);
        throw e;
      }
    }
    return entry.model;
  }

  isHidden(entry: SheetEntry): boolean {
    const st = entry.attrs['state'];
    return st === 'hidden' || st === 'veryHidden';
  }

  setHidden(entry: SheetEntry, hidden: boolean): void {
    const now = this.isHidden(entry);
    if (now === hidden) return;
    if (hidden) entry.attrs = { ...entry.attrs, state: 'hidden' };
    else {
      entry.attrs = { ...entry.attrs };
      delete entry.attrs['state'];
    }
    this.dirty = true;
  }

  /** A new, empty worksheet at `position` (default: last). */
  addSheet(name: string, position?: number): SheetEntry {
    const part = this.pkg.freeName((n) => `xl/worksheets/sheet${n}.xml`);
    this.pkg.set(part, BLANK_SHEET);
    this.pkg.setOverride(part, CT.worksheet);
    const rid = this.pkg.addRel(this.wbPath, REL.worksheet, part, 'rId');
    const sheetId = Math.max(0, ...this.sheets.map((s) => Number(s.attrs['sheetId']) || 0)) + 1;
    const entry: SheetEntry = {
      name,
      attrs: { sheetId: String(sheetId), name, [`${this.rPrefixOk() ? 'r' : this.rPrefix()}:id`]: rid },
      part,
      kind: 'worksheet',
      model: null,
    };
    const at = position === undefined ? this.sheets.length : Math.max(0, Math.min(position, this.sheets.length));
    this.sheets.splice(at, 0, entry);
    this.dirty = true;
    return entry;
  }

  private rPrefix(): string {
    for (const [k, v] of Object.entries(this.root.attrs)) if (k.startsWith('xmlns:') && v === NS.r) return k.slice(6);
    return 'r';
  }

  private rPrefixOk(): boolean {
    return Object.entries(this.root.attrs).some(([k, v]) => k === 'xmlns:r' && v === NS.r);
  }

  /** Empty a tab for `replace`: same name, same place, same part; its old relationships (drawings and the charts
   *  in them, notes, tables) go with its old contents. */
  clearSheet(entry: SheetEntry): void {
    const rels = this.pkg.rels(entry.part);
    const relsPath = relsPathOf(entry.part);
    for (const r of rels) {
      if (r.external) continue;
      const t = this.pkg.resolve(entry.part, r.target);
      this.pkg.removeRel(entry.part, r.id);
      if (this.pkg.has(t) && !this.pkg.referenced(t)) this.pkg.removeTree(t, (p) => this.pkg.referenced(p));
    }
    this.pkg.remove(relsPath);
    this.pkg.set(entry.part, BLANK_SHEET);
    entry.model = null;
    this.model(entry);
  }

  /** Rename a tab, as a person would. */
  rename(entry: SheetEntry, name: string): void {
    entry.name = name;
    entry.attrs = { ...entry.attrs, name };
    this.dirty = true;
  }

  /** Delete a tab, its part and what only it used. */
  removeSheet(entry: SheetEntry): void {
    const i = this.sheets.indexOf(entry);
    if (i < 0) return;
    this.sheets.splice(i, 1);
    this.names = this.names.filter((n) => n.sheet !== entry);
    if (this.activeSheet === entry) this.activeSheet = this.sheets[0] ?? null;
    if (this.firstSheet === entry) this.firstSheet = this.sheets[0] ?? null;
    const rel = this.pkg.rels(this.wbPath).find((r) => this.pkg.resolve(this.wbPath, r.target) === entry.part);
    if (rel) this.pkg.removeRel(this.wbPath, rel.id);
    if (entry.part) this.pkg.removeTree(entry.part, (p) => this.pkg.referenced(p));
    this.dirty = true;
  }

  /** Move a tab to the end (the hidden lists tab is kept last). */
  moveToEnd(entry: SheetEntry): void {
    const i = this.sheets.indexOf(entry);
    if (i < 0 || i === this.sheets.length - 1) return;
    this.sheets.splice(i, 1);
    this.sheets.push(entry);
    this.dirty = true;
  }

  // ---------- names and views ----------

  /** Set a defined name (a workbook name, or one local to a tab, such as its print titles); null removes it. */
  setName(name: string, value: string | null, sheet: SheetEntry | null = null): void {
    const key = name.toLowerCase();
    const i = this.names.findIndex((n) => (n.attrs['name'] ?? '').toLowerCase() === key && n.sheet === sheet);
    if (value === null) {
      if (i >= 0) {
        this.names.splice(i, 1);
        this.dirty = true;
      }
      return;
    }
    if (i >= 0) {
      if (this.names[i]!.text === value) return;
      this.names[i] = { ...this.names[i]!, text: value };
    } else this.names.push({ attrs: { name }, text: value, sheet });
    this.dirty = true;
  }

  getName(name: string, sheet: SheetEntry | null = null): string | null {
    const key = name.toLowerCase();
    return this.names.find((n) => (n.attrs['name'] ?? '').toLowerCase() === key && n.sheet === sheet)?.text ?? null;
  }

  activate(entry: SheetEntry): void {
    this.activeSheet = entry;
    if (this.firstSheet && this.sheets.indexOf(this.firstSheet) > this.sheets.indexOf(entry)) this.firstSheet = entry;
    this.activeChanged = true;
    this.dirty = true;
  }

  get active(): SheetEntry | null {
    return this.activeSheet;
  }

  /** Ask spreadsheet programs to recalculate every formula when they open the file. */
  recalcOnLoad(): void {
    const calc = this.top('calcPr');
    if (calc && (calc.attrs['fullCalcOnLoad'] === '1' || calc.attrs['fullCalcOnLoad'] === 'true')) return;
    this.dirty = true;
  }

  // ---------- writing ----------

  private workbookXml(): string {
    const P = this.root.name.includes(':') ? this.root.name.slice(0, this.root.name.indexOf(':') + 1) : '';
    const edits = new Map<string, string | null>();
    const sheetsNode = this.top('sheets');
    edits.set(
      'sheets',
      `${sheetsNode ? startTag(sheetsNode.name, sheetsNode.attrs) : `<${P}sheets>`}${this.sheets.map((s) => startTag(`${P}sheet`, sheetAttrs(s), true)).join('')}</${sheetsNode?.name ?? `${P}sheets`}>`,
    );
    const names = this.names.filter((n) => n.sheet === null || this.sheets.includes(n.sheet));
    const dn = this.top('definedNames');
    edits.set(
      'definedNames',
      names.length === 0
        ? null
        : `${dn ? startTag(dn.name, dn.attrs) : `<${P}definedNames>`}${names
            .map((n) => {
              const attrs = { ...n.attrs };
              if (n.sheet) attrs['localSheetId'] = String(this.sheets.indexOf(n.sheet));
              else delete attrs['localSheetId'];
              return `${startTag(`${P}definedName`, attrs)}${escName(n.text)}</${P}definedName>`;
            })
            .join('')}</${dn?.name ?? `${P}definedNames`}>`,
    );
    const views = this.top('bookViews');
    const view = views?.children.find((c) => localName(c.name) === 'workbookView');
    const active = this.activeSheet ? Math.max(0, this.sheets.indexOf(this.activeSheet)) : 0;
    const first = this.firstSheet ? Math.max(0, Math.min(active, this.sheets.indexOf(this.firstSheet))) : 0;
    const viewChanges: Record<string, string | null> = {};
    if (this.activeChanged || (view?.attrs['activeTab'] !== undefined && Number(view.attrs['activeTab']) !== active))
      viewChanges['activeTab'] = active === 0 && !this.activeChanged ? null : String(active);
    if (view?.attrs['firstSheet'] !== undefined && Number(view.attrs['firstSheet']) !== first) viewChanges['firstSheet'] = String(first);
    if (views && view) {
      if (Object.keys(viewChanges).length) {
        const selfClose = view.end === view.innerEnd;
        const tag = retag(view, viewChanges, selfClose);
        const inner = selfClose ? '' : this.src.slice(view.innerStart, view.end);
        edits.set('bookViews', this.src.slice(views.start, view.start) + tag + inner + this.src.slice(view.end, views.end));
      }
    } else if (this.activeChanged) {
      edits.set('bookViews', `<${P}bookViews><${P}workbookView activeTab="${active}"/></${P}bookViews>`);
    }
    const calc = this.top('calcPr');
    edits.set(
      'calcPr',
      calc
        ? retag(calc, { fullCalcOnLoad: '1' }, calc.end === calc.innerEnd) +
            (calc.end === calc.innerEnd ? '' : this.src.slice(calc.innerStart, calc.end))
        : `<${P}calcPr fullCalcOnLoad="1"/>`,
    );

    const slots: Array<{ ord: number; xml: string }> = [];
    let lastOrd = -1;
    const done = new Set<string>();
    for (const c of this.root.children) {
      const l = localName(c.name);
      const o = WB_ORDER.indexOf(l);
      if (o >= 0) lastOrd = o;
      if (edits.has(l) && !done.has(l)) {
        done.add(l);
        const x = edits.get(l);
        if (x) slots.push({ ord: lastOrd, xml: x });
        continue;
      }
      slots.push({ ord: lastOrd, xml: this.src.slice(c.start, c.end) });
    }
    for (const [l, x] of edits) {
      if (done.has(l) || !x) continue;
      const o = WB_ORDER.indexOf(l);
      const i = slots.findIndex((s) => s.ord > o);
      if (i < 0) slots.push({ ord: o, xml: x });
      else slots.splice(i, 0, { ord: o, xml: x });
    }
    const r = this.root;
    return this.src.slice(0, r.innerStart) + slots.map((s) => s.xml).join('') + `</${r.name}>` + this.src.slice(r.end);
  }

  /** Write every changed part into the package and return its bytes. */
  toBytes(): Buffer {
    if (this.sheets.length === 0) this.addSheet('Sheet1');
    for (const s of this.sheets)
      if (s.model?.changed) this.pkg.set(s.part, s.model.serialiseBytes(), s.model.rowsAsRead ? KEPT_PART_LEVEL : undefined);
    if (this.stylesModel?.changed) this.pkg.set(this.stylesPart, this.stylesModel.serialise());
    if (this.sstModel?.changed) this.pkg.set(this.sstPart, this.sstModel.serialise());
    if (this.dirty) {
      const xml = this.workbookXml();
      this.pkg.set(this.wbPath, xml);
      this.src = xml;
      this.root = parseXml(xml);
      this.dirty = false;
      this.activeChanged = false;
    }
    return this.pkg.toBytes();
  }
}

export { escAttr };

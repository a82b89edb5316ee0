/// <reference types="office-js" />
/** The fake's range proxy: values, formulas, formats, validation and conditional formats (see fake-office.ts). */
import { columnLetter, sheetRef } from '../../core/util/a1.js';
import { loaded, q } from './fake-calls.js';
import { checkApi, checkAssignment, checkLoad, isValueProperty, methodType, propertyType } from './office-js-types.js';
import type { FakeContext } from './fake-office.js';
import type { FakeWorksheet } from './fake-worksheet.js';
import {
  type Bounds,
  type ConditionalEntry,
  fakeError,
  type FakeSheetState,
  MAX_COLS,
  MAX_ROWS,
  overlaps,
  parseAddress,
  parseTyped,
  type ValidationEntry,
} from './fake-state.js';

/**
 * Records assignments anywhere under an Office.js object (`format.font.bold = true`) as queued calls. `type` is the
 * Excel type of the object (e.g. `RangeFormat`): each property reached and each value set is checked against
 * @types/office-js, so a property Excel lacks or a value it refuses fails here instead of in Excel.
 */
export function recorder<T>(
  ctx: FakeContext,
  target: string,
  onSet: (path: string, value: unknown) => void,
  type: string,
  path = '',
  read?: (path: string) => unknown,
): T {
  return new Proxy(
    {},
    {
      get: (_o, prop) => {
        if (typeof prop !== 'string') return undefined;
        checkApi(type, prop, ctx.office.api);
        if (prop === 'getItem') {
          const itemType = methodType(type, 'getItem');
          return (item: string) =>
            recorder(ctx, `${target}.getItem(${q(item)})`, (p, v) => onSet(`${path}[${item}].${p}`.replace(/^\./, ''), v), itemType);
        }
        const full = path ? `${path}.${prop}` : prop;
        // reading a value (`format.protection.locked`): only what load() asked for, as in Office.js
        if (read && isValueProperty(type, prop)) return read(full);
        return recorder(ctx, `${target}.${prop}`, onSet, propertyType(type, prop), full, read);
      },
      set: (_o, prop, value) => {
        if (typeof prop !== 'string') return false;
        checkAssignment(type, prop, value, ctx.office.api);
        const full = path ? `${path}.${prop}` : prop;
        ctx.queue(target, `${prop}=`, [value], () => onSet(full, value));
        return true;
      },
    },
  ) as T;
}

/** Excel's answer for an address: the tab, quoted where it must be, then the cells (`'PRST-x Summary'!A1:B2`). */
export function qualified(sheet: string, b: Bounds): string {
  const cell = (r: number, c: number): string => `${columnLetter(c)}${r}`;
  const wholeRows = b.c1 === 1 && b.c2 === MAX_COLS;
  const wholeCols = b.r1 === 1 && b.r2 === MAX_ROWS;
  const cells = wholeRows
    ? `${b.r1}:${b.r2}`
    : wholeCols
      ? `${columnLetter(b.c1)}:${columnLetter(b.c2)}`
      : b.r1 === b.r2 && b.c1 === b.c2
        ? cell(b.r1, b.c1)
        : `${cell(b.r1, b.c1)}:${cell(b.r2, b.c2)}`;
  return `${sheetRef(sheet)}!${cells}`;
}

/**
 * A range Excel works out at sync time (the frozen panes' location, merged areas, a conditional format's range), or a
 * null object when there is none. Only loaded properties are readable; a null object's properties are not.
 */
export class FakeFoundRange {
  private found: { sheet: string; areas: Bounds[] } | null | undefined;
  private loadedProps = new Set<string>();
  constructor(
    private readonly ctx: FakeContext,
    readonly target: string,
    /** 'Range' or 'RangeAreas' */
    private readonly type: 'Range' | 'RangeAreas',
    private readonly resolve: () => { sheet: string; areas: Bounds[] } | null,
  ) {
    ctx.queue(target, 'resolve', [], () => void (this.found = this.resolve()), true);
  }
  load(props: string): this {
    const paths = checkLoad(this.type, props, this.ctx.office.api);
    this.ctx.queue(this.target, 'load', [props], () => {
      for (const p of paths) this.loadedProps.add(p);
    });
    return this;
  }
  get isNullObject(): boolean {
    return loaded(this.found, `${this.type}.isNullObject`) === null;
  }
  private value<T>(name: string, get: (f: { sheet: string; areas: Bounds[] }) => T): T {
    const f = loaded(this.found, `range.${name}`);
    if (f === null) throw fakeError('InvalidOperation', `range.${name} was read through a null object`);
    if (!this.loadedProps.has(name)) throw fakeError('PropertyNotLoaded', `range.${name} was not loaded (load('${name}') first)`);
    return get(f);
  }
  get address(): string {
    // a RangeAreas lists its areas as the documentation shows them: "Sheet1!A1:B4, Sheet1!D1:D4"
    return this.value('address', (f) => f.areas.map((b) => qualified(f.sheet, b)).join(', '));
  }
  get rowCount(): number {
    return this.value('rowCount', (f) => f.areas[0]!.r2 - f.areas[0]!.r1 + 1);
  }
  get columnCount(): number {
    return this.value('columnCount', (f) => f.areas[0]!.c2 - f.areas[0]!.c1 + 1);
  }
}

export class FakeRange implements Pick<
  Excel.Range,
  | 'values'
  | 'formulas'
  | 'numberFormat'
  | 'columnHidden'
  | 'rowHidden'
  | 'rowIndex'
  | 'columnIndex'
  | 'rowCount'
  | 'columnCount'
  | 'isNullObject'
  | 'merge'
  | 'unmerge'
  | 'clear'
  | 'select'
> {
  readonly target: string;
  private loadedValues: unknown[][] | undefined;
  private loadedFormulas: unknown[][] | undefined;
  private loadedNumberFormats: string[][] | undefined;
  private loadedAddress: string | undefined;
  private loadedLocked: boolean | null | undefined;
  private loadedIndex: { row: number; col: number; rows: number; cols: number } | undefined;
  private loadedProps = new Set<string>();
  private nullResolved: boolean | undefined;

  constructor(
    readonly ws: FakeWorksheet,
    /** the address asked for (undefined: the whole tab) */
    readonly at: string | undefined,
    readonly used = false,
  ) {
    this.target = `${ws.target}.${used ? 'getUsedRangeOrNullObject(true)' : `getRange(${at === undefined ? '' : q(at)})`}`;
    if (used || ws.orNull) {
      ws.ctx.queue(
        this.target,
        'resolve',
        [],
        () => {
          ws.mustExist(used ? 'getUsedRangeOrNullObject' : 'getRange');
          this.nullResolved = used && ws.state().usedBounds() === null;
        },
        true,
      );
    }
  }

  private get ctx(): FakeContext {
    return this.ws.ctx;
  }

  bounds(s: FakeSheetState): Bounds {
    if (this.used) {
      const b = s.usedBounds();
      if (!b) throw fakeError('ItemNotFound', 'the tab is empty');
      return b;
    }
    return parseAddress(this.at);
  }

  private queue(op: string, args: unknown[], run: (s: FakeSheetState, b: Bounds) => void): void {
    this.ctx.queue(this.target, op, args, () => {
      const s = this.ws.state();
      if (s.protected && !['select', 'load'].includes(op) && !op.endsWith('.load'))
        throw fakeError('AccessDenied', `${s.name} is protected`);
      run(s, this.bounds(s));
    });
  }

  get isNullObject(): boolean {
    return loaded(this.nullResolved, 'range.isNullObject');
  }

  /** on an Excel without the member's requirement set, the call fails (ApiNotFound) */
  api(member: string, type = 'Range'): void {
    checkApi(type, member, this.ws.ctx.office.api);
  }

  load(props: string): this {
    const paths = checkLoad('Range', props, this.ctx.office.api);
    this.ctx.queue(this.target, 'load', [props], () => {
      this.ws.mustExist('load');
      const s = this.ws.state();
      if (this.used && !s.usedBounds()) return;
      const b = this.bounds(s);
      for (const p of paths) this.loadedProps.add(p);
      this.loadedIndex = { row: b.r1 - 1, col: b.c1 - 1, rows: b.r2 - b.r1 + 1, cols: b.c2 - b.c1 + 1 };
      const grid = <T>(f: (r: number, c: number) => T): T[][] =>
        Array.from({ length: b.r2 - b.r1 + 1 }, (_, r) => Array.from({ length: b.c2 - b.c1 + 1 }, (_, c) => f(b.r1 + r, b.c1 + c)));
      const sent: unknown[] = [];
      if (this.loadedProps.has('values')) sent.push((this.loadedValues = grid((r, c) => s.value(r, c) ?? '')));
      // a formula cell gives its formula, any other its value (Office.js `formulas`)
      if (this.loadedProps.has('formulas')) sent.push((this.loadedFormulas = grid((r, c) => s.formula(r, c) ?? s.value(r, c) ?? '')));
      if (this.loadedProps.has('numberFormat'))
        sent.push((this.loadedNumberFormats = grid((r, c) => s.numberFormats.get(s.key(r, c)) ?? 'General')));
      if (this.loadedProps.has('address')) this.loadedAddress = qualified(s.name, b);
      if (this.loadedProps.has('format/protection/locked')) {
        // Excel gives null when the cells differ
        const locks = grid(
          (r, c) => !s.unlocked.some((a) => overlaps(parseAddress(a || undefined), { r1: r, c1: c, r2: r, c2: c })),
        ).flat();
        this.loadedLocked = locks.every((x) => x === locks[0]) ? locks[0]! : null;
      }
      // what Excel would send back: counted against the response limit of this sync
      for (const x of sent) this.ctx.responseBytes += JSON.stringify(x).length;
    });
    return this;
  }

  /** A read of a property that was not loaded throws PropertyNotLoaded, as Office.js does. */
  private prop<T>(name: string, v: T | undefined): T {
    const got = loaded(v, `range.${name}`);
    if (!this.loadedProps.has(name)) throw fakeError('PropertyNotLoaded', `range.${name} was not loaded (load('${name}') first)`);
    return got;
  }

  get values(): any[][] {
    return this.prop('values', this.loadedValues);
  }
  set values(rows: any[][]) {
    this.api('values');
    this.write('values', rows);
  }
  get formulas(): any[][] {
    return this.prop('formulas', this.loadedFormulas);
  }
  get address(): string {
    return this.prop('address', this.loadedAddress);
  }
  set formulas(rows: any[][]) {
    this.api('formulas');
    this.write('formulas', rows);
  }
  get rowIndex(): number {
    return this.prop('rowIndex', this.loadedIndex).row;
  }
  get columnIndex(): number {
    return this.prop('columnIndex', this.loadedIndex).col;
  }
  get rowCount(): number {
    return this.prop('rowCount', this.loadedIndex).rows;
  }
  get columnCount(): number {
    return this.prop('columnCount', this.loadedIndex).cols;
  }

  private checkShape(rows: unknown[][], b: Bounds): void {
    const h = b.r2 - b.r1 + 1;
    const w = b.c2 - b.c1 + 1;
    if (!Array.isArray(rows) || rows.length !== h || rows.some((r) => !Array.isArray(r) || r.length !== w)) {
      throw fakeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size of the range ${this.at}`);
    }
  }

  private write(prop: 'values' | 'formulas', rows: any[][]): void {
    this.queue(`${prop}=`, [rows], (s, b) => {
      this.checkShape(rows, b);
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined) return; // Office.js leaves the cell as it was
          s.set(b.r1 + r, b.c1 + c, parseTyped(v));
        }),
      );
    });
  }

  get numberFormat(): any[][] {
    return this.prop('numberFormat', this.loadedNumberFormats);
  }
  set numberFormat(rows: any[][]) {
    this.api('numberFormat');
    this.queue('numberFormat=', [rows], (s, b) => {
      this.checkShape(rows, b);
      rows.forEach((row, r) => row.forEach((v, c) => v !== null && s.numberFormats.set(s.key(b.r1 + r, b.c1 + c), String(v))));
    });
  }

  get columnHidden(): boolean {
    throw new Error('the adapter never reads columnHidden');
  }
  set columnHidden(hidden: boolean) {
    this.api('columnHidden');
    this.queue('columnHidden=', [hidden], (s, b) => {
      if (b.c2 === 16_384 && b.c1 === 1) {
        if (!hidden) s.hiddenColumns.clear();
        return;
      }
      for (let c = b.c1; c <= b.c2; c++) {
        if (hidden) s.hiddenColumns.add(c);
        else s.hiddenColumns.delete(c);
      }
    });
  }

  get rowHidden(): boolean {
    throw new Error('the adapter never reads rowHidden');
  }
  set rowHidden(hidden: boolean) {
    this.api('rowHidden');
    this.queue('rowHidden=', [hidden], (s, b) => {
      if (b.r2 === 1_048_576 && b.r1 === 1) {
        if (!hidden) s.hiddenRows.clear();
        return;
      }
      for (let r = b.r1; r <= b.r2; r++) {
        if (hidden) s.hiddenRows.add(r);
        else s.hiddenRows.delete(r);
      }
    });
  }

  get format(): Excel.RangeFormat {
    this.api('format');
    return recorder<Excel.RangeFormat>(
      this.ctx,
      `${this.target}.format`,
      (path, value) => {
        const s = this.ws.state();
        const b = this.bounds(s);
        if (path === 'protection.locked') {
          if (value === false) s.unlocked.push(this.at ?? '');
          return;
        }
        if (s.protected) throw fakeError('AccessDenied', `${s.name} is protected`);
        if (path === 'columnWidth') for (let c = b.c1; c <= b.c2; c++) s.columnWidths.set(c, value as number);
        else if (path === 'rowHeight') for (let r = b.r1; r <= b.r2; r++) s.rowHeights.set(r, value as number);
        else s.formats.push({ address: this.at ?? '', path, value });
      },
      'RangeFormat',
      '',
      (path) => {
        if (path !== 'protection.locked') throw new Error(`the adapter never reads format.${path}`);
        return this.prop('format/protection/locked', this.loadedLocked === undefined ? undefined : { v: this.loadedLocked }).v;
      },
    );
  }

  /** Merged areas in the range (ExcelApi 1.13); more than 512 fail, as the documentation says. */
  getMergedAreasOrNullObject(): FakeFoundRange {
    this.api('getMergedAreasOrNullObject');
    return new FakeFoundRange(this.ctx, `${this.target}.getMergedAreasOrNullObject()`, 'RangeAreas', () => {
      this.ws.mustExist('getMergedAreasOrNullObject');
      const s = this.ws.state();
      const b = this.bounds(s);
      const areas = s.merges.map((m) => parseAddress(m)).filter((m) => overlaps(m, b));
      if (areas.length > 512) throw fakeError('GeneralException', 'more than 512 merged areas');
      return areas.length === 0 ? null : { sheet: s.name, areas };
    });
  }

  /** as Excel does: `across` merges each row of the range on its own */
  merge(across?: boolean): void {
    this.api('merge');
    this.queue('merge', [across], (s, b) => {
      if (!across || b.r1 === b.r2) {
        s.merges.push(this.at ?? '');
        return;
      }
      for (let r = b.r1; r <= b.r2; r++) s.merges.push(`${columnLetter(b.c1)}${r}:${columnLetter(b.c2)}${r}`);
    });
  }
  unmerge(): void {
    this.api('unmerge');
    this.queue('unmerge', [], (s, b) => void (s.merges = s.merges.filter((m) => !overlaps(parseAddress(m), b))));
  }
  clear(applyTo?: string): void {
    this.api('clear');
    this.queue('clear', [applyTo], (s, b) => {
      s.clearCells(b);
      if (applyTo === 'All' || applyTo === 'Formats' || applyTo === undefined) {
        for (const k of [...s.numberFormats.keys()]) {
          const [r, c] = k.split(',').map(Number) as [number, number];
          if (r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2) s.numberFormats.delete(k);
        }
        s.formats = s.formats.filter((f) => !overlaps(parseAddress(f.address || undefined), b));
        s.unlocked = s.unlocked.filter((a) => !overlaps(parseAddress(a || undefined), b));
      }
    });
  }
  select(): void {
    this.api('select');
    this.queue('select', [], (s) => void (this.ctx.office.state.selection = `${s.name}!${this.at}`));
  }

  private dv: FakeDataValidation | undefined;
  get dataValidation(): FakeDataValidation {
    this.api('dataValidation');
    return (this.dv ??= new FakeDataValidation(this));
  }

  private cfs: FakeConditionalFormats | undefined;
  get conditionalFormats(): FakeConditionalFormats {
    this.api('conditionalFormats');
    return (this.cfs ??= new FakeConditionalFormats(this));
  }

  /** for the validation and chart fakes */
  run(op: string, args: unknown[], fn: (s: FakeSheetState, b: Bounds) => void): void {
    this.queue(op, args, fn);
  }
}

/** The conditional formats that intersect a range: add, clear, and load to read them (ExcelApi 1.6). */
class FakeConditionalFormats implements Pick<Excel.ConditionalFormatCollection, 'clearAll'> {
  private loadedItems: FakeConditionalFormat[] | undefined;
  constructor(private readonly range: FakeRange) {}
  clearAll(): void {
    this.range.api('clearAll', 'ConditionalFormatCollection');
    this.range.run(
      'conditionalFormats.clearAll',
      [],
      (s, b) => void (s.conditionalFormats = s.conditionalFormats.filter((c) => !overlaps(c.bounds, b))),
    );
  }
  add(type: string): Excel.ConditionalFormat {
    this.range.api('add', 'ConditionalFormatCollection');
    const range = this.range;
    const dropped = range.ws.ctx.office.drop.conditionalFormats === true;
    let entry: ConditionalEntry | undefined;
    range.run('conditionalFormats.add', [type], (s, b) => {
      entry = { address: range.at ?? '', bounds: b, type, props: {} };
      if (!dropped) s.conditionalFormats.push(entry); // a host that loses conditional formats (the self-test must notice)
    });
    return recorder<Excel.ConditionalFormat>(
      range.ws.ctx,
      `${range.target}.conditionalFormats.add(${q(type)})`,
      (path, value) => {
        if (!entry) throw new Error('conditional format set before it was added');
        entry.props[path] = value;
      },
      'ConditionalFormat',
    );
  }
  load(props: string): this {
    const paths = checkLoad('ConditionalFormatCollection', props, this.range.ws.ctx.office.api);
    this.range.run('conditionalFormats.load', [props], (s, b) => {
      this.loadedItems = s.conditionalFormats
        .filter((c) => overlaps(c.bounds, b))
        .map((c) => new FakeConditionalFormat(this.range, c, new Set(paths.map((p) => p.replace(/^items\//, '')))));
    });
    return this;
  }
  get items(): FakeConditionalFormat[] {
    return loaded(this.loadedItems, 'conditionalFormats.items');
  }
}

class FakeConditionalFormat implements Pick<Excel.ConditionalFormat, 'type'> {
  constructor(
    private readonly range: FakeRange,
    private readonly entry: ConditionalEntry,
    private readonly loadedProps: Set<string>,
  ) {}
  get type(): Excel.ConditionalFormatType {
    if (!this.loadedProps.has('type'))
      throw fakeError('PropertyNotLoaded', "conditionalFormat.type was not loaded (load('items/type') first)");
    return this.entry.type as Excel.ConditionalFormatType;
  }
  /** the range the rule applies to (one range: this fake, like the adapter, never makes a rule over several) */
  getRangeOrNullObject(): FakeFoundRange {
    this.range.api('getRangeOrNullObject', 'ConditionalFormat');
    const ws = this.range.ws;
    return new FakeFoundRange(ws.ctx, `${this.range.target}.conditionalFormats.item.getRangeOrNullObject()`, 'Range', () => {
      const s = ws.state();
      return s.conditionalFormats.includes(this.entry) ? { sheet: s.name, areas: [this.entry.bounds] } : null;
    });
  }
}

const VALIDATION_TYPES: Record<string, Excel.DataValidationType> = {
  list: 'List' as Excel.DataValidationType,
  date: 'Date' as Excel.DataValidationType,
  wholeNumber: 'WholeNumber' as Excel.DataValidationType,
  decimal: 'Decimal' as Excel.DataValidationType,
  time: 'Time' as Excel.DataValidationType,
  textLength: 'TextLength' as Excel.DataValidationType,
  custom: 'Custom' as Excel.DataValidationType,
};

class FakeDataValidation implements Pick<Excel.DataValidation, 'rule' | 'errorAlert' | 'prompt' | 'ignoreBlanks' | 'clear' | 'type'> {
  private loadedEntry: { entry: ValidationEntry | null; mixed: boolean } | undefined;
  private loadedProps = new Set<string>();
  constructor(private readonly range: FakeRange) {}
  private get dropped(): boolean {
    return this.range.ws.ctx.office.drop.validation === true;
  }
  private entry(s: FakeSheetState, b: Bounds): ValidationEntry {
    const address = this.range.at ?? '';
    let e = s.validations.find((v) => v.address === address);
    if (!e) {
      e = { address, bounds: b };
      s.validations.push(e);
    }
    return e;
  }
  private put<K extends 'rule' | 'errorAlert' | 'prompt' | 'ignoreBlanks'>(key: K, v: ValidationEntry[K]): void {
    checkAssignment('DataValidation', key, v, this.range.ws.ctx.office.api);
    this.range.run(`dataValidation.${key}=`, [v], (s, b) => {
      if (this.dropped) return; // a host that loses data validation (the self-test must notice)
      const e = this.entry(s, b);
      if (key === 'rule' && e.rule) throw fakeError('InvalidOperation', 'clear the existing rule before setting a new one');
      e[key] = v;
    });
  }
  load(props: string): this {
    const paths = checkLoad('DataValidation', props, this.range.ws.ctx.office.api);
    this.range.run('dataValidation.load', [props], (s, b) => {
      // the rule of every cell: the last one set over it; Excel answers for the range only when all agree
      const seen = new Set<ValidationEntry | null>();
      for (let r = b.r1; r <= b.r2; r++) {
        for (let c = b.c1; c <= b.c2; c++) {
          const cell = { r1: r, c1: c, r2: r, c2: c };
          seen.add([...s.validations].reverse().find((v) => v.rule && overlaps(v.bounds, cell)) ?? null);
        }
      }
      this.loadedEntry = { entry: seen.size === 1 ? [...seen][0]! : null, mixed: seen.size > 1 };
      for (const p of paths) this.loadedProps.add(p);
    });
    return this;
  }
  private read(name: string): { entry: ValidationEntry | null; mixed: boolean } {
    const e = loaded(this.loadedEntry, `dataValidation.${name}`);
    if (!this.loadedProps.has(name)) throw fakeError('PropertyNotLoaded', `dataValidation.${name} was not loaded (load('${name}') first)`);
    return e;
  }
  get type(): Excel.DataValidationType {
    const { entry, mixed } = this.read('type');
    if (mixed) return 'Inconsistent' as Excel.DataValidationType;
    const key = entry?.rule ? Object.keys(entry.rule)[0] : undefined;
    return key ? VALIDATION_TYPES[key]! : ('None' as Excel.DataValidationType);
  }
  get rule(): Excel.DataValidationRule {
    return this.read('rule').entry?.rule ?? {};
  }
  set rule(v: Excel.DataValidationRule) {
    this.put('rule', v);
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.read('errorAlert').entry?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' };
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this.put('errorAlert', v);
  }
  get prompt(): Excel.DataValidationPrompt {
    throw new Error('never read');
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this.put('prompt', v);
  }
  get ignoreBlanks(): boolean {
    throw new Error('never read');
  }
  set ignoreBlanks(v: boolean) {
    this.put('ignoreBlanks', v);
  }
  clear(): void {
    this.range.api('clear', 'DataValidation');
    this.range.run('dataValidation.clear', [], (s, b) => void (s.validations = s.validations.filter((v) => !overlaps(v.bounds, b))));
  }
}

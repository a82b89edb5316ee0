/// <reference types="office-js" />
/** The fake's range proxy: values, formulas, formats, validation and conditional formats (see fake-office.ts). */
import { columnLetter } from '../../core/util/a1.js';
import { loaded, q } from './fake-calls.js';
import { checkAssignment, methodType, propertyType } from './office-js-types.js';
import type { FakeContext } from './fake-office.js';
import type { FakeWorksheet } from './fake-worksheet.js';
import { type Bounds, type ConditionalEntry, fakeError, type FakeSheetState, overlaps, parseAddress, parseTyped, type ValidationEntry } from './fake-state.js';

/**
 * Records assignments anywhere under an Office.js object (`format.font.bold = true`) as queued calls. `type` is the
 * Excel type of the object (e.g. `RangeFormat`): each property reached and each value set is checked against
 * @types/office-js, so a property Excel lacks or a value it refuses fails here instead of in Excel.
 */
export function recorder<T>(ctx: FakeContext, target: string, onSet: (path: string, value: unknown) => void, type: string, path = ''): T {
  return new Proxy(
    {},
    {
      get: (_o, prop) => {
        if (typeof prop !== 'string') return undefined;
        if (prop === 'getItem') {
          const itemType = methodType(type, 'getItem');
          return (item: string) => recorder(ctx, `${target}.getItem(${q(item)})`, (p, v) => onSet(`${path}[${item}].${p}`.replace(/^\./, ''), v), itemType);
        }
        return recorder(ctx, `${target}.${prop}`, onSet, propertyType(type, prop), path ? `${path}.${prop}` : prop);
      },
      set: (_o, prop, value) => {
        if (typeof prop !== 'string') return false;
        checkAssignment(type, prop, value);
        const full = path ? `${path}.${prop}` : prop;
        ctx.queue(target, `${prop}=`, [value], () => onSet(full, value));
        return true;
      },
    },
  ) as T;
}

export class FakeRange
  implements
    Pick<
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
    >
{
  readonly target: string;
  private loadedValues: unknown[][] | undefined;
  private loadedIndex: { row: number; col: number; rows: number; cols: number } | undefined;
  private loadedProps = new Set<string>();
  private nullResolved: boolean | undefined;

  constructor(
    readonly ws: FakeWorksheet,
    readonly address: string | undefined,
    readonly used = false,
  ) {
    this.target = `${ws.target}.${used ? 'getUsedRangeOrNullObject(true)' : `getRange(${address === undefined ? '' : q(address)})`}`;
    if (used || ws.orNull) {
      ws.ctx.queue(this.target, 'resolve', [], () => {
        ws.mustExist(used ? 'getUsedRangeOrNullObject' : 'getRange');
        this.nullResolved = used && ws.state().usedBounds() === null;
      }, true);
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
    return parseAddress(this.address);
  }

  private queue(op: string, args: unknown[], run: (s: FakeSheetState, b: Bounds) => void): void {
    this.ctx.queue(this.target, op, args, () => {
      const s = this.ws.state();
      if (s.protected && !['select', 'load'].includes(op)) throw fakeError('AccessDenied', `${s.name} is protected`);
      run(s, this.bounds(s));
    });
  }

  get isNullObject(): boolean {
    return loaded(this.nullResolved, 'range.isNullObject');
  }

  load(props: string): this {
    this.ctx.queue(this.target, 'load', [props], () => {
      this.ws.mustExist('load');
      const s = this.ws.state();
      if (this.used && !s.usedBounds()) return;
      const b = this.bounds(s);
      for (const p of props.split(',')) this.loadedProps.add(p.trim());
      this.loadedIndex = { row: b.r1 - 1, col: b.c1 - 1, rows: b.r2 - b.r1 + 1, cols: b.c2 - b.c1 + 1 };
      if (this.loadedProps.has('values')) {
        this.loadedValues = Array.from({ length: b.r2 - b.r1 + 1 }, (_, r) =>
          Array.from({ length: b.c2 - b.c1 + 1 }, (_, c) => s.value(b.r1 + r, b.c1 + c) ?? ''),
        );
        // what Excel would send back: counted against the response limit of this sync
        this.ctx.responseBytes += JSON.stringify(this.loadedValues).length;
      }
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
    this.write('values', rows);
  }
  get formulas(): any[][] {
    throw new Error('the adapter never reads formulas');
  }
  set formulas(rows: any[][]) {
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
      throw fakeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size of the range ${this.address}`);
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
    throw new Error('the adapter never reads numberFormat');
  }
  set numberFormat(rows: any[][]) {
    this.queue('numberFormat=', [rows], (s, b) => {
      this.checkShape(rows, b);
      rows.forEach((row, r) => row.forEach((v, c) => v !== null && s.numberFormats.set(s.key(b.r1 + r, b.c1 + c), String(v))));
    });
  }

  get columnHidden(): boolean {
    throw new Error('the adapter never reads columnHidden');
  }
  set columnHidden(hidden: boolean) {
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
    return recorder<Excel.RangeFormat>(this.ctx, `${this.target}.format`, (path, value) => {
      const s = this.ws.state();
      const b = this.bounds(s);
      if (path === 'protection.locked') {
        if (value === false) s.unlocked.push(this.address ?? '');
        return;
      }
      if (s.protected) throw fakeError('AccessDenied', `${s.name} is protected`);
      if (path === 'columnWidth') for (let c = b.c1; c <= b.c2; c++) s.columnWidths.set(c, value as number);
      else if (path === 'rowHeight') for (let r = b.r1; r <= b.r2; r++) s.rowHeights.set(r, value as number);
      else s.formats.push({ address: this.address ?? '', path, value });
    }, 'RangeFormat');
  }

  /** as Excel does: `across` merges each row of the range on its own */
  merge(across?: boolean): void {
    this.queue('merge', [across], (s, b) => {
      if (!across || b.r1 === b.r2) {
        s.merges.push(this.address ?? '');
        return;
      }
      for (let r = b.r1; r <= b.r2; r++) s.merges.push(`${columnLetter(b.c1)}${r}:${columnLetter(b.c2)}${r}`);
    });
  }
  unmerge(): void {
    this.queue('unmerge', [], (s, b) => void (s.merges = s.merges.filter((m) => !overlaps(parseAddress(m), b))));
  }
  clear(applyTo?: string): void {
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
    this.queue('select', [], (s) => void (this.ctx.office.state.selection = `${s.name}!${this.address}`));
  }

  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this);
  }

  get conditionalFormats(): Pick<Excel.ConditionalFormatCollection, 'clearAll'> & { add(type: string): Excel.ConditionalFormat } {
    const range = this;
    return {
      clearAll: () =>
        range.queue('conditionalFormats.clearAll', [], (s, b) => void (s.conditionalFormats = s.conditionalFormats.filter((c) => !overlaps(c.bounds, b)))),
      add: (type: string) => {
        let entry: ConditionalEntry | undefined;
        range.queue('conditionalFormats.add', [type], (s, b) => {
          entry = { address: range.address ?? '', bounds: b, type, props: {} };
          s.conditionalFormats.push(entry);
        });
        return recorder<Excel.ConditionalFormat>(range.ctx, `${range.target}.conditionalFormats.add(${q(type)})`, (path, value) => {
          if (!entry) throw new Error('conditional format set before it was added');
          entry.props[path] = value;
        }, 'ConditionalFormat');
      },
    };
  }

  /** for the validation and chart fakes */
  run(op: string, args: unknown[], fn: (s: FakeSheetState, b: Bounds) => void): void {
    this.queue(op, args, fn);
  }
}

class FakeDataValidation implements Pick<Excel.DataValidation, 'rule' | 'errorAlert' | 'prompt' | 'ignoreBlanks' | 'clear'> {
  constructor(private readonly range: FakeRange) {}
  private entry(s: FakeSheetState, b: Bounds): ValidationEntry {
    const address = this.range.address ?? '';
    let e = s.validations.find((v) => v.address === address);
    if (!e) {
      e = { address, bounds: b };
      s.validations.push(e);
    }
    return e;
  }
  private put<K extends 'rule' | 'errorAlert' | 'prompt' | 'ignoreBlanks'>(key: K, v: ValidationEntry[K]): void {
    checkAssignment('DataValidation', key, v);
    this.range.run(`dataValidation.${key}=`, [v], (s, b) => {
      const e = this.entry(s, b);
      if (key === 'rule' && e.rule) throw fakeError('InvalidOperation', 'clear the existing rule before setting a new one');
      e[key] = v;
    });
  }
  get rule(): Excel.DataValidationRule {
    throw new Error('never read');
  }
  set rule(v: Excel.DataValidationRule) {
    this.put('rule', v);
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    throw new Error('never read');
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
    this.range.run('dataValidation.clear', [], (s, b) => void (s.validations = s.validations.filter((v) => !overlaps(v.bounds, b))));
  }
}

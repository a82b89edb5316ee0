/// <reference types="google-apps-script" />
/**
 * A recording fake of the Apps Script services the add-on uses — SpreadsheetApp (with an in-memory grid),
 * HtmlService, LockService and Utilities — implementing exactly the calls the add-on makes, named and typed after
 * @types/google-apps-script. Every call on a fake object is logged as `Class.method`, so tests can count calls.
 * A call the add-on makes that the fake does not implement throws, so the fake cannot drift silently.
 *
 * Behaviour copied from Sheets where the add-on depends on it:
 * - `setValues` parses strings the way typing does: "=…" is a formula, "'x" is the text x, "007" the number 7,
 *   "2026-03-01" and "01/03/2026" dates (UK locale), TRUE/FALSE booleans; "+…", "-…" and "@…" that are not numbers
 *   become formulas too (which is exactly what the text guard must prevent);
 * - a range outside the sheet's grid throws (a new sheet has 1,000 rows and 26 columns);
 * - the document lock is shared by every "execution" against the same spreadsheet.
 * Formulas are not calculated: a formula cell reads back as '' unless a test supplies an evaluator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCall } from './apps-script-signatures.js';

/** Public members of a fake (internal state is prefixed `_`). */
type PublicKeys<F> = Exclude<keyof F, `_${string}`>;
/** Compile-time check that a fake only has members the real interface has. */
type OnlyApi<F, R> =
  Exclude<PublicKeys<F>, keyof R> extends never ? true : ['not in the Apps Script API:', Exclude<PublicKeys<F>, keyof R>];

export interface CallLog {
  calls: string[];
  onCall: ((name: string, args: unknown[]) => void) | null;
}

/** The @types/google-apps-script interfaces whose signatures a fake class's calls are checked against. */
const INTERFACES: Record<string, string[]> = {
  EmbeddedChartBuilder: ['EmbeddedChartBuilder', 'EmbeddedBarChartBuilder', 'EmbeddedColumnChartBuilder'],
};

function track<T extends object>(obj: T, cls: string, log: CallLog): T {
  const proxy: T = new Proxy(obj, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || prop.startsWith('_') || prop === 'constructor') return v;
      if (typeof v !== 'function') {
        if (v === undefined && !(prop in target) && prop !== 'then' && prop !== 'toJSON') {
          // an Apps Script call the fake does not implement
          return () => {
            throw new Error(`fake Apps Script: ${cls}.${prop} is not implemented`);
          };
        }
        return v;
      }
      return (...args: unknown[]) => {
        // argument count and types as @types/google-apps-script declares them (Apps Script refuses the rest)
        checkCall(INTERFACES[cls] ?? [cls], prop, args);
        log.calls.push(`${cls}.${prop}`);
        log.onCall?.(`${cls}.${prop}`, args);
        const out = (v as (...a: unknown[]) => unknown).apply(target, args);
        return out === target ? proxy : out;
      };
    },
  });
  return proxy;
}

// ───────────────────────────── cells ─────────────────────────────

export type Stored = string | number | boolean | Date;

export interface FakeCell {
  value: Stored;
  formula: string | null;
  format: Record<string, unknown>;
  validation: FakeDataValidation | null;
}

const NUMBER = /^[+-]?(\d[\d,]*(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function dateAt(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** What a cell holds after Sheets is given `v` through setValues (as if typed). */
export function parseTyped(v: unknown): { value: Stored; formula: string | null } {
  if (v === null || v === undefined || v === '') return { value: '', formula: null };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: null };
  if (isDate(v)) return { value: v, formula: null };
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Apps Script turns any other value into its text too
  const s = String(v);
  if (s.startsWith("'")) return { value: s.slice(1), formula: null };
  if (s.startsWith('=')) return { value: '', formula: s };
  const t = s.trim();
  if (NUMBER.test(t)) return { value: Number(t.replace(/,/g, '')), formula: null };
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100, formula: null };
  if (/^[+\-@]/.test(s)) return { value: '', formula: `=${s.replace(/^@/, '')}` };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return { value: dateAt(Number(m[1]), Number(m[2]), Number(m[3])), formula: null };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return { value: dateAt(Number(m[3]), Number(m[2]), Number(m[1])), formula: null };
  if (/^true$/i.test(t)) return { value: true, formula: null };
  if (/^false$/i.test(t)) return { value: false, formula: null };
  return { value: s, formula: null };
}

function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseA1Range(a1: string): { row: number; col: number; rows: number; cols: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a1.trim().toUpperCase());
  if (!m) throw new Error(`fake Apps Script: not an A1 range: ${a1}`);
  const num = (l: string): number => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = num(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? num(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

// ───────────────────────────── builders and rules ─────────────────────────────

export class FakeDataValidation {
  constructor(
    readonly _criteria: string,
    readonly _args: unknown[],
    readonly _allowInvalid: boolean,
    readonly _helpText: string | null,
  ) {}
  // read-back (the self-test's inspect)
  getCriteriaType(): string {
    return this._criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._args];
  }
  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }
}

export class FakeDataValidationBuilder {
  _criteria = '';
  _args: unknown[] = [];
  _allowInvalid = true;
  _helpText: string | null = null;
  constructor(private readonly _env: FakeAppsScript) {
    return track(this, 'DataValidationBuilder', _env._log);
  }
  requireValueInList(values: string[], showDropdown?: boolean): FakeDataValidationBuilder {
    this._criteria = 'VALUE_IN_LIST';
    this._args = [values, showDropdown ?? true];
    return this;
  }
  requireDate(): FakeDataValidationBuilder {
    this._criteria = 'DATE_IS_VALID_DATE';
    this._args = [];
    return this;
  }
  requireNumberBetween(start: number, end: number): FakeDataValidationBuilder {
    this._criteria = 'NUMBER_BETWEEN';
    this._args = [start, end];
    return this;
  }
  requireFormulaSatisfied(formula: string): FakeDataValidationBuilder {
    this._criteria = 'CUSTOM_FORMULA';
    this._args = [formula];
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this._allowInvalid = allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): FakeDataValidationBuilder {
    this._helpText = helpText;
    return this;
  }
  build(): FakeDataValidation {
    return new FakeDataValidation(this._criteria, this._args, this._allowInvalid, this._helpText);
  }
}

export class FakeConditionalFormatRule {
  constructor(
    readonly _ranges: FakeRange[],
    readonly _condition: { kind: string; args: unknown[] },
    readonly _format: { background?: string; fontColor?: string; bold?: boolean },
    private readonly _env: FakeAppsScript,
  ) {
    return track(this, 'ConditionalFormatRule', _env._log);
  }
  getRanges(): FakeRange[] {
    return [...this._ranges];
  }
}

export class FakeConditionalFormatRuleBuilder {
  _ranges: FakeRange[] = [];
  _condition: { kind: string; args: unknown[] } = { kind: '', args: [] };
  _format: { background?: string; fontColor?: string; bold?: boolean } = {};
  constructor(private readonly _env: FakeAppsScript) {
    return track(this, 'ConditionalFormatRuleBuilder', _env._log);
  }
  setRanges(ranges: FakeRange[]): FakeConditionalFormatRuleBuilder {
    this._ranges = [...ranges];
    return this;
  }
  private _when(kind: string, ...args: unknown[]): FakeConditionalFormatRuleBuilder {
    this._condition = { kind, args };
    return this;
  }
  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    return this._when('CUSTOM_FORMULA', formula);
  }
  whenNumberLessThan(n: number): FakeConditionalFormatRuleBuilder {
    return this._when('NUMBER_LESS_THAN', n);
  }
  whenNumberLessThanOrEqualTo(n: number): FakeConditionalFormatRuleBuilder {
    return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', n);
  }
  whenNumberGreaterThan(n: number): FakeConditionalFormatRuleBuilder {
    return this._when('NUMBER_GREATER_THAN', n);
  }
  whenNumberGreaterThanOrEqualTo(n: number): FakeConditionalFormatRuleBuilder {
    return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', n);
  }
  whenNumberBetween(start: number, end: number): FakeConditionalFormatRuleBuilder {
    return this._when('NUMBER_BETWEEN', start, end);
  }
  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    if (color !== null) this._format.background = color;
    return this;
  }
  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    if (color !== null) this._format.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): FakeConditionalFormatRuleBuilder {
    if (bold !== null) this._format.bold = bold;
    return this;
  }
  build(): FakeConditionalFormatRule {
    if (this._ranges.length === 0 || this._condition.kind === '')
      throw new Error('fake Apps Script: a conditional format rule needs ranges and a condition');
    return new FakeConditionalFormatRule(this._ranges, this._condition, { ...this._format }, this._env);
  }
}

export class FakeChartOptions {
  constructor(
    private readonly _options: Record<string, unknown>,
    env: FakeAppsScript,
  ) {
    return track(this, 'ChartOptions', env._log);
  }
  get(option: string): unknown {
    return this._options[option] ?? null;
  }
}

export class FakeEmbeddedChart {
  constructor(
    readonly _type: string,
    readonly _ranges: FakeRange[],
    readonly _options: Record<string, unknown>,
    readonly _position: { row: number; col: number },
    readonly _numHeaders: number,
    private readonly _env: FakeAppsScript,
  ) {
    return track(this, 'EmbeddedChart', _env._log);
  }
  getOptions(): FakeChartOptions {
    return new FakeChartOptions(this._options, this._env);
  }
}

export class FakeEmbeddedChartBuilder {
  _type = 'COLUMN';
  _ranges: FakeRange[] = [];
  _options: Record<string, unknown> = {};
  _position = { row: 1, col: 1 };
  _numHeaders = -1;
  constructor(private readonly _env: FakeAppsScript) {
    return track(this, 'EmbeddedChartBuilder', _env._log);
  }
  asBarChart(): FakeEmbeddedChartBuilder {
    this._type = 'BAR';
    return this;
  }
  asColumnChart(): FakeEmbeddedChartBuilder {
    this._type = 'COLUMN';
    return this;
  }
  addRange(range: FakeRange): FakeEmbeddedChartBuilder {
    this._ranges.push(range);
    return this;
  }
  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    this._numHeaders = headers;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, _offsetX: number, _offsetY: number): FakeEmbeddedChartBuilder {
    this._position = { row: anchorRowPos, col: anchorColPos };
    return this;
  }
  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    this._options[option] = value;
    return this;
  }
  build(): FakeEmbeddedChart {
    return new FakeEmbeddedChart(this._type, this._ranges, { ...this._options }, this._position, this._numHeaders, this._env);
  }
}

export class FakeUser {
  constructor(
    readonly _email: string,
    env: FakeAppsScript,
  ) {
    return track(this, 'User', env._log);
  }
  getEmail(): string {
    return this._email;
  }
}

/**
 * A protection, with the rules the Protection documentation gives
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection):
 * - a new protection's editors mirror the spreadsheet's until the script changes them;
 * - `removeEditors` never removes the spreadsheet's owner or the current user;
 * - removing a group through which the current user's edit access comes throws (Google's sample adds the current
 *   user as an editor first for exactly this reason);
 * - only someone who can edit a protection may change or remove it (`canEdit()`; the owner always can), and a
 *   protected cell refuses a script's write unless the protection is warning-only or the user can edit it.
 */
export class FakeProtection {
  _description = '';
  _warningOnly = false;
  _unprotected: FakeRange[] = [];
  _editors: string[];
  _domainEdit = true;
  _removed = false;
  constructor(
    readonly _type: 'SHEET' | 'RANGE',
    readonly _sheet: FakeSheet,
    readonly _range: FakeRange | null,
    private readonly _env: FakeAppsScript,
  ) {
    this._editors = [..._env._editors];
    return track(this, 'Protection', _env._log);
  }
  /** the current user may edit what this protects (and change the protection) */
  _userCanEdit(): boolean {
    const me = this._env._user;
    if (me === this._env._owner || this._editors.includes(me)) return true;
    return this._env._viaGroup !== null && this._editors.includes(this._env._viaGroup);
  }
  _mustEdit(): void {
    if (this._removed) throw new Error('fake Apps Script: This protection has been removed.');
    if (!this._userCanEdit()) {
      throw new Error(
        'fake Apps Script: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
    }
  }
  _covers(r: number, c: number): boolean {
    if (this._removed) return false;
    if (this._type === 'RANGE') {
      const g = this._range!;
      return r >= g._row && r < g._row + g._rows && c >= g._col && c < g._col + g._cols;
    }
    return !this._unprotected.some((g) => r >= g._row && r < g._row + g._rows && c >= g._col && c < g._col + g._cols);
  }
  setDescription(description: string): FakeProtection {
    this._mustEdit();
    this._description = description;
    return this;
  }
  getDescription(): string {
    return this._description;
  }
  setUnprotectedRanges(ranges: FakeRange[]): FakeProtection {
    this._mustEdit();
    if (this._type !== 'SHEET') throw new Error('fake Apps Script: only a sheet protection has unprotected ranges');
    this._unprotected = [...ranges];
    return this;
  }
  setWarningOnly(warningOnly: boolean): FakeProtection {
    this._mustEdit();
    this._warningOnly = warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this._warningOnly;
  }
  getUnprotectedRanges(): FakeRange[] {
    return [...this._unprotected];
  }
  getRange(): FakeRange {
    return this._range ?? this._sheet.getRange(1, 1, this._sheet._maxRows, this._sheet._maxCols);
  }
  canEdit(): boolean {
    return this._userCanEdit();
  }
  getEditors(): FakeUser[] {
    return this._editors.map((e) => new FakeUser(e, this._env));
  }
  removeEditors(emailsOrUsers: (string | FakeUser)[]): FakeProtection {
    this._mustEdit();
    const gone = new Set(emailsOrUsers.map((u) => (typeof u === 'string' ? u : u._email)));
    const me = this._env._user;
    const group = this._env._viaGroup;
    if (group !== null && gone.has(group) && me !== this._env._owner && !this._editors.includes(me)) {
      throw new Error(`fake Apps Script: You can't remove yourself as an editor (your access comes from ${group}).`);
    }
    // neither the spreadsheet's owner nor the current user can be removed
    this._editors = this._editors.filter((e) => e === this._env._owner || e === me || !gone.has(e));
    return this;
  }
  addEditor(emailAddressOrUser: string | FakeUser): FakeProtection {
    this._mustEdit();
    const e = typeof emailAddressOrUser === 'string' ? emailAddressOrUser : emailAddressOrUser._email;
    if (!this._editors.includes(e)) this._editors.push(e);
    return this;
  }
  addEditors(emailAddresses: string[]): FakeProtection {
    this._mustEdit();
    for (const e of emailAddresses) if (!this._editors.includes(e)) this._editors.push(e);
    return this;
  }
  canDomainEdit(): boolean {
    return this._domainEdit;
  }
  setDomainEdit(editable: boolean): FakeProtection {
    this._mustEdit();
    this._domainEdit = editable;
    return this;
  }
  remove(): void {
    this._mustEdit();
    this._removed = true;
    this._sheet._protections = this._sheet._protections.filter((p) => !p._removed);
  }
}

// ───────────────────────────── ranges ─────────────────────────────

export class FakeRange {
  constructor(
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _col: number,
    readonly _rows: number,
    readonly _cols: number,
    private readonly _env: FakeAppsScript,
  ) {
    if (_row < 1 || _col < 1 || _rows < 1 || _cols < 1) {
      throw new Error(
        `fake Apps Script: The starting row, column and size of the range must be at least 1 (got ${_row}, ${_col}, ${_rows}×${_cols}).`,
      );
    }
    if (_row + _rows - 1 > _sheet._maxRows || _col + _cols - 1 > _sheet._maxCols) {
      throw new Error('fake Apps Script: The coordinates of the range are outside the dimensions of the sheet.');
    }
    return track(this, 'Range', _env._log);
  }
  _each(fn: (r: number, c: number) => void): void {
    for (let r = this._row; r < this._row + this._rows; r++) for (let c = this._col; c < this._col + this._cols; c++) fn(r, c);
  }
  getA1Notation(): string {
    const tl = `${colLetters(this._col)}${this._row}`;
    return this._rows === 1 && this._cols === 1 ? tl : `${tl}:${colLetters(this._col + this._cols - 1)}${this._row + this._rows - 1}`;
  }
  /** A script's write into a cell a protection covers fails unless the user can edit it or it only warns. */
  _mustBeWritable(): void {
    const blocking = this._sheet._protections.filter((p) => !p._warningOnly && !p._userCanEdit());
    if (blocking.length === 0) return;
    this._each((r, c) => {
      if (blocking.some((p) => p._covers(r, c))) {
        throw new Error(
          'fake Apps Script: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
        );
      }
    });
  }
  setValues(values: unknown[][]): FakeRange {
    this._mustBeWritable();
    if (values.length !== this._rows) {
      throw new Error(
        `fake Apps Script: The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this._rows}.`,
      );
    }
    for (const row of values) {
      if (row.length !== this._cols) {
        throw new Error(
          `fake Apps Script: The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._cols}.`,
        );
      }
    }
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const cell = this._sheet._cell(this._row + i, this._col + j);
        const p = parseTyped(v);
        cell.value = p.value;
        cell.formula = p.formula;
      }),
    );
    return this;
  }
  getFormulas(): string[][] {
    const out: string[][] = [];
    for (let r = this._row; r < this._row + this._rows; r++) {
      const row: string[] = [];
      for (let c = this._col; c < this._col + this._cols; c++) row.push(this._sheet._peek(r, c)?.formula ?? '');
      out.push(row);
    }
    return out;
  }
  // read-back (the self-test's inspect)
  getRow(): number {
    return this._row;
  }
  getColumn(): number {
    return this._col;
  }
  getNumRows(): number {
    return this._rows;
  }
  getNumColumns(): number {
    return this._cols;
  }
  _grid<T>(fn: (r: number, c: number) => T): T[][] {
    return Array.from({ length: this._rows }, (_, i) => Array.from({ length: this._cols }, (_, j) => fn(this._row + i, this._col + j)));
  }
  getNumberFormats(): string[][] {
    return this._grid((r, c) => {
      const f = this._sheet._peek(r, c)?.format['numberFormat'];
      return typeof f === 'string' ? f : '';
    });
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this._grid((r, c) => this._sheet._peek(r, c)?.validation ?? null);
  }
  getMergedRanges(): FakeRange[] {
    return this._sheet._merges
      .filter(
        (m) => m.row < this._row + this._rows && this._row < m.row + m.rows && m.col < this._col + this._cols && this._col < m.col + m.cols,
      )
      .map((m) => new FakeRange(this._sheet, m.row, m.col, m.rows, m.cols, this._env));
  }
  getValues(): Stored[][] {
    const out: Stored[][] = [];
    for (let r = this._row; r < this._row + this._rows; r++) {
      const row: Stored[] = [];
      for (let c = this._col; c < this._col + this._cols; c++) row.push(this._sheet._valueAt(r, c));
      out.push(row);
    }
    return out;
  }
  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    this._mustBeWritable();
    if (this._env._drop.validation) return this; // a host that loses validations (the self-test must notice)
    this._each((r, c) => {
      this._sheet._cell(r, c).validation = rule;
    });
    return this;
  }
  clearDataValidations(): FakeRange {
    this._each((r, c) => {
      const cell = this._sheet._peek(r, c);
      if (cell) cell.validation = null;
    });
    return this;
  }
  merge(): FakeRange {
    this._sheet._mustNotCutFrozen(this._row, this._col, this._rows, this._cols);
    this._mustBeWritable();
    this._sheet._merges.push({ row: this._row, col: this._col, rows: this._rows, cols: this._cols });
    return this;
  }
  /** each row of the range merged on its own, as Sheets does */
  mergeAcross(): FakeRange {
    this._sheet._mustNotCutFrozen(this._row, this._col, 1, this._cols);
    this._mustBeWritable();
    for (let r = this._row; r < this._row + this._rows; r++)
      this._sheet._merges.push({ row: r, col: this._col, rows: 1, cols: this._cols });
    return this;
  }
  breakApart(): FakeRange {
    this._sheet._merges = this._sheet._merges.filter(
      (m) =>
        !(m.row < this._row + this._rows && this._row < m.row + m.rows && m.col < this._col + this._cols && this._col < m.col + m.cols),
    );
    return this;
  }
  protect(): FakeProtection {
    const p = new FakeProtection('RANGE', this._sheet, this, this._env);
    this._sheet._protections.push(p);
    return p;
  }
  activate(): FakeRange {
    this._env.spreadsheet._active = this._sheet;
    this._env._activeRange = this.getA1Notation();
    return this;
  }
  _setFormat(prop: string, value: unknown): void {
    this._each((r, c) => {
      this._sheet._cell(r, c).format[prop] = value;
    });
  }
}

export class FakeRangeList {
  constructor(
    readonly _ranges: FakeRange[],
    env: FakeAppsScript,
  ) {
    return track(this, 'RangeList', env._log);
  }
  private _all(prop: string, value: unknown): FakeRangeList {
    for (const r of this._ranges) r._setFormat(prop, value);
    return this;
  }
  setFontWeight(fontWeight: 'bold' | 'normal' | null): FakeRangeList {
    return this._all('fontWeight', fontWeight);
  }
  setFontStyle(fontStyle: 'italic' | 'normal' | null): FakeRangeList {
    return this._all('fontStyle', fontStyle);
  }
  setFontSize(size: number): FakeRangeList {
    return this._all('fontSize', size);
  }
  setFontColor(color: string | null): FakeRangeList {
    return this._all('fontColor', color);
  }
  setBackground(color: string | null): FakeRangeList {
    return this._all('background', color);
  }
  setWrap(isWrapEnabled: boolean): FakeRangeList {
    return this._all('wrap', isWrapEnabled);
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): FakeRangeList {
    return this._all('horizontalAlignment', alignment);
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): FakeRangeList {
    return this._all('verticalAlignment', alignment);
  }
  setNumberFormat(numberFormat: string): FakeRangeList {
    return this._all('numberFormat', numberFormat);
  }
  setBorder(top: boolean | null, ..._rest: unknown[]): FakeRangeList {
    return this._all('border', top ? 'thin' : 'none');
  }
}

// ───────────────────────────── sheets ─────────────────────────────

export class FakeSheet {
  _cells = new Map<string, FakeCell>();
  _maxRows = 1000;
  _maxCols = 26;
  _frozenRows = 0;
  _frozenCols = 0;
  _hidden = false;
  _tabColor: string | null = null;
  _columnWidths = new Map<number, number>();
  _rowHeights = new Map<number, number>();
  _fittedRows = new Set<number>();
  _hiddenCols = new Set<number>();
  _hiddenRows = new Set<number>();
  _merges: { row: number; col: number; rows: number; cols: number }[] = [];
  _charts: FakeEmbeddedChart[] = [];
  _protections: FakeProtection[] = [];
  _cfRules: FakeConditionalFormatRule[] = [];

  constructor(
    public _name: string,
    private readonly _env: FakeAppsScript,
  ) {
    return track(this, 'Sheet', _env._log);
  }

  _key(r: number, c: number): string {
    return `${r}:${c}`;
  }
  _peek(r: number, c: number): FakeCell | undefined {
    return this._cells.get(this._key(r, c));
  }
  _cell(r: number, c: number): FakeCell {
    let cell = this._cells.get(this._key(r, c));
    if (!cell) this._cells.set(this._key(r, c), (cell = { value: '', formula: null, format: {}, validation: null }));
    return cell;
  }
  _valueAt(r: number, c: number): Stored {
    const cell = this._peek(r, c);
    if (!cell) return '';
    if (cell.formula !== null) return this._env._evaluate(cell.formula, this, r, c);
    // like Sheets, a number shown with a date format reads back as a Date
    const fmt = cell.format.numberFormat;
    if (typeof cell.value === 'number' && typeof fmt === 'string' && /[dmy]/i.test(fmt) && !/[0#]/.test(fmt)) {
      return new Date(Date.UTC(1899, 11, 30, 12) + Math.floor(cell.value) * 86_400_000);
    }
    return cell.value;
  }
  _used(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const [k, cell] of this._cells) {
      if (cell.formula === null && cell.value === '') continue;
      const [r, c] = k.split(':').map(Number) as [number, number];
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    }
    return { rows, cols };
  }
  /** For tests: the cell as text, `=…` for a formula. */
  _text(r: number, c: number): string {
    const cell = this._peek(r, c);
    if (!cell) return '';
    if (cell.formula !== null) return cell.formula;
    return isDate(cell.value) ? cell.value.toISOString().slice(0, 10) : String(cell.value);
  }

  getName(): string {
    return this._name;
  }
  /** 1-based position among the tabs */
  getIndex(): number {
    // `this` is the fake itself; the spreadsheet holds its recording proxy
    return this._env.spreadsheet._sheets.findIndex((s) => s._name === this._name) + 1;
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxCols;
  }
  getLastRow(): number {
    return this._used().rows;
  }
  getLastColumn(): number {
    return this._used().cols;
  }
  getDataRange(): FakeRange {
    const u = this._used();
    return new FakeRange(this, 1, 1, Math.max(1, u.rows), Math.max(1, u.cols), this._env);
  }
  getRange(row: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    if (typeof row === 'string') {
      const r = parseA1Range(row);
      return new FakeRange(this, r.row, r.col, r.rows, r.cols, this._env);
    }
    return new FakeRange(this, row, column ?? 1, numRows ?? 1, numColumns ?? 1, this._env);
  }
  getRangeList(a1Notations: string[]): FakeRangeList {
    return new FakeRangeList(
      a1Notations.map((a) => {
        const r = parseA1Range(a);
        return new FakeRange(this, r.row, r.col, r.rows, r.cols, this._env);
      }),
      this._env,
    );
  }
  clear(): FakeSheet {
    for (const cell of this._cells.values()) {
      cell.value = '';
      cell.formula = null;
      cell.format = {};
    }
    return this;
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._hiddenCols.delete(c);
  }
  showRows(rowIndex: number, numRows = 1): void {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this._hiddenRows.delete(r);
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    if (columnIndex + numColumns - 1 > this._maxCols) throw new Error('fake Apps Script: Those columns are out of bounds.');
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this._hiddenCols.add(c);
  }
  hideRows(rowIndex: number, numRows = 1): void {
    if (rowIndex + numRows - 1 > this._maxRows) throw new Error('fake Apps Script: Those rows are out of bounds.');
    for (let r = rowIndex; r < rowIndex + numRows; r++) this._hiddenRows.add(r);
  }
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    if (howMany < 1) throw new Error('fake Apps Script: howMany must be at least 1');
    if (afterPosition !== this._maxRows) throw new Error('fake Apps Script: the fake only appends rows at the end');
    this._maxRows += howMany;
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (howMany < 1) throw new Error('fake Apps Script: howMany must be at least 1');
    if (rowPosition + howMany - 1 !== this._maxRows) throw new Error('fake Apps Script: the fake only deletes rows at the end');
    if (rowPosition - 1 <= this._frozenRows) {
      throw new Error('fake Apps Script: Sorry, it is not possible to delete all non-frozen rows.');
    }
    for (const k of [...this._cells.keys()]) if (Number(k.split(':')[0]) >= rowPosition) this._cells.delete(k);
    this._maxRows -= howMany;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    if (howMany < 1) throw new Error('fake Apps Script: howMany must be at least 1');
    if (afterPosition !== this._maxCols) throw new Error('fake Apps Script: the fake only appends columns at the end');
    this._maxCols += howMany;
    return this;
  }
  setTabColor(color: string | null): FakeSheet {
    this._tabColor = color;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._columnWidths.set(c, width);
    return this;
  }
  setRowHeights(startRow: number, numRows: number, height: number): FakeSheet {
    for (let r = startRow; r < startRow + numRows; r++) this._rowHeights.set(r, height);
    return this;
  }
  /**
   * Rows fitted to their contents by Sheets: no height of their own (recorded in `_fittedRows`). Like Excel and
   * LibreOffice, Sheets does not fit a row to wrapped text in merged cells, so a row holding a merged cell is left as
   * it was (strictest reading: the autoResizeRows documentation promises nothing for merged cells).
   */
  autoResizeRows(startRow: number, numRows: number): FakeSheet {
    if (startRow < 1 || numRows < 1 || startRow + numRows - 1 > this._maxRows)
      throw new Error('fake Apps Script: Those rows are out of bounds.');
    for (let r = startRow; r < startRow + numRows; r++) {
      if (this._merges.some((m) => r >= m.row && r < m.row + m.rows)) continue;
      this._rowHeights.delete(r);
      this._fittedRows.add(r);
    }
    return this;
  }
  /** Sheets refuses a merge across the frozen edge, and freezing part of a merged cell. */
  _mustNotCutFrozen(
    row: number,
    col: number,
    rows: number,
    cols: number,
    frozenRows = this._frozenRows,
    frozenCols = this._frozenCols,
  ): void {
    const cut = (start: number, count: number, edge: number): boolean => edge > 0 && start <= edge && start + count - 1 > edge;
    if (cut(row, rows, frozenRows) || cut(col, cols, frozenCols)) {
      throw new Error("fake Apps Script: You can't merge frozen and non-frozen rows or columns.");
    }
  }
  setFrozenRows(rows: number): void {
    if (rows >= this._maxRows) throw new Error('fake Apps Script: cannot freeze every row');
    if (this._merges.some((m) => rows > 0 && m.row <= rows && m.row + m.rows - 1 > rows)) {
      throw new Error("fake Apps Script: Sorry, you can't freeze rows which contain only part of a merged cell.");
    }
    this._frozenRows = rows;
  }
  setFrozenColumns(columns: number): void {
    if (columns >= this._maxCols) throw new Error('fake Apps Script: cannot freeze every column');
    if (this._merges.some((m) => columns > 0 && m.col <= columns && m.col + m.cols - 1 > columns)) {
      throw new Error("fake Apps Script: Sorry, you can't freeze columns which contain only part of a merged cell.");
    }
    this._frozenCols = columns;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  getFrozenColumns(): number {
    return this._frozenCols;
  }
  setName(name: string): FakeSheet {
    this._env.spreadsheet._checkNewName(name, this);
    this._name = name;
    return this;
  }
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return [...this._cfRules];
  }
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this._cfRules = [...rules];
  }
  getCharts(): FakeEmbeddedChart[] {
    return [...this._charts];
  }
  removeChart(chart: FakeEmbeddedChart): void {
    this._charts = this._charts.filter((c) => c !== chart);
  }
  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this._env);
  }
  insertChart(chart: FakeEmbeddedChart): void {
    this._charts.push(chart);
  }
  /** "If the sheet is already protected, this method returns an object representing the existing protection" */
  protect(): FakeProtection {
    const existing = this._protections.find((p) => p._type === 'SHEET' && !p._removed);
    if (existing) return existing;
    const p = new FakeProtection('SHEET', this, null, this._env);
    this._protections.push(p);
    return p;
  }
  getProtections(type: unknown): FakeProtection[] {
    return this._protections.filter((p) => !p._removed && p._type === type);
  }
  hideSheet(): FakeSheet {
    this._hidden = true;
    return this;
  }
  activate(): FakeSheet {
    this._env.spreadsheet._active = this;
    return this;
  }
}

// ───────────────────────────── spreadsheet and services ─────────────────────────────

export class FakeSpreadsheet {
  _sheets: FakeSheet[] = [];
  _named = new Map<string, FakeRange>();
  _active: FakeSheet | null = null;
  _toasts: string[] = [];

  constructor(private readonly _env: FakeAppsScript) {
    return track(this, 'Spreadsheet', _env._log);
  }
  getSheets(): FakeSheet[] {
    return [...this._sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    // sheet names are compared without regard to case, as Sheets does
    return this._sheets.find((s) => s._name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  /** A tab name Sheets accepts: not empty or blank, at most 100 characters, not another tab's in any case. */
  _checkNewName(name: string, self: FakeSheet | null): void {
    if (typeof name !== 'string' || name.trim() === '') throw new Error('fake Apps Script: Sheet names cannot be empty.');
    if (name.length > 100) throw new Error('fake Apps Script: Sheet names can be at most 100 characters.');
    if (this._sheets.some((s) => s !== self && s._name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`fake Apps Script: A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  deleteSheet(sheet: FakeSheet): void {
    if (sheet._protections.some((p) => !p._removed && !p._warningOnly && !p._userCanEdit())) {
      throw new Error(
        'fake Apps Script: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
    }
    if (this._sheets.length === 1) throw new Error("fake Apps Script: You can't remove all the sheets in a document.");
    const at = this._sheets.indexOf(sheet);
    if (at < 0) throw new Error('fake Apps Script: that sheet is not in this spreadsheet');
    this._sheets.splice(at, 1);
    for (const [n, r] of this._named) if (r._sheet === sheet) this._named.delete(n);
    if (this._active === sheet) this._active = this._sheets[0] ?? null;
  }
  removeNamedRange(name: string): void {
    this._named.delete(name);
  }
  getNamedRanges(): FakeNamedRange[] {
    return [...this._named.keys()].map((n) => new FakeNamedRange(n, this, this._env));
  }
  insertSheet(sheetName: string, sheetIndex?: number): FakeSheet {
    this._checkNewName(sheetName, null);
    const sheet = new FakeSheet(sheetName, this._env);
    const at = sheetIndex === undefined ? this._sheets.length : sheetIndex;
    if (at < 0 || at > this._sheets.length) throw new Error('fake Apps Script: sheet index out of range');
    this._sheets.splice(at, 0, sheet);
    this._active = sheet;
    return sheet;
  }
  setNamedRange(name: string, range: FakeRange): void {
    this._named.set(name, range);
  }
  getSpreadsheetTimeZone(): string {
    return this._env._timeZone;
  }
  toast(msg: string, title?: string, _timeoutSeconds?: number): void {
    this._toasts.push(title ? `${title}: ${msg}` : msg);
  }
  /** For tests: a sheet by name, or throw. */
  _sheet(name: string): FakeSheet {
    const s = this._sheets.find((x) => x._name === name);
    if (!s) throw new Error(`fake Apps Script: no sheet "${name}" (have ${this._sheets.map((x) => x._name).join(', ')})`);
    return s;
  }
}

export class FakeNamedRange {
  constructor(
    readonly _name: string,
    private readonly _ss: FakeSpreadsheet,
    env: FakeAppsScript,
  ) {
    return track(this, 'NamedRange', env._log);
  }
  getName(): string {
    return this._name;
  }
  remove(): void {
    this._ss._named.delete(this._name);
  }
}

export class FakeMenu {
  _items: { caption: string; functionName: string }[] = [];
  constructor(private readonly _env: FakeAppsScript) {
    return track(this, 'Menu', _env._log);
  }
  addItem(caption: string, functionName: string): FakeMenu {
    this._items.push({ caption, functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    this._items.push({ caption: '—', functionName: '' });
    return this;
  }
  addToUi(): void {
    this._env._menus.push(this);
  }
}

export class FakeHtmlOutput {
  _title = '';
  constructor(
    readonly _content: string,
    env: FakeAppsScript,
  ) {
    return track(this, 'HtmlOutput', env._log);
  }
  setTitle(title: string): FakeHtmlOutput {
    this._title = title;
    return this;
  }
}

export class FakeUi {
  ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  constructor(private readonly _env: FakeAppsScript) {
    return track(this, 'Ui', _env._log);
  }
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this._env);
  }
  showSidebar(userInterface: FakeHtmlOutput): void {
    this._env._sidebars.push(userInterface);
  }
  alert(title: string, prompt?: string, _buttons?: unknown): string {
    this._env._alerts.push(prompt === undefined ? title : `${title}\n${prompt}`);
    return 'OK';
  }
}

interface LockState {
  holder: object | null;
  attempts: { timeoutInMillis: number; acquired: boolean }[];
}

export class FakeLock {
  constructor(
    private readonly _state: LockState,
    env: FakeAppsScript,
  ) {
    return track(this, 'Lock', env._log);
  }
  tryLock(timeoutInMillis: number): boolean {
    // Apps Script would wait up to the timeout; the fake answers at once: free → acquired, held by another → false.
    const acquired = this._state.holder === null || this._state.holder === this;
    if (acquired) this._state.holder = this;
    this._state.attempts.push({ timeoutInMillis, acquired });
    return acquired;
  }
  hasLock(): boolean {
    return this._state.holder === this;
  }
  releaseLock(): void {
    if (this._state.holder === this) this._state.holder = null;
  }
}

export interface FakeOptions {
  /** folder the HTML files are read from (HtmlService.createHtmlOutputFromFile) */
  htmlDir?: string;
  timeZone?: string;
  owner?: string;
  /** people the spreadsheet is shared with (editors), besides the owner */
  editors?: string[];
  /** who runs the add-on (Session.getEffectiveUser()); default the owner */
  user?: string;
  /** a group the spreadsheet is shared with through which `user` has edit access (so `user` is not listed alone) */
  viaGroup?: string;
  /** computes a formula cell's value when read; default '' */
  evaluate?: (formula: string, sheet: FakeSheet, row: number, col: number) => Stored;
  /** make the fake lose what a host might silently drop (the self-test must then fail visibly) */
  drop?: { validation?: boolean };
}

export class FakeAppsScript {
  readonly _log: CallLog = { calls: [], onCall: null };
  readonly _menus: FakeMenu[] = [];
  readonly _sidebars: FakeHtmlOutput[] = [];
  readonly _alerts: string[] = [];
  _activeRange: string | null = null;
  readonly _lock: LockState = { holder: null, attempts: [] };
  readonly _timeZone: string;
  readonly _owner: string;
  readonly _editors: string[];
  readonly _user: string;
  readonly _viaGroup: string | null;
  readonly _evaluate: (formula: string, sheet: FakeSheet, row: number, col: number) => Stored;
  readonly _drop: { validation?: boolean };
  readonly spreadsheet: FakeSpreadsheet;
  private readonly htmlDir: string | undefined;

  constructor(opts: FakeOptions = {}) {
    this._timeZone = opts.timeZone ?? 'Europe/London';
    this._owner = opts.owner ?? 'owner@example.org';
    this._editors = [this._owner, ...(opts.editors ?? []), ...(opts.viaGroup ? [opts.viaGroup] : [])];
    this._user = opts.user ?? this._owner;
    this._viaGroup = opts.viaGroup ?? null;
    this._evaluate = opts.evaluate ?? (() => '');
    this._drop = opts.drop ?? {};
    this.htmlDir = opts.htmlDir;
    this.spreadsheet = new FakeSpreadsheet(this);
    this.spreadsheet.insertSheet('Sheet1');
    this._log.calls.length = 0;
  }

  /** every call so far, `Class.method` */
  get calls(): readonly string[] {
    return this._log.calls;
  }

  /** calls since `mark` (an index into `calls`), by name */
  countsSince(mark: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this._log.calls.slice(mark)) out[c] = (out[c] ?? 0) + 1;
    return out;
  }

  set onCall(fn: ((name: string, args: unknown[]) => void) | null) {
    this._log.onCall = fn;
  }

  readonly SpreadsheetApp = {
    getActiveSpreadsheet: (): FakeSpreadsheet => {
      this._log.calls.push('SpreadsheetApp.getActiveSpreadsheet');
      return this.spreadsheet;
    },
    getUi: (): FakeUi => {
      this._log.calls.push('SpreadsheetApp.getUi');
      return new FakeUi(this);
    },
    newDataValidation: (): FakeDataValidationBuilder => {
      this._log.calls.push('SpreadsheetApp.newDataValidation');
      return new FakeDataValidationBuilder(this);
    },
    newConditionalFormatRule: (): FakeConditionalFormatRuleBuilder => {
      this._log.calls.push('SpreadsheetApp.newConditionalFormatRule');
      return new FakeConditionalFormatRuleBuilder(this);
    },
    flush: (): void => {
      this._log.calls.push('SpreadsheetApp.flush');
    },
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    BorderStyle: { SOLID: 'SOLID' },
  };

  readonly HtmlService = {
    createHtmlOutputFromFile: (filename: string): FakeHtmlOutput => {
      this._log.calls.push('HtmlService.createHtmlOutputFromFile');
      if (!this.htmlDir) throw new Error('fake Apps Script: no htmlDir given');
      const content = readFileSync(join(this.htmlDir, `${filename}.html`), 'utf8');
      return new FakeHtmlOutput(content, this);
    },
  };

  readonly Session = {
    getEffectiveUser: (): FakeUser => {
      this._log.calls.push('Session.getEffectiveUser');
      return new FakeUser(this._user, this);
    },
  };

  readonly LockService = {
    getDocumentLock: (): FakeLock => {
      this._log.calls.push('LockService.getDocumentLock');
      return new FakeLock(this._lock, this);
    },
  };

  readonly Utilities = {
    formatDate: (date: Date, timeZone: string, format: string): string => {
      this._log.calls.push('Utilities.formatDate');
      if (format !== 'yyyy-MM-dd') throw new Error(`fake Apps Script: formatDate supports only yyyy-MM-dd, not ${format}`);
      return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
    },
  };

  /** The globals an Apps Script project sees, for a vm context. */
  globals(): Record<string, unknown> {
    return {
      SpreadsheetApp: this.SpreadsheetApp,
      HtmlService: this.HtmlService,
      LockService: this.LockService,
      Utilities: this.Utilities,
      Session: this.Session,
    };
  }
}

// Compile-time: every public member of the fakes is a real Apps Script member of the same name.
const onlyApi: [
  OnlyApi<FakeRange, GoogleAppsScript.Spreadsheet.Range>,
  OnlyApi<FakeRangeList, GoogleAppsScript.Spreadsheet.RangeList>,
  OnlyApi<FakeSheet, GoogleAppsScript.Spreadsheet.Sheet>,
  OnlyApi<FakeSpreadsheet, GoogleAppsScript.Spreadsheet.Spreadsheet>,
  OnlyApi<FakeProtection, GoogleAppsScript.Spreadsheet.Protection>,
  OnlyApi<FakeDataValidationBuilder, GoogleAppsScript.Spreadsheet.DataValidationBuilder>,
  OnlyApi<FakeConditionalFormatRuleBuilder, GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder>,
  OnlyApi<FakeConditionalFormatRule, GoogleAppsScript.Spreadsheet.ConditionalFormatRule>,
  OnlyApi<FakeEmbeddedChartBuilder, GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder>,
  OnlyApi<FakeEmbeddedChart, GoogleAppsScript.Spreadsheet.EmbeddedChart>,
  OnlyApi<FakeChartOptions, GoogleAppsScript.Charts.ChartOptions>,
  OnlyApi<FakeUser, GoogleAppsScript.Base.User>,
  OnlyApi<FakeNamedRange, GoogleAppsScript.Spreadsheet.NamedRange>,
  OnlyApi<FakeDataValidation, GoogleAppsScript.Spreadsheet.DataValidation>,
  OnlyApi<FakeMenu, GoogleAppsScript.Base.Menu>,
  OnlyApi<FakeUi, GoogleAppsScript.Base.Ui>,
  OnlyApi<FakeHtmlOutput, GoogleAppsScript.HTML.HtmlOutput>,
  OnlyApi<FakeLock, GoogleAppsScript.Lock.Lock>,
  OnlyApi<FakeAppsScript['SpreadsheetApp'], GoogleAppsScript.Spreadsheet.SpreadsheetApp>,
  OnlyApi<FakeAppsScript['HtmlService'], GoogleAppsScript.HTML.HtmlService>,
  OnlyApi<FakeAppsScript['LockService'], GoogleAppsScript.Lock.LockService>,
  OnlyApi<FakeAppsScript['Utilities'], GoogleAppsScript.Utilities.Utilities>,
  OnlyApi<FakeAppsScript['Session'], GoogleAppsScript.Base.Session>,
] = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];
void onlyApi;

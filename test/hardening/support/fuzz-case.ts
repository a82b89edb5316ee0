/**
 * One generated workbook and everything checked on it — shared by the property tests (test/hardening/*.test.ts, a
 * few hundred cases each) and the long fuzz run (scripts/fuzz.ts, 10,000+ cases).
 *
 * A case: a built-in framework created on the in-memory workbook with random partnerships and respondents, then
 * what people do to workbooks — structural edits first (columns inserted inside tables, blank rows inserted in the
 * middle, tabs renamed, deleted, reordered, new tabs), then typing (scores of every kind into score cells, any value
 * anywhere in and beside the tables, "merged" rows whose other cells are empty, ragged rows reaching far right,
 * settings labels in odd case), then, after a first summary, edits to the plan rows it drafted and rows people add.
 *
 * Checked (`CaseOutcome`):
 * - reading and checking never throw, except NotAReviewError when PR_Meta was deleted, renamed away or its product
 *   or layout cells were overwritten — and then always NotAReviewError, from summarise too;
 * - every problem has a cell on a tab that exists, or is a workbook-level layout/metadata problem naming the tab;
 * - every invalid score typed into a score cell is reported at exactly that cell, and no valid one is an error;
 * - summarise and plan never change a cell a person typed (every cell before and after, byte for byte, except the
 *   generated Summary, Comments and PR_Meta tabs, the plan tab's generated columns, and plan rows the add-in drafted that
 *   nobody touched).
 */
import fc from 'fast-check';
import { getFramework } from '../../../core/framework/catalogue.js';
import type { Framework, Scale } from '../../../core/framework/schema.js';
import type { Snapshot } from '../../../core/host/types.js';
import { checkReview } from '../../../core/operations/check.js';
import { planCreate } from '../../../core/operations/create.js';
import { planImprovement, planSummary } from '../../../core/operations/summarise.js';
import { NotAReviewError, ReviewRequestError } from '../../../core/operations/types.js';
import { PLAN_COLUMNS } from '../../../core/plan/columns.js';
import type { CellValue } from '../../../core/review/types.js';
import { TAB, entryColumns, registerColumns, tabOrder, type TabKey } from '../../../core/sheet-plan/layout.js';
import { PREVIOUS_KEYS } from '../../../core/sheet-plan/previous.js';
import { a1 } from '../../../core/util/a1.js';
import type { Problem } from '../../../core/validation/types.js';
import { MemoryWorkbook } from '../../../memory-host/index.js';
import {
  anyValue,
  nameValue,
  ragPick,
  resolveRag,
  resolveScore,
  scorePick,
  type RagPick,
  type ScoreClass,
  type ScorePick,
} from './fuzz-values.js';

export const TODAY = '2026-03-01';
export const FRAMEWORK_IDS = [
  'partnership-tree',
  'hallmarks',
  'nru-partnership',
  'delivery-tracker',
  'risk-exercise',
  'framework-review',
  'biannual-review',
] as const;

type Role = TabKey;

export type StructuralEdit =
  | { kind: 'insertColumn'; role: Role; at: number; count: number }
  | { kind: 'appendColumn'; role: Role; gap: number; value: CellValue }
  | { kind: 'insertRow'; role: Role; at: number; count: number }
  | { kind: 'rename'; role: Role; style: 'upper' | 'lower' | 'other' | 'nonLatin' }
  | { kind: 'delete'; role: Role }
  | { kind: 'move'; role: Role; position: number }
  | { kind: 'addTab'; name: string; value: CellValue }
  | { kind: 'metaCell'; which: 'product' | 'layoutVersion' | 'revision' | 'frameworkId' | 'tabName' | 'col'; value: CellValue };

export type ValueEdit =
  | { kind: 'score'; row: number; pick: number; score: ScorePick }
  | { kind: 'registerScore'; row: number; pick: number; score: ScorePick; rag: RagPick }
  | { kind: 'any'; role: Role; row: number; col: number; value: CellValue }
  | { kind: 'merged'; role: Role; row: number; col: number; width: number }
  | { kind: 'ragged'; role: Role; row: number; far: number; value: CellValue }
  | { kind: 'settingsLabel'; style: 'upper' | 'spaced' };

export type PlanEdit =
  | { kind: 'planCell'; row: number; key: string; value: CellValue }
  | { kind: 'planAdd'; gap: number; action: CellValue; contact: CellValue };

export interface FuzzCase {
  frameworkId: (typeof FRAMEWORK_IDS)[number];
  partnerships: string[];
  respondents: string[];
  respondentCount: number;
  structural: StructuralEdit[];
  values: ValueEdit[];
  planEdits: PlanEdit[];
  /** rows people add below the created ones (the 10,000-row case) */
  extraRows: number;
}

export interface CaseOutcome {
  /** an exception that is not allowed (with the stage it came from) */
  crash: { stage: string; error: unknown } | null;
  /** NotAReviewError thrown, as expected for a workbook whose PR_Meta is gone */
  refused: boolean;
  unlocated: Problem[];
  /** invalid scores typed that no problem points at */
  missed: { cell: string; value: CellValue }[];
  /** valid scores typed that an error points at */
  falseAlarms: { cell: string; value: CellValue; problem: string }[];
  /** cells a person typed that summarise or plan changed */
  lost: { cell: string; before: CellValue | string; after: CellValue | string }[];
  problems: number;
  /** score cells whose report was checked (invalid ones must be reported there, valid ones must not be errors) */
  scoresChecked: number;
  /** person-owned cells compared before and after summarise/plan (summed over the runs) */
  cellsCompared: number;
}

// ───────────────────────────── generators ─────────────────────────────

const ROLES: Role[] = ['instructions', 'entry', 'notes', 'register', 'groupSummary', 'settings', 'previous', 'summary', 'plan', 'meta'];
const INPUT_ROLES: Role[] = ['entry', 'notes', 'register', 'groupSummary', 'settings', 'previous', 'plan'];

const structuralEdit: fc.Arbitrary<StructuralEdit> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('insertColumn' as const),
      role: fc.constantFrom(...INPUT_ROLES),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      count: fc.integer({ min: 1, max: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('appendColumn' as const),
      role: fc.constantFrom(...INPUT_ROLES),
      gap: fc.integer({ min: 0, max: 3 }),
      value: anyValue,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('insertRow' as const),
      role: fc.constantFrom(...INPUT_ROLES),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rename' as const),
      role: fc.constantFrom(...ROLES),
      style: fc.constantFrom('upper' as const, 'lower' as const, 'other' as const, 'nonLatin' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), role: fc.constantFrom(...ROLES) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('move' as const), role: fc.constantFrom(...ROLES), position: fc.nat({ max: 10 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('addTab' as const),
      name: fc.constantFrom('Notes', 'Sheet1', 'Copy of Responses', 'مسودة', '笔记', 'Data (2)'),
      value: anyValue,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('metaCell' as const),
      which: fc.constantFrom(
        'product' as const,
        'layoutVersion' as const,
        'revision' as const,
        'frameworkId' as const,
        'tabName' as const,
        'col' as const,
      ),
      value: anyValue,
    }),
  },
);

const valueEdit: fc.Arbitrary<ValueEdit> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('score' as const), row: fc.nat({ max: 25 }), pick: fc.nat({ max: 200 }), score: scorePick }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('registerScore' as const),
      row: fc.nat({ max: 15 }),
      pick: fc.nat({ max: 20 }),
      score: scorePick,
      rag: ragPick,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('any' as const),
      role: fc.constantFrom(...ROLES),
      row: fc.nat({ max: 30 }),
      col: fc.nat({ max: 160 }),
      value: anyValue,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('merged' as const),
      role: fc.constantFrom(...INPUT_ROLES),
      row: fc.nat({ max: 20 }),
      col: fc.nat({ max: 20 }),
      width: fc.integer({ min: 2, max: 6 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('ragged' as const),
      role: fc.constantFrom(...INPUT_ROLES),
      row: fc.nat({ max: 20 }),
      far: fc.integer({ min: 1, max: 60 }),
      value: anyValue,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('settingsLabel' as const), style: fc.constantFrom('upper' as const, 'spaced' as const) }),
  },
);

const planEdit: fc.Arbitrary<PlanEdit> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('planCell' as const),
      row: fc.nat({ max: 12 }),
      key: fc.constantFrom(...PLAN_COLUMNS.map((c) => c.id as string), 'smart', 'draftHash'),
      value: anyValue,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('planAdd' as const), gap: fc.nat({ max: 3 }), action: anyValue, contact: nameValue }),
  },
);

export function fuzzCase(opts: { maxStructural?: number; maxValues?: number } = {}): fc.Arbitrary<FuzzCase> {
  return fc.record({
    frameworkId: fc.constantFrom(...FRAMEWORK_IDS),
    partnerships: fc.array(nameValue, { maxLength: 3 }),
    respondents: fc.oneof(fc.constant([] as string[]), fc.array(nameValue, { minLength: 1, maxLength: 12 })),
    respondentCount: fc.integer({ min: 0, max: 15 }),
    structural: fc.array(structuralEdit, { maxLength: opts.maxStructural ?? 4, size: 'medium' }),
    values: fc.array(valueEdit, { minLength: 4, maxLength: opts.maxValues ?? 40, size: 'medium' }),
    planEdits: fc.array(planEdit, { maxLength: 6 }),
    extraRows: fc.constant(0),
  });
}

// ───────────────────────────── applying a case ─────────────────────────────

interface Table {
  keyRow: number;
  /** key → column */
  cols: Map<string, number>;
  width: number;
}

/** Where a table is now: the row (of the first 40) holding its anchor key, and each key's column. */
function findTable(wb: MemoryWorkbook, tab: string, anchor: string): Table | null {
  const s = wb.find(tab);
  if (!s) return null;
  const values = s.values();
  for (let r = 1; r <= Math.min(40, values.length); r++) {
    const row = values[r - 1] ?? [];
    if (!row.some((v) => v === anchor)) continue;
    const cols = new Map<string, number>();
    row.forEach((v, i) => {
      if (typeof v === 'string' && v !== '' && !cols.has(v)) cols.set(v, i + 1);
    });
    return { keyRow: r, cols, width: row.length };
  }
  return null;
}

function anchorOf(framework: Framework, role: Role): string | null {
  switch (role) {
    case 'entry':
      return 'respondent';
    case 'notes':
      return 'section';
    case 'register':
      return framework.register
        ? registerColumns(framework.register.columns, framework.register.groupLabel).find((c) => c.type === 'group')!.key
        : null;
    case 'groupSummary':
      return framework.register?.groupSummary
        ? registerColumns(framework.register.groupSummary.columns, framework.register.groupLabel).find((c) => c.type === 'group')!.key
        : null;
    case 'previous':
      return PREVIOUS_KEYS[0];
    case 'plan':
      return 'ref';
    default:
      return null;
  }
}

interface TypedCell {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
}

interface Expectation {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
  cls: ScoreClass;
}

class Applied {
  readonly wb = new MemoryWorkbook();
  readonly framework: Framework;
  /** role → the tab's name now (absent: deleted) */
  readonly names = new Map<Role, string>();
  /** PR_Meta deleted, renamed away, or its identifying cells overwritten */
  metaBroken = false;
  /** PR_Meta's cells were typed over: where it says the tabs are may be wrong, so the reader may not find the
   *  answers (no cell expectations are checked then; never crashing and keeping every cell still are) */
  metaEdited = false;
  /** the name of the entry / register tab changed to something the reader cannot find */
  readonly lostRoles = new Set<Role>();
  readonly expectations = new Map<string, Expectation>();
  readonly typed = new Map<string, TypedCell>();

  constructor(readonly c: FuzzCase) {
    this.framework = getFramework(c.frameworkId);
    for (const t of tabOrder(this.framework)) this.names.set(t.key, t.name);
  }

  tabOf(role: Role): string | null {
    const n = this.names.get(role);
    return n && this.wb.find(n) ? n : null;
  }

  set(sheet: string, row: number, col: number, value: CellValue): void {
    if (row < 1 || col < 1) return;
    this.wb.setCell(sheet, row, col, value);
    const k = `${sheet.toLowerCase()}!${a1(row, col)}`;
    this.typed.set(k, { sheet, row, col, value });
    this.expectations.delete(k);
  }

  expect(sheet: string, row: number, col: number, value: CellValue, cls: ScoreClass, role: Role): void {
    this.set(sheet, row, col, value);
    // a tab renamed to a name the reader cannot know is reported as missing: nothing on it is read
    if (this.lostRoles.has(role)) return;
    this.expectations.set(`${sheet.toLowerCase()}!${a1(row, col)}`, { sheet, row, col, value, cls });
  }

  create(): void {
    const c = this.c;
    const plan = planCreate(
      {
        framework: c.frameworkId,
        partnerships: c.partnerships,
        respondents: c.respondents,
        respondentCount: c.respondentCount,
        cycle: '2026/27',
        today: TODAY,
      },
      [],
    );
    this.wb.applyNow(plan);
  }

  structural(e: StructuralEdit): void {
    const wb = this.wb;
    switch (e.kind) {
      case 'insertColumn': {
        const tab = this.tabOf(e.role);
        if (!tab) return;
        const width = Math.max(1, wb.tab(tab).extent().cols);
        wb.insertColumn(tab, 1 + Math.floor(e.at * width), e.count);
        return;
      }
      case 'appendColumn': {
        const tab = this.tabOf(e.role);
        if (!tab) return;
        const { rows, cols } = wb.tab(tab).extent();
        const col = cols + 1 + e.gap;
        for (let r = Math.max(1, rows - 3); r <= rows + 1; r++) this.set(tab, r, col, e.value);
        return;
      }
      case 'insertRow': {
        const tab = this.tabOf(e.role);
        if (!tab) return;
        const anchor = anchorOf(this.framework, e.role);
        const t = anchor ? findTable(wb, tab, anchor) : null;
        const rows = wb.tab(tab).extent().rows;
        const first = t ? t.keyRow + 1 : 1;
        wb.insertRow(tab, first + Math.floor(e.at * Math.max(1, rows - first + 1)), e.count);
        return;
      }
      case 'rename': {
        const tab = this.tabOf(e.role);
        if (!tab) return;
        const to =
          e.style === 'upper'
            ? tab.toUpperCase()
            : e.style === 'lower'
              ? tab.toLowerCase()
              : e.style === 'other'
                ? `${tab.slice(0, 24)} old`
                : `${tab.slice(0, 20)} مراجعة`;
        if (to !== tab && wb.find(to) && wb.find(to) !== wb.find(tab)) return;
        wb.renameTab(tab, to);
        this.names.set(e.role, to);
        if (e.style === 'other' || e.style === 'nonLatin') {
          this.lostRoles.add(e.role);
          if (e.role === 'meta') this.metaBroken = true;
        }
        return;
      }
      case 'delete': {
        const tab = this.tabOf(e.role);
        if (!tab) return;
        wb.deleteTab(tab);
        this.names.delete(e.role);
        this.lostRoles.add(e.role);
        if (e.role === 'meta') this.metaBroken = true;
        return;
      }
      case 'move': {
        const tab = this.tabOf(e.role);
        if (tab) wb.moveTab(tab, e.position);
        return;
      }
      case 'addTab': {
        if (wb.find(e.name)) return;
        wb.addTab(e.name);
        this.set(e.name, 1, 1, e.value);
        return;
      }
      case 'metaCell': {
        const tab = this.tabOf('meta');
        if (!tab) return;
        const values = wb.tab(tab).values();
        const rowOf = (pred: (k: string) => boolean): number => values.findIndex((r) => typeof r[0] === 'string' && pred(r[0])) + 1;
        const row =
          e.which === 'tabName'
            ? rowOf((k) => k.startsWith('tab:'))
            : e.which === 'col'
              ? rowOf((k) => k.startsWith('col:'))
              : rowOf((k) => k === e.which);
        if (row < 1) return;
        wb.setCell(tab, row, 2, e.value);
        if (e.which !== 'revision' && e.which !== 'col') {
          this.metaBroken = true;
          this.metaEdited = true;
        }
        return;
      }
    }
  }

  scoreColumns(): { col: string; scale: Scale }[] {
    const f = this.framework;
    const out: { col: string; scale: Scale }[] = [];
    for (const c of entryColumns(f)) {
      if (c.field !== 'score' || !c.itemId) continue;
      const item = f.sections.flatMap((s) => s.items).find((i) => i.id === c.itemId)!;
      out.push({ col: c.key, scale: f.scales.find((s) => s.id === (item.scale ?? f.defaultScale))! });
    }
    return out;
  }

  value(e: ValueEdit): void {
    const wb = this.wb;
    const f = this.framework;
    // typing on PR_Meta may break what identifies the workbook: refusing it is then allowed
    if ('role' in e && e.role === 'meta' && this.tabOf('meta')) this.metaBroken = this.metaEdited = true;
    switch (e.kind) {
      case 'score': {
        const tab = this.tabOf('entry');
        const cols = this.scoreColumns();
        if (!tab || cols.length === 0) return;
        const t = findTable(wb, tab, 'respondent');
        const target = cols[e.pick % cols.length]!;
        const col = t?.cols.get(target.col);
        if (!t || !col) return;
        const r = resolveScore(e.score, target.scale);
        this.expect(tab, t.keyRow + 1 + e.row, col, r.value, r.cls, 'entry');
        return;
      }
      case 'registerScore': {
        const reg = f.register;
        const tab = this.tabOf('register');
        if (!reg || !tab) return;
        const t = findTable(wb, tab, anchorOf(f, 'register')!);
        const scored = reg.columns.filter((c) => (c.type === 'score' && c.scale) || c.type === 'rag');
        if (!t || scored.length === 0) return;
        const target = scored[e.pick % scored.length]!;
        const col = t.cols.get(target.id);
        if (!col) return;
        const r =
          target.type === 'rag'
            ? resolveRag(e.rag)
            : resolveScore(
                e.score,
                f.scales.find((s) => s.id === target.scale)!,
              );
        this.expect(tab, t.keyRow + 1 + e.row, col, r.value, r.cls, 'register');
        return;
      }
      case 'any': {
        const tab = this.tabOf(e.role);
        if (!tab) return;
        const anchor = anchorOf(f, e.role);
        const t = anchor ? findTable(wb, tab, anchor) : null;
        const ext = wb.tab(tab).extent();
        const first = t ? t.keyRow + 1 : 1;
        const width = Math.max(t?.width ?? 0, ext.cols) + 3;
        this.set(tab, first + e.row, 1 + (e.col % width), e.value);
        return;
      }
      case 'merged': {
        // a merged range keeps only its top-left value: the other cells of the row read as empty
        const tab = this.tabOf(e.role);
        if (!tab) return;
        const anchor = anchorOf(f, e.role);
        const t = anchor ? findTable(wb, tab, anchor) : null;
        if (!t) return;
        const row = t.keyRow + 1 + e.row;
        for (let c = 2 + e.col; c < 2 + e.col + e.width - 1; c++) this.set(tab, row, c, null);
        return;
      }
      case 'ragged': {
        const tab = this.tabOf(e.role);
        if (!tab) return;
        const anchor = anchorOf(f, e.role);
        const t = anchor ? findTable(wb, tab, anchor) : null;
        const ext = wb.tab(tab).extent();
        this.set(tab, (t ? t.keyRow + 1 : 1) + e.row, ext.cols + e.far, e.value);
        return;
      }
      case 'settingsLabel': {
        const tab = this.tabOf('settings');
        if (!tab) return;
        const values = wb.tab(tab).values();
        values.forEach((r, i) => {
          if (typeof r[0] === 'string' && /^(cycle|partnership)$/i.test(r[0].trim())) {
            this.set(tab, i + 1, 1, e.style === 'upper' ? r[0].toUpperCase() : `   ${r[0].toLowerCase()}  `);
          }
        });
        return;
      }
    }
  }

  /** After a first summary: people edit drafted rows and add their own. Returns the rows they typed into. */
  planEdit(e: PlanEdit): void {
    // the tab the add-in keeps the plan on (recreated if it was deleted or renamed away)
    const tab = this.wb.find(TAB.plan)?.name ?? this.tabOf('plan');
    if (!tab) return;
    const t = findTable(this.wb, tab, 'ref');
    if (!t) return;
    if (e.kind === 'planCell') {
      const col = t.cols.get(e.key);
      if (col) this.set(tab, t.keyRow + 1 + e.row, col, e.value);
      return;
    }
    const last = this.wb.tab(tab).extent().rows;
    const row = last + 1 + e.gap;
    const actionCol = t.cols.get('action');
    const contactCol = t.cols.get('keyContact');
    if (actionCol) this.set(tab, row, actionCol, e.action);
    if (contactCol) this.set(tab, row, contactCol, e.contact);
  }

  addRows(n: number): void {
    const tab = this.tabOf('entry');
    if (!tab || n === 0) return;
    const t = findTable(this.wb, tab, 'respondent');
    const cols = this.scoreColumns();
    if (!t || cols.length === 0) return;
    const start = this.wb.tab(tab).extent().rows + 1;
    const nameCol = t.cols.get('respondent')!;
    const scoreCol = t.cols.get(cols[0]!.col)!;
    const scale = cols[0]!.scale;
    for (let i = 0; i < n; i++) {
      const row = start + i;
      this.wb.setCell(tab, row, nameCol, `Person ${i + 1}`);
      const p = scale.points[i % scale.points.length]!;
      // one in every 997 rows holds something that is not a score
      if (i % 997 === 500) this.expect(tab, row, scoreCol, 'not a score', 'invalid', 'entry');
      else this.wb.setCell(tab, row, scoreCol, p.value);
    }
  }
}

// ───────────────────────────── checks ─────────────────────────────

function builtByAddIn(s: { entries(): Iterable<[number, number, { value: unknown }]> }): boolean {
  for (const [row, , cell] of s.entries()) if (row <= 3 && typeof cell.value === 'string' && cell.value.startsWith('Built by')) return true;
  return false;
}

/** Every cell of the workbook a person owns, as `sheet!A1` → what it holds (formula text for formulas). */
function personCells(a: Applied): Map<string, CellValue | string> {
  const out = new Map<string, CellValue | string>();
  const generated = new Set(['summary', 'pr_meta']);
  const planName = (a.names.get('plan') ?? 'Improvement Plan').toLowerCase();
  for (const s of a.wb.sheets) {
    const lower = s.name.toLowerCase();
    if (generated.has(lower)) continue;
    // the Comments tab (issue #13) is generated too: ours carries the "Built by" line in its first rows (a person's own
    // tab of that name does not, and is checked like any other)
    if ((lower === 'comments' || lower === 'review comments') && builtByAddIn(s)) continue;
    let skip: ((row: number, col: number) => boolean) | null = null;
    if (lower === planName || lower === 'improvement plan') {
      const t = findTable(a.wb, s.name, 'ref');
      if (t) {
        const generatedCols = new Set(
          ['smart', 'sourceStatus', 'draftHash'].map((k) => t.cols.get(k)).filter((x): x is number => x !== undefined),
        );
        const planCols = new Set(PLAN_COLUMNS.map((c) => t.cols.get(c.id)).filter((x): x is number => x !== undefined));
        // rows where a person typed into a plan column: kept word for word
        const planRowsTouched = new Set<number>();
        for (const c of a.typed.values()) if (c.sheet.toLowerCase() === lower && planCols.has(c.col)) planRowsTouched.add(c.row);
        // the add-in's own drafted rows may be refreshed; rows a person typed into may not
        skip = (row, col) => generatedCols.has(col) || (row > t.keyRow && planCols.has(col) && !planRowsTouched.has(row));
      }
    }
    for (const [row, col, cell] of s.entries()) {
      if (skip?.(row, col)) continue;
      const v = cell.formula !== undefined ? `=${cell.formula}` : cell.value;
      if (v === null || v === '') continue;
      out.set(`${s.name}!${a1(row, col)}`, v);
    }
  }
  return out;
}

function sameValue(a: CellValue | string | undefined, b: CellValue | string | undefined): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Object.is(a, b));
}

function compareCells(before: Map<string, CellValue | string>, after: MemoryWorkbook, out: CaseOutcome): void {
  const lost = out.lost;
  out.cellsCompared += before.size;
  const now = new Map<string, CellValue | string>();
  for (const s of after.sheets)
    for (const [row, col, cell] of s.entries())
      now.set(`${s.name}!${a1(row, col)}`, cell.formula !== undefined ? `=${cell.formula}` : cell.value);
  for (const [k, v] of before) {
    const n = now.get(k);
    if (!sameValue(v, n)) lost.push({ cell: k, before: v, after: n ?? null });
  }
}

function locateProblems(problems: Problem[], snap: Snapshot, framework: Framework): Problem[] {
  const tabs = new Set(snap.tabNames.map((n) => n.toLowerCase()));
  const layoutNames = [...tabOrder(framework).map((t) => t.name), ...snap.tabNames];
  return problems.filter((p) => {
    if (p.at)
      return !(
        tabs.has(p.at.sheet.toLowerCase()) &&
        Number.isInteger(p.at.row) &&
        p.at.row >= 1 &&
        Number.isInteger(p.at.col) &&
        p.at.col >= 1
      );
    const namesTab = layoutNames.some((n) => p.message.includes(n)) || /\btab “[^”]+”/.test(p.message);
    const workbookLevel = /^(layout|meta)\./.test(p.code);
    return !(namesTab && workbookLevel);
  });
}

function isAllowedRefusal(e: unknown, a: Applied): boolean {
  return e instanceof NotAReviewError && a.metaBroken;
}

/** For the harness's own test: a change made behind the add-in's back, to show the checks notice it. */
export interface Sabotage {
  /** runs after the first summary is applied, before the cells are compared */
  afterSummarise?: (wb: MemoryWorkbook) => void;
  /** drops problems before they are checked */
  filterProblems?: (p: Problem) => boolean;
}

export function runFuzzCase(c: FuzzCase, sabotage: Sabotage = {}): CaseOutcome {
  const out: CaseOutcome = {
    crash: null,
    refused: false,
    unlocated: [],
    missed: [],
    falseAlarms: [],
    lost: [],
    problems: 0,
    scoresChecked: 0,
    cellsCompared: 0,
  };
  const a = new Applied(c);
  let stage = 'create';
  try {
    a.create();
    stage = 'edit';
    for (const e of c.structural) a.structural(e);
    for (const e of c.values) a.value(e);
    a.addRows(c.extraRows);

    stage = 'check';
    const snap = a.wb.readNow();
    let problems: Problem[];
    try {
      problems = checkReview(snap, TODAY).problems.filter(sabotage.filterProblems ?? (() => true));
    } catch (e) {
      if (isAllowedRefusal(e, a)) {
        out.refused = true;
        // summarise refuses too, and writes nothing
        const before = personCells(a);
        stage = 'summarise (refused workbook)';
        try {
          a.wb.applyNow(planSummary(snap, { today: TODAY }).plan);
          out.crash = { stage, error: new Error('summarise wrote to a workbook that check refused') };
        } catch (e2) {
          if (!(e2 instanceof NotAReviewError)) out.crash = { stage, error: e2 };
        }
        compareCells(before, a.wb, out);
        return out;
      }
      throw e;
    }
    if (a.metaBroken && snap.tabNames.every((n) => n.toLowerCase() !== 'pr_meta')) {
      out.crash = { stage, error: new Error('a workbook without PR_Meta was read as a review') };
      return out;
    }
    out.problems = problems.length;
    out.unlocated = locateProblems(problems, snap, a.framework);

    // every invalid score at its exact cell; no valid score called an error
    for (const x of a.metaEdited ? [] : a.expectations.values()) {
      const here = problems.filter(
        (p) => p.at && p.at.sheet.toLowerCase() === x.sheet.toLowerCase() && p.at.row === x.row && p.at.col === x.col,
      );
      const label = `${x.sheet}!${a1(x.row, x.col)}`;
      if (x.cls === 'invalid' || x.cls === 'valid') out.scoresChecked++;
      if (x.cls === 'invalid' && here.length === 0) out.missed.push({ cell: label, value: x.value });
      if (x.cls === 'valid')
        for (const p of here.filter((p) => p.severity === 'error'))
          out.falseAlarms.push({ cell: label, value: x.value, problem: `${p.code}: ${p.message}` });
    }

    // summarise: nothing a person typed changes
    stage = 'summarise';
    let before = personCells(a);
    const summarised = tryPlan(() => planSummary(snap, { today: TODAY }).plan);
    if (summarised) a.wb.applyNow(summarised);
    sabotage.afterSummarise?.(a.wb);
    compareCells(before, a.wb, out);

    // people edit the plan the summary drafted, then summarise and plan again
    stage = 'plan edits';
    for (const e of c.planEdits) a.planEdit(e);
    for (const stageName of ['summarise again', 'plan'] as const) {
      stage = stageName;
      before = personCells(a);
      const snap2 = a.wb.readNow();
      const next = tryPlan(() =>
        stageName === 'plan' ? planImprovement(snap2, { today: TODAY }).plan : planSummary(snap2, { today: TODAY }).plan,
      );
      if (next) a.wb.applyNow(next);
      compareCells(before, a.wb, out);
    }
  } catch (e) {
    out.crash = { stage, error: e };
  }
  return out;
}

/** A plan, or null when the operation refused with a message a person can act on (ReviewRequestError). */
function tryPlan<T>(make: () => T): T | null {
  try {
    return make();
  } catch (e) {
    if (e instanceof ReviewRequestError && e.message.length > 20) return null;
    throw e;
  }
}

/** A one-line account of what went wrong in a case (for the fuzz report and test messages). */
export function describeOutcome(o: CaseOutcome): string[] {
  const lines: string[] = [];
  if (o.crash)
    lines.push(
      `crash in ${o.crash.stage}: ${o.crash.error instanceof Error ? `${o.crash.error.name}: ${o.crash.error.message}\n${o.crash.error.stack ?? ''}` : String(o.crash.error)}`,
    );
  for (const p of o.unlocated) lines.push(`problem without a cell: [${p.code}] ${p.message}`);
  for (const m of o.missed) lines.push(`invalid score not reported at ${m.cell}: ${JSON.stringify(m.value)?.slice(0, 60)}`);
  for (const f of o.falseAlarms) lines.push(`valid score called an error at ${f.cell}: ${JSON.stringify(f.value)} (${f.problem})`);
  for (const l of o.lost)
    lines.push(`cell changed at ${l.cell}: ${JSON.stringify(l.before)?.slice(0, 60)} → ${JSON.stringify(l.after)?.slice(0, 60)}`);
  return lines;
}

export function isClean(o: CaseOutcome): boolean {
  return !o.crash && o.unlocated.length === 0 && o.missed.length === 0 && o.falseAlarms.length === 0 && o.lost.length === 0;
}

/**
 * Scenario data: what people would type into a new review, generated deterministically from the framework's own
 * layout (entry columns, register columns) so it follows whatever the core builds. Rendered two ways:
 * - `fillPlan`: one `input` block per tab (the whole typed area as one rectangle), applied through any Host;
 * - `formsTable`: a Microsoft Forms-style wide export of the same answers, for the file host's import.
 */
import type { Framework, Item, ItemField, Scale } from '../core/framework/schema.js';
import type { CellValue } from '../core/review/types.js';
import { ENTRY_ROWS, TABLE_ROWS, entryColumns, scaleOf, type RegisterTableColumn } from '../core/sheet-plan/layout.js';
import { groupSummaryTableColumns, registerTableColumns } from '../core/sheet-plan/register.js';
import type { Block, PlanCell, SheetPlan, TabPlan } from '../core/sheet-plan/types.js';

/** mulberry32: a small seeded generator, so every run types the same workbook. */
export class SeededRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
}

export const BENCH_SEED = 20090601;

const ORGANISATIONS = [
  'Borough Council',
  'Primary Care Trust',
  'Metropolitan Police',
  'Fire and Rescue Service',
  'Voluntary Sector Forum',
  'Housing Association',
  'Jobcentre Plus',
  'Chamber of Commerce',
];
const COMMENTS = [
  'Good examples of joint working, but not yet consistent across every theme group.',
  'We agree priorities together; the evidence of impact is patchy.',
  'Members attend regularly and challenge each other constructively.',
  'Needs a clearer link between the strategy and what partners actually fund.',
  'Performance is reported but rarely discussed at the board.',
  'Strong leadership from the chair; less visible below board level.',
];
const EVIDENCE = ['Board minutes, March', 'Annual report', 'Performance dashboard', 'Partner survey results', 'Scrutiny review'];
const PROGRESS = ['New terms of reference agreed', 'Joint commissioning pilot started', 'Quarterly performance clinic set up'];
const ISSUES = [
  'Reduce repeat burglary',
  'Improve GCSE results',
  'Cut worklessness in the north of the borough',
  'Reduce teenage conceptions',
  'Improve overcrowded housing',
  'Cleaner streets',
  'More use of parks',
];
const REGISTER_TEXT = [
  'Partners agreed a joint action plan',
  'Quarterly monitoring through the theme group',
  'Funded from the area budget',
  'Led by the community safety team',
  'Reported to the board in June',
];

/** How a respondent answers one scored item: most items cluster around their own level, a few split opinion. */
function scoreFor(rnd: SeededRandom, scale: Scale, itemIndex: number): CellValue {
  const roll = rnd.next();
  if (roll < 0.03) return scale.notScored[0] ?? null; // "N/A"
  if (roll < 0.05) return null; // left blank
  if (roll < 0.055) return scale.points[scale.points.length - 1]!.value + 2; // a slip: out of scale, for the check
  const n = scale.points.length;
  if (itemIndex % 7 === 3) return scale.points[rnd.next() < 0.5 ? 0 : n - 1]!.value; // divided opinion
  const centre = (itemIndex * 0.37) % 1; // each item has its own level
  const idx = Math.min(n - 1, Math.max(0, Math.round(centre * (n - 1) + (rnd.next() - 0.5) * 1.6)));
  return scale.points[idx]!.value;
}

function textFor(rnd: SeededRandom, field: ItemField): CellValue {
  switch (field) {
    case 'comment':
      return rnd.next() < 0.35 ? rnd.pick(COMMENTS) : null;
    case 'evidence':
      return rnd.next() < 0.5 ? rnd.pick(EVIDENCE) : null;
    case 'progress':
      return rnd.next() < 0.3 ? rnd.pick(PROGRESS) : null;
    case 'themes':
      return rnd.next() < 0.3 ? 'Resources; Governance' : null;
    default:
      return rnd.next() < 0.5 ? rnd.pick(COMMENTS) : null;
  }
}

export function respondentName(i: number): string {
  return `Respondent ${i + 1}`;
}

/** `n` respondents' rows, by entry column key (`respondent`, `partnership`, `1.1|score` …). */
export function respondentRecords(framework: Framework, n: number, partnerships: string[], seed = BENCH_SEED): Record<string, CellValue>[] {
  const rnd = new SeededRandom(seed);
  const items: { item: Item; index: number }[] = framework.sections.flatMap((s) => s.items).map((item, index) => ({ item, index }));
  const out: Record<string, CellValue>[] = [];
  for (let r = 0; r < n; r++) {
    const rec: Record<string, CellValue> = {
      respondent: respondentName(r),
      partnership: partnerships.length > 0 ? partnerships[r % partnerships.length]! : null,
      organisation: rnd.pick(ORGANISATIONS),
    };
    for (const { item, index } of items) {
      for (const field of item.fields) {
        rec[`${item.id}|${field}`] = field === 'score' ? scoreFor(rnd, scaleOf(framework, item), index) : textFor(rnd, field);
      }
    }
    out.push(rec);
  }
  return out;
}

function registerValue(rnd: SeededRandom, framework: Framework, c: RegisterTableColumn, groups: string[], r: number): CellValue {
  switch (c.type) {
    case 'group':
      return groups[r % groups.length] ?? null;
    case 'score': {
      const scale = framework.scales.find((s) => s.id === c.scale);
      if (!scale) return null;
      const roll = rnd.next();
      if (roll < 0.04) return null;
      return scale.points[rnd.int(scale.points.length)]!.value;
    }
    case 'flag':
      return rnd.next() < 0.3 ? 'Yes' : null;
    case 'rag':
      return rnd.pick(['Red', 'Amber', 'Green']);
    case 'date':
      return `2026-0${1 + rnd.int(3)}-1${rnd.int(9)}`;
    default:
      if (c.key === 'issue' || c.key === 'scenario' || c.key === 'risk') return `${rnd.pick(ISSUES)} (${r + 1})`;
      return rnd.next() < 0.7 ? rnd.pick(REGISTER_TEXT) : null;
  }
}

/** `n` register rows (Progress Tracker), by register column key. */
export function registerRecords(framework: Framework, n: number, seed = BENCH_SEED): Record<string, CellValue>[] {
  const reg = framework.register;
  if (!reg) return [];
  const rnd = new SeededRandom(seed);
  const cols = registerTableColumns(framework);
  const out: Record<string, CellValue>[] = [];
  for (let r = 0; r < n; r++) {
    const rec: Record<string, CellValue> = {};
    for (const c of cols) rec[c.key] = registerValue(rnd, framework, c, reg.groups, r);
    out.push(rec);
  }
  return out;
}

/** One Theme Review row per group. */
export function groupSummaryRecords(framework: Framework, seed = BENCH_SEED): Record<string, CellValue>[] {
  const reg = framework.register;
  if (!reg?.groupSummary) return [];
  const rnd = new SeededRandom(seed + 1);
  const cols = groupSummaryTableColumns(framework);
  return reg.groups.map((_, r) => {
    const rec: Record<string, CellValue> = {};
    for (const c of cols) rec[c.key] = registerValue(rnd, framework, c, reg.groups, r);
    return rec;
  });
}

function updateTab(name: string, role: TabPlan['role'], blocks: Block[]): TabPlan {
  return {
    name,
    role,
    mode: 'update',
    blocks,
    formats: [],
    columnWidths: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}

/** Records as one rectangle of input cells, columns placed by key. */
function recordsBlock(records: Record<string, CellValue>[], cols: { key: string; col: number }[], firstRow: number): Block {
  const width = Math.max(...cols.map((c) => c.col));
  const cells: PlanCell[][] = records.map((rec) => {
    const row: PlanCell[] = Array.from({ length: width }, () => ({ v: null }));
    for (const c of cols) row[c.col - 1] = { v: rec[c.key] ?? null };
    return row;
  });
  return { row: firstRow, col: 1, cells, owner: 'input' };
}

/** What people type into a review of `framework` just created: `size` respondents, or `size` register rows. */
export function fillPlan(framework: Framework, size: number, partnerships: string[], seed = BENCH_SEED): SheetPlan {
  const tabs: TabPlan[] = [];
  if (framework.sections.length > 0) {
    const records = respondentRecords(framework, size, partnerships, seed);
    tabs.push(updateTab('Responses', 'entry', [recordsBlock(records, entryColumns(framework), ENTRY_ROWS.firstData)]));
  }
  const reg = framework.register;
  if (reg) {
    tabs.push(
      updateTab(reg.tab, 'register', [
        recordsBlock(registerRecords(framework, size, seed), registerTableColumns(framework), TABLE_ROWS.firstData),
      ]),
    );
    if (reg.groupSummary) {
      tabs.push(
        updateTab(reg.groupSummary.tab, 'group-summary', [
          recordsBlock(groupSummaryRecords(framework, seed), groupSummaryTableColumns(framework), TABLE_ROWS.firstData),
        ]),
      );
    }
  }
  return { tabs, namedRanges: [] };
}

/** The same respondents as a Forms-style wide export: Respondent, Partnership, Organisation, then `1.1`, `1.1 comment` … */
export function formsTable(framework: Framework, size: number, partnerships: string[], seed = BENCH_SEED): CellValue[][] {
  const cols = entryColumns(framework);
  const header = cols.map((c) => {
    if (c.kind !== 'field') return c.header;
    return c.field === 'score' ? c.itemId! : `${c.itemId} ${c.field}`;
  });
  const records = respondentRecords(framework, size, partnerships, seed);
  return [header, ...records.map((rec) => cols.map((c) => rec[c.key] ?? null))];
}

/** Cells a plan writes (values and formulas), the unit of the naive per-cell writers. */
export function planCellCount(plan: SheetPlan): number {
  let n = 0;
  for (const t of plan.tabs) for (const b of t.blocks) for (const r of b.cells) n += r.length;
  return n;
}

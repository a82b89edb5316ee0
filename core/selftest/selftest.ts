/**
 * The self-test: run the tool's own operations on scratch tabs of the open workbook, compare every figure with
 * figures worked out by hand (./known.ts) and every cell with what core asked for, read back what the host actually
 * kept (values, formulas, number formats, validations, conditional formats, protection, the chart, hidden tabs, and
 * merges against frozen panes), remove the scratch tabs, and report.
 *
 * It is a flow (core/operations/flow.ts), so the Apps Script server runs it synchronously and every other host
 * through `driveAsync`; the host must offer read-back (`InspectHost`). Pure: the clock, the host's name, version
 * and platform are passed in.
 */
import type { CellFacts, InspectRequest, TabFacts } from '../host/inspect.js';
import type { Snapshot } from '../host/types.js';
import { apply, checkFlow, createFlow, inspect, planFlow, read, remove, summariseFlow, type Flow } from '../operations/flow.js';
import type { CellValue } from '../review/types.js';
import { ENTRY_ROWS, TAB } from '../sheet-plan/layout.js';
import type { PlanCell, RangeRef, SheetPlan, TabPlan, ValidationRule } from '../sheet-plan/types.js';
import { a1, rangeA1 } from '../util/a1.js';
import {
  FORMULA_LIKE_COMMENT,
  KNOWN_CREATED_TABS,
  KNOWN_ITEMS,
  KNOWN_OVERALL,
  KNOWN_PLAN_REFS,
  SELFTEST_CYCLE,
  SELFTEST_FRAMEWORK,
  SELFTEST_PARTNERSHIP,
  SELFTEST_RESPONDENTS,
} from './known.js';
import { CheckList, makeReport, type SelfTestEnv, type SelfTestReport } from './report.js';
import { inScratch, ScratchView, scratchNames } from './scratch.js';

export interface SelfTestOptions {
  env: SelfTestEnv;
  /** ISO date the operations take as today */
  today: string;
  /** letters and digits that make the scratch prefix unique to this run (e.g. the time in base 36) */
  token: string;
}

const CLOSE = 1e-9;

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= CLOSE * Math.max(1, Math.abs(b));
}

function shown(v: unknown): string {
  return v === null || v === undefined
    ? 'blank'
    : typeof v === 'string'
      ? `“${v}”`
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : (JSON.stringify(v) ?? '');
}

/** Excel's serial day number of an ISO date (1900 date system), to compare a date the host keeps as a number. */
function serialOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A value the host kept, against what the plan asked for. Returns a problem, 'uncalculated', or null (same). */
function compareValue(want: PlanCell, got: CellValue | undefined): string | null {
  const g = got === undefined || got === '' ? null : got;
  const v = want.v;
  if ('f' in want && g === null && v !== null && v !== '') return 'uncalculated';
  if (v === null || v === '') return g === null ? null : `blank expected, found ${shown(g)}`;
  if (typeof v === 'number') {
    if (typeof g === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(g) && serialOf(g) === v) return null; // a date read back as ISO (Sheets host)
    const n = typeof g === 'number' ? g : typeof g === 'string' && g.trim() !== '' ? Number(g) : NaN;
    return Number.isFinite(n) && near(n, v) ? null : `${v} expected, found ${shown(g)}`;
  }
  if (typeof v === 'boolean')
    return g === v || String(g).toUpperCase() === String(v).toUpperCase() ? null : `${v} expected, found ${shown(g)}`;
  if (g === v) return null;
  if (typeof g === 'number' && /^\d{4}-\d{2}-\d{2}$/.test(v) && g === serialOf(v)) return null; // a date kept as a day number
  return `${shown(v)} expected, found ${shown(g)}`;
}

/** A formula as hosts write it back: without `_xlfn.`, without spaces outside strings, in upper case outside strings. */
export function formulaKey(f: string): string {
  return f
    .replace(/^=?/, '=')
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/_xlfn\./gi, '')
            .replace(/\s+/g, '')
            .toUpperCase(),
    )
    .join('');
}

function validationProblem(want: ValidationRule, got: CellFacts['validation']): string | null {
  if (!got) return `a ${want.kind} rule expected, found none`;
  if (got.kind !== want.kind) return `a ${want.kind} rule expected, found a ${got.kind} rule`;
  if (want.kind === 'list') {
    const strict = want.strict;
    if (got.strict !== strict)
      return `the list should ${strict ? 'reject' : 'only warn about'} other entries, but it ${got.strict ? 'rejects' : 'only warns about'} them`;
    const items = got.values ?? [];
    if (items.join('\u0001') !== want.values.join('\u0001'))
      return `list ${want.values.join(', ')} expected, found ${items.join(', ') || 'no items'}`;
  }
  if (want.kind === 'number' && (got.min !== want.min || got.max !== want.max))
    return `between ${want.min} and ${want.max} expected, found ${got.min ?? '?'} to ${got.max ?? '?'}`;
  return null;
}

function within(r: RangeRef, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}

/** What the plans asked of one tab, the later plan winning where two touch the same thing (a `replace` starts over). */
interface Wanted {
  name: string;
  cells: Map<string, { row: number; col: number; cell: PlanCell }>;
  numberFormats: Map<string, { row: number; col: number; format: string }>;
  validations: Map<string, { row: number; col: number; rule: ValidationRule }>;
  conditional: { range: RangeRef; rules: number }[];
  merges: RangeRef[];
  last: TabPlan;
}

function wanted(plans: SheetPlan[]): Map<string, Wanted> {
  const out = new Map<string, Wanted>();
  for (const p of plans) {
    for (const t of p.tabs) {
      let w = out.get(t.name);
      if (!w || t.mode === 'replace') {
        w = { name: t.name, cells: new Map(), numberFormats: new Map(), validations: new Map(), conditional: [], merges: [], last: t };
        out.set(t.name, w);
      }
      w.last = {
        ...t,
        hidden: t.hidden ?? w.last.hidden,
        freeze: t.freeze ?? w.last.freeze,
        protection: t.protection ?? w.last.protection,
        charts: t.charts.length > 0 ? t.charts : w.last.charts,
      };
      for (const b of t.blocks) {
        b.cells.forEach((row, i) =>
          row.forEach((cell, j) => w.cells.set(`${b.row + i},${b.col + j}`, { row: b.row + i, col: b.col + j, cell })),
        );
      }
      for (const f of t.formats) {
        if (f.format.numberFormat !== undefined)
          w.numberFormats.set(`${f.range.row},${f.range.col}`, { row: f.range.row, col: f.range.col, format: f.format.numberFormat });
      }
      for (const v of t.validations)
        w.validations.set(`${v.range.row},${v.range.col}`, { row: v.range.row, col: v.range.col, rule: v.rule });
      for (const c of t.conditionalFormats) w.conditional.push({ range: c.range, rules: c.rules.length });
      w.merges.push(
        ...t.merges.flatMap((m) =>
          m.across
            ? Array.from({ length: m.rows }, (_, i) => ({ row: m.row + i, col: m.col, rows: 1, cols: m.cols }))
            : [{ row: m.row, col: m.col, rows: m.rows, cols: m.cols }],
        ),
      );
    }
  }
  return out;
}

/** The cells to ask the host about on one tab: formulas, number formats, validations, and protection samples. */
function probes(w: Wanted): InspectRequest {
  const seen = new Map<string, { row: number; col: number }>();
  const add = (row: number, col: number): void => void seen.set(`${row},${col}`, { row, col });
  for (const c of w.cells.values()) if ('f' in c.cell) add(c.row, c.col);
  for (const f of w.numberFormats.values()) add(f.row, f.col);
  for (const v of w.validations.values()) add(v.row, v.col);
  const prot = w.last.protection;
  if (prot?.protect) {
    add(1, 1);
    for (const e of prot.editable) add(e.row, e.col);
  }
  return { tab: w.name, cells: [...seen.values()] };
}

/** The figures core computed against the hand-worked table. */
function checkFigures(
  list: CheckList,
  summary: {
    respondents: number;
    overall: { mean: number | null; rag: string | null };
    items: { id: string; n: number; mean: number | null; sd: number | null; rag: string | null; divided: boolean }[];
    plan: { ref: string }[];
  },
): void {
  const p: string[] = [];
  if (summary.respondents !== KNOWN_OVERALL.respondents)
    p.push(`${KNOWN_OVERALL.respondents} respondents expected, found ${summary.respondents}.`);
  if (summary.overall.mean === null || !near(summary.overall.mean, KNOWN_OVERALL.mean))
    p.push(`overall mean ${KNOWN_OVERALL.mean} expected, found ${shown(summary.overall.mean)}.`);
  if (summary.overall.rag !== KNOWN_OVERALL.rag) p.push(`overall ${KNOWN_OVERALL.rag} expected, found ${shown(summary.overall.rag)}.`);
  list.add('Figures', 'Respondents and overall score', p, `4 respondents, overall ${KNOWN_OVERALL.mean} (${KNOWN_OVERALL.rag})`);
  const q: string[] = [];
  for (const k of KNOWN_ITEMS) {
    const got = summary.items.find((i) => i.id === k.id);
    if (!got) {
      q.push(`${k.id}: missing.`);
      continue;
    }
    if (got.n !== 4) q.push(`${k.id}: 4 scores expected, found ${got.n}.`);
    if (got.mean === null || !near(got.mean, k.mean)) q.push(`${k.id}: mean ${k.mean} expected, found ${shown(got.mean)}.`);
    if (got.sd === null || !near(got.sd, k.sd)) q.push(`${k.id}: standard deviation ${k.sd.toFixed(4)} expected, found ${shown(got.sd)}.`);
    if (got.rag !== k.rag) q.push(`${k.id}: ${k.rag} expected, found ${shown(got.rag)}.`);
    if (got.divided !== k.divided) q.push(`${k.id}: ${k.divided ? 'divided opinion expected' : 'no divided opinion expected'}.`);
  }
  list.add(
    'Figures',
    'Mean, standard deviation, RAG and divided opinion of each item',
    q,
    `${KNOWN_ITEMS.length} items as worked out by hand`,
  );
  const refs = summary.plan.map((r) => r.ref);
  list.add(
    'Figures',
    'Improvement actions drafted',
    refs.join(',') === KNOWN_PLAN_REFS.join(',') ? [] : [`${KNOWN_PLAN_REFS.join(', ')} expected, found ${refs.join(', ') || 'none'}.`],
    `${refs.length} actions for the red, amber and divided items`,
  );
}

/** What the host kept on every scratch tab, against what the plans sent to it asked for. */
function checkReadBack(list: CheckList, view: ScratchView, snap: Snapshot, facts: TabFacts[]): void {
  const want = wanted(view.sent);
  const own = (name: string): string => view.fromHost(name) ?? name;
  const valueP: string[] = [];
  let uncalculated = 0;
  let compared = 0;
  for (const w of want.values()) {
    const t = snap.tabs[w.name];
    if (!t) {
      valueP.push(`${own(w.name)}: the tab is missing.`);
      continue;
    }
    for (const c of w.cells.values()) {
      const r = compareValue(c.cell, t.values[c.row - 1]?.[c.col - 1]);
      compared++;
      if (r === 'uncalculated') uncalculated++;
      else if (r) valueP.push(`${own(w.name)}!${a1(c.row, c.col)}: ${r}.`);
    }
  }
  list.add('Read back', 'Values (every cell written, formulas as calculated by the host)', valueP, `${compared} cells`);
  if (uncalculated > 0)
    list.skip(
      'Read back',
      'Values of formulas',
      `${uncalculated} formula cells have no value: this host does not calculate (a test double); their formulas are checked below.`,
    );

  const byTab = new Map(facts.map((f) => [f.tab, f]));
  const fP: string[] = [];
  const nfP: string[] = [];
  const vP: string[] = [];
  const cfP: string[] = [];
  const prP: string[] = [];
  const chP: string[] = [];
  const hP: string[] = [];
  const frP: string[] = [];
  const mP: string[] = [];
  const ruleP: string[] = [];
  let formulas = 0;
  let charts = 0;
  let mergesUnknown: string | null = null;
  for (const w of want.values()) {
    const f = byTab.get(w.name);
    const tab = own(w.name);
    if (!f || !f.exists) {
      hP.push(`${tab}: the tab is missing.`);
      continue;
    }
    const cell = (row: number, col: number): CellFacts | undefined => f.cells.find((c) => c.row === row && c.col === col);
    for (const c of w.cells.values()) {
      if (!('f' in c.cell)) continue;
      formulas++;
      const got = cell(c.row, c.col)?.formula ?? null;
      if (got === null || formulaKey(got) !== formulaKey(c.cell.f))
        fP.push(`${tab}!${a1(c.row, c.col)}: ${c.cell.f} expected, found ${shown(got)}.`);
    }
    for (const n of w.numberFormats.values()) {
      const got = cell(n.row, n.col)?.numberFormat ?? '';
      if (got !== n.format) nfP.push(`${tab}!${a1(n.row, n.col)}: ${n.format} expected, found ${got || 'General'}.`);
    }
    for (const v of w.validations.values()) {
      const problem = validationProblem(v.rule, cell(v.row, v.col)?.validation ?? null);
      if (problem) vP.push(`${tab}!${a1(v.row, v.col)}: ${problem}.`);
    }
    for (const c of w.conditional) {
      const covering = f.conditionalFormats.filter((k) => k.ranges.some((r) => within(r, c.range.row, c.range.col))).length;
      if (covering < c.rules) cfP.push(`${tab}!${rangeA1(c.range)}: ${c.rules} rules expected, found ${covering}.`);
    }
    const prot = w.last.protection;
    if (prot) {
      if (f.protected !== prot.protect) prP.push(`${tab}: ${prot.protect ? 'protected' : 'unprotected'} expected.`);
      if (prot.protect) {
        if (!cell(1, 1)?.locked) prP.push(`${tab}!A1 should be locked.`);
        for (const e of prot.editable)
          if (cell(e.row, e.col)?.locked !== false) prP.push(`${tab}!${a1(e.row, e.col)} should stay editable.`);
      }
    }
    const wantCharts = w.last.charts;
    charts += wantCharts.length;
    if (f.charts.length !== wantCharts.length) chP.push(`${tab}: ${wantCharts.length} charts expected, found ${f.charts.length}.`);
    for (const c of wantCharts) if (!f.charts.some((g) => g.title === c.title)) chP.push(`${tab}: a chart titled “${c.title}” expected.`);
    const hidden = w.last.hidden === true;
    if (f.hidden !== hidden) hP.push(`${tab}: ${hidden ? 'hidden' : 'visible'} expected.`);
    const fz = w.last.freeze ?? { rows: 0, cols: 0 };
    if (f.frozen.rows !== fz.rows || f.frozen.cols !== fz.cols)
      frP.push(`${tab}: ${fz.rows} rows and ${fz.cols} columns frozen expected, found ${f.frozen.rows} and ${f.frozen.cols}.`);
    if (f.merges === null) {
      mergesUnknown = f.mergesUnknown ?? 'this host cannot list merged cells';
      continue;
    }
    for (const m of w.merges) {
      if (!f.merges.some((g) => g.row === m.row && g.col === m.col && g.rows === m.rows && g.cols === m.cols))
        mP.push(`${tab}!${rangeA1(m)}: merged expected.`);
    }
    for (const m of f.merges) {
      const cutRows = f.frozen.rows > 0 && m.row <= f.frozen.rows && m.row + m.rows - 1 > f.frozen.rows;
      const cutCols = f.frozen.cols > 0 && m.col <= f.frozen.cols && m.col + m.cols - 1 > f.frozen.cols;
      if (cutRows || cutCols) ruleP.push(`${tab}!${rangeA1(m)} is split by the frozen ${cutRows ? 'rows' : 'columns'}.`);
    }
  }
  list.add('Read back', 'Formulas', fP, `${formulas} formulas`);
  list.add('Read back', 'Number formats', nfP);
  list.add('Read back', 'Data validation', vP);
  list.add('Read back', 'Conditional formats', cfP);
  list.add('Read back', 'Protection (locked headings, editable entry cells)', prP);
  list.add('Read back', 'Charts', chP, `${charts} chart${charts === 1 ? '' : 's'}`);
  list.add('Read back', 'Hidden tabs', hP);
  list.add('Read back', 'Frozen panes', frP);
  if (mergesUnknown !== null) {
    list.skip('Read back', 'Merged cells', `${mergesUnknown}.`);
    list.skip('Read back', 'No merged range split by frozen panes', `${mergesUnknown}.`);
  } else {
    list.add('Read back', 'Merged cells', mP);
    list.add('Read back', 'No merged range split by frozen panes', ruleP);
  }
}

/** The fill: four respondents' known scores, and a comment that looks like a formula, as a person would type them. */
function fillPlan(entry: { values: CellValue[][] }): SheetPlan {
  const keys = entry.values[ENTRY_ROWS.key - 1] ?? [];
  const colOf = (key: string): number => {
    const i = keys.findIndex((k) => k === key);
    if (i < 0) throw new Error(`the ${TAB.entry} tab has no column for ${key}`);
    return i + 1;
  };
  const blocks: TabPlan['blocks'] = [];
  for (const k of KNOWN_ITEMS) {
    blocks.push({ row: ENTRY_ROWS.firstData, col: colOf(`${k.id}|score`), owner: 'input', cells: k.scores.map((s) => [{ v: s }]) });
  }
  blocks.push({
    row: ENTRY_ROWS.firstData,
    col: colOf(`${KNOWN_ITEMS[0]!.id}|comment`),
    owner: 'input',
    cells: [[{ v: FORMULA_LIKE_COMMENT }]],
  });
  const tab: TabPlan = {
    name: TAB.entry,
    role: 'entry',
    mode: 'update',
    blocks,
    formats: [],
    columnWidths: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
  return { tabs: [tab], namedRanges: [] };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function* selfTestFlow(opts: SelfTestOptions): Flow<SelfTestReport> {
  const list = new CheckList();
  const view = new ScratchView(scratchNames(opts.token));
  const known = new Set<string>();
  const prefix = view.names.tabPrefix;
  const inView = <T>(flow: Flow<T>): Flow<T> => inScratch(flow, view, known);

  const before = yield* read({ tabs: [] });
  const clash = before.tabNames.filter((n) => n.startsWith(prefix));
  if (
    !list.add(
      'Set-up',
      'Scratch tab names are free',
      clash.map((n) => `a tab called “${n}” is already there, so nothing was done; run the self-test again.`),
      `“${prefix}…”`,
    )
  ) {
    return makeReport(opts.env, prefix, list);
  }
  try {
    const created = yield* inView(
      createFlow({
        framework: SELFTEST_FRAMEWORK,
        partnerships: [SELFTEST_PARTNERSHIP],
        respondents: SELFTEST_RESPONDENTS,
        cycle: SELFTEST_CYCLE,
        protect: true,
        today: opts.today,
      }),
    );
    const made = created.tabsWritten.join(', ');
    list.add(
      'Operations',
      'Create review',
      made === KNOWN_CREATED_TABS.join(', ') && created.outcome.ok ? [] : [`tabs ${KNOWN_CREATED_TABS.join(', ')} expected, made ${made}.`],
      created.outcome.message,
    );

    const entry = yield* inView(read({ tabs: [TAB.entry] }));
    yield* inView(apply(fillPlan(entry.tabs[TAB.entry] ?? { values: [] })));
    list.add('Operations', 'Fill in known scores', [], `${KNOWN_ITEMS.length * 4} scores and a comment that looks like a formula`);

    const checked = yield* inView(checkFlow(opts.today));
    list.add(
      'Operations',
      'Check entries',
      checked.problems.map((p) => `${p.at ? `${p.at.sheet}!${a1(p.at.row, p.at.col)}: ` : ''}${p.message}`),
      checked.outcome.message,
    );

    const summarised = yield* inView(summariseFlow({ today: opts.today }));
    list.add('Operations', 'Build summary', summarised.outcome.ok ? [] : [summarised.outcome.message], summarised.outcome.message);
    checkFigures(list, summarised.summary);

    const planned = yield* inView(planFlow({ today: opts.today }));
    const refs = planned.rows.map((r) => r.ref).join(',');
    list.add(
      'Operations',
      'Draft improvement plan (again, keeping the rows)',
      refs === KNOWN_PLAN_REFS.join(',') ? [] : [`${KNOWN_PLAN_REFS.join(', ')} expected, found ${refs || 'none'}.`],
      planned.outcome.message,
    );

    const tabs = [...view.tabsMade];
    const back = yield* read({ tabs });
    const facts = yield* inspect([...wanted(view.sent).values()].map(probes));
    checkReadBack(list, view, back, facts);
  } catch (e) {
    list.add('Operations', 'The self-test ran to the end', [`it stopped: ${message(e)}`]);
  } finally {
    try {
      yield* remove([...view.tabsMade], [...view.namesMade]);
      const after = yield* read({ tabs: [] });
      const left = after.tabNames.filter((n) => n.startsWith(prefix));
      list.add(
        'Clean-up',
        'Scratch tabs removed',
        left.map((n) => `“${n}” is still there: delete it by hand.`),
        `${view.tabsMade.size} tabs`,
      );
    } catch (e) {
      list.add('Clean-up', 'Scratch tabs removed', [
        `could not remove them (${message(e)}): delete the tabs starting “${prefix}” by hand.`,
      ]);
    }
  }
  return makeReport(opts.env, prefix, list);
}

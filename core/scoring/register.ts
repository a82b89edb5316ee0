/**
 * Register results (issue #2): the delivery tracker (seed 004, appendix 2) and the risk exercise (seed 003).
 *
 * Columns are found by the ids the built-in frameworks use (exported below). For frameworks that name them
 * differently, kind 'tracker' falls back to the first 'score' column for achievement and the second for
 * appropriateness, and kind 'risk' to the first 'rag' column for the rating.
 *
 * Tracker, per theme: rows (rows with any content), scored (valid achievement scores), mean achievement, share
 * achieved (achievement = the scale's highest point, 5 = achieved, over scored rows), and the sheet rows whose
 * appropriateness score is at or below a threshold (default 2 — our default, the seed gives none).
 *
 * Risk, per theme: rows per colour. The rating cell may say Red/Amber/Green or High/Moderate/Low (seed 003: "the
 * first risk was rated high, with the remainder being rated moderate"), any case. When the rating is blank and both
 * likelihood and impact are valid scores, the colour comes from likelihood × impact: ≥ 15 red, ≥ 8 amber, otherwise
 * green — a documented default (a common 5 × 5 risk matrix), not from the seed, and configurable. Rows with content
 * but no usable rating are 'unrated'.
 *
 * Themes are listed in the framework's group order (every group, even with no rows), then any other theme typed on
 * the register in order of first appearance, then "No theme given" for rows with a blank theme.
 *
 * Cost: `scoreRegister` classifies the rows once and builds both tables from that one list, grouped by theme in one
 * pass; the columns, parsers and label columns are worked out once per run, not once per row.
 */
import type { Framework, RegisterColumn } from '../framework/schema.js';
import type { CellRef, CellValue, RegisterRow } from '../review/types.js';
import type { Rag, RiskThemeResult, TrackerThemeResult } from './types.js';
import { isBlank, normaliseLabel, scoreParser } from './parse-score.js';
import { formatNumber, scaleById, scaleMax } from './scale.js';
import { mean } from './stats.js';
import { nameKey } from './names.js';

/** Column ids the built-in register frameworks use. */
export const ACHIEVEMENT_COLUMN_ID = 'achievement';
/** Stage 2 of seed 004: the champions' confirmed achievement score (absent from trackers made before it). */
export const CONFIRMED_COLUMN_ID = 'confirmed';
/** Stage 2 texts: why an outcome was not met, the key actions and the support needed. */
export const WHY_NOT_MET_COLUMN_ID = 'whyNotMet';
export const KEY_ACTIONS_COLUMN_ID = 'keyActions';
export const SUPPORT_NEEDED_COLUMN_ID = 'supportNeeded';
export const APPROPRIATENESS_COLUMN_ID = 'appropriateness';
export const LIKELIHOOD_COLUMN_ID = 'likelihood';
export const IMPACT_COLUMN_ID = 'impact';
export const RATING_COLUMN_ID = 'rating';
/** Columns tried, in order, for a row's short description (used when drafting plan actions). */
export const ROW_LABEL_COLUMN_IDS = ['scenario', 'issue', 'risk', 'description', 'outcome', 'action'] as const;

/** Heading for register rows whose theme cell is blank. */
export const NO_THEME = 'No theme given';

export interface RegisterOptions {
  /** appropriateness at or below this is "low" (default 2) */
  lowAppropriateness?: number;
  /** likelihood × impact at or above this is red (default 15) */
  riskRedFrom?: number;
  /** likelihood × impact at or above this is amber (default 8) */
  riskAmberFrom?: number;
}

export const DEFAULT_REGISTER_OPTIONS: Required<RegisterOptions> = { lowAppropriateness: 2, riskRedFrom: 15, riskAmberFrom: 8 };

export type ParsedRag = { kind: 'rag'; rag: Rag } | { kind: 'missing' } | { kind: 'invalid'; raw: string };

const RAG_WORDS: Record<string, Rag> = { red: 'red', amber: 'amber', green: 'green', high: 'red', moderate: 'amber', low: 'green' };

/** "Red"/"Amber"/"Green" or "High"/"Moderate"/"Low", any case and spacing. */
export function parseRag(raw: CellValue | undefined): ParsedRag {
  if (isBlank(raw)) return { kind: 'missing' };
  const text = String(raw).trim();
  const r = RAG_WORDS[normaliseLabel(text)];
  return r ? { kind: 'rag', rag: r } : { kind: 'invalid', raw: text };
}

export interface RegisterColumnsFound {
  /** the co-ordinator's achievement score (stage 1); in trackers made before issue #16 the only one */
  achievement?: RegisterColumn;
  /** the champions' confirmed achievement score (stage 2) */
  confirmed?: RegisterColumn;
  appropriateness?: RegisterColumn;
  likelihood?: RegisterColumn;
  impact?: RegisterColumn;
  rating?: RegisterColumn;
}

export function registerColumns(framework: Framework): RegisterColumnsFound {
  const cols = framework.register?.columns ?? [];
  const byId = (id: string) => cols.find((c) => c.id === id);
  const scores = cols.filter((c) => c.type === 'score');
  const tracker = framework.kind === 'tracker';
  const risk = framework.kind === 'risk';
  const found: RegisterColumnsFound = {};
  const confirmed = tracker ? byId(CONFIRMED_COLUMN_ID) : undefined;
  const achievement = byId(ACHIEVEMENT_COLUMN_ID) ?? (tracker ? scores.filter((c) => c !== confirmed)[0] : undefined);
  const appropriateness =
    byId(APPROPRIATENESS_COLUMN_ID) ?? (tracker ? scores.filter((c) => c !== achievement && c !== confirmed)[0] : undefined);
  const rating = byId(RATING_COLUMN_ID) ?? (risk ? cols.find((c) => c.type === 'rag') : undefined);
  const likelihood = byId(LIKELIHOOD_COLUMN_ID);
  const impact = byId(IMPACT_COLUMN_ID);
  if (achievement) found.achievement = achievement;
  if (confirmed?.scale) found.confirmed = confirmed;
  if (appropriateness) found.appropriateness = appropriateness;
  if (rating) found.rating = rating;
  if (likelihood) found.likelihood = likelihood;
  if (impact) found.impact = impact;
  return found;
}

/** A tracker with the champions' column (stage 2); trackers made before it have the co-ordinator's score only. */
export function trackerHasTwoStages(framework: Framework): boolean {
  return framework.kind === 'tracker' && registerColumns(framework).confirmed !== undefined;
}

/** One register row, classified. */
export interface RegisterRowResult {
  theme: string;
  /** 1-based sheet row */
  row: number;
  at: CellRef;
  /** short description of the row (scenario, issue…), '' when none */
  label: string;
  /** the achievement score that counts: `achievementUsed(coordinator, confirmed)` */
  achievement: number | null;
  /** the co-ordinator's score (stage 1), null when blank, not scored or not on the scale */
  coordinator: number | null;
  /** the champions' confirmed score (stage 2), null when blank, not scored, not on the scale or no such column */
  confirmed: number | null;
  /** both scores given and different: the champions changed the co-ordinator's view */
  changedByChampions: boolean;
  /** stage 2 texts as typed ('' when blank or no such column): why not met, key actions, support needed */
  whyNotMet: string;
  keyActions: string;
  supportNeeded: string;
  appropriateness: number | null;
  likelihood: number | null;
  impact: number | null;
  rating: Rag | null;
  /** where the colour came from */
  ratingFrom: 'rating' | 'likelihood × impact' | null;
}

export interface RegisterResults {
  /** empty unless the framework has an achievement column */
  tracker: TrackerThemeResult[];
  /** empty unless the framework has a rating column, or likelihood and impact columns */
  risks: RiskThemeResult[];
  /** rows with content, in register order */
  rows: RegisterRowResult[];
}

/**
 * The achievement score a tracker row counts with (seed 004's two stages): the champions' confirmed score where they
 * gave one on the scale, otherwise the co-ordinator's. The one rule for the Summary, the plan, the report and any
 * comparison with a previous review; the Summary's live formulas follow it too (`trackerFormulas`).
 */
export function achievementUsed(coordinator: number | null, confirmed: number | null): number | null {
  return confirmed ?? coordinator;
}

/** The rule of `achievementUsed` in words, said under the figures that follow it (Summary, report). */
export const TWO_STAGE_RULE =
  "Scores that count: the champions' confirmed score where there is one, otherwise the co-ordinator's (stage 1 and stage 2 of the review).";

/** "Co-ordinator 2 → champions 4" (a row where both scores are given). */
export function championChangeText(r: { coordinator: number | null; confirmed: number | null }): string {
  return `Co-ordinator ${formatNumber(r.coordinator!)} → champions ${formatNumber(r.confirmed!)}`;
}

/** Ids of the register's theme (group) columns, which do not count as content. */
function groupColumnIds(framework: Framework): Set<string> {
  return new Set((framework.register?.columns ?? []).filter((c) => c.type === 'group').map((c) => c.id));
}

function hasContent(groupCols: Set<string>, row: RegisterRow): boolean {
  const cells = row.cells;
  for (const id in cells) {
    if (!Object.prototype.hasOwnProperty.call(cells, id) || groupCols.has(id)) continue;
    if (!isBlank(cells[id]?.value)) return true;
  }
  return false;
}

/** True when any cell other than the theme has something in it. */
export function rowHasContent(framework: Framework, row: RegisterRow): boolean {
  return hasContent(groupColumnIds(framework), row);
}

/** The theme a typed group cell belongs to; each distinct spelling is resolved once per run. */
function themeResolver(framework: Framework): (group: string) => string {
  const known = new Map((framework.register?.groups ?? []).map((g) => [nameKey(g), g]));
  const resolved = new Map<string, string>();
  return (group) => {
    let theme = resolved.get(group);
    if (theme === undefined) {
      const key = nameKey(group);
      theme = key === '' ? NO_THEME : (known.get(key) ?? group.trim());
      resolved.set(group, theme);
    }
    return theme;
  };
}

/** The framework's groups in order, then `themes` (distinct or not) in order of first appearance, then NO_THEME. */
function themeOrder(framework: Framework, themes: Iterable<string>): string[] {
  const out = [...(framework.register?.groups ?? [])];
  const keys = new Set(out.map(nameKey));
  let noTheme = false;
  for (const t of themes) {
    if (t === NO_THEME) noTheme = true;
    else if (!keys.has(nameKey(t))) {
      keys.add(nameKey(t));
      out.push(t);
    }
  }
  if (noTheme) out.push(NO_THEME);
  return out;
}

/** Reads one register column's score: a parser per column, built once per run (null when the column has no scale). */
function columnScore(framework: Framework, col: RegisterColumn | undefined): (row: RegisterRow) => number | null {
  if (!col?.scale) return () => null;
  const scaleId = col.scale;
  const id = col.id;
  let parse: ReturnType<typeof scoreParser> | null = null; // made at the first row, as before: no rows, no scale look-up
  return (row) => {
    parse ??= scoreParser(scaleById(framework, scaleId));
    const p = parse(row.cells[id]?.value);
    return p.kind === 'score' ? p.value : null;
  };
}

/** The columns tried, in order, for a row's short description. */
function labelColumnIds(framework: Framework): string[] {
  const cols = framework.register?.columns ?? [];
  // stage 2's texts say why and what next, not what the row is: never a row's label
  const stage2 = new Set([WHY_NOT_MET_COLUMN_ID, KEY_ACTIONS_COLUMN_ID, SUPPORT_NEEDED_COLUMN_ID]);
  return [
    ...ROW_LABEL_COLUMN_IDS.filter((id) => cols.some((c) => c.id === id)),
    ...cols.filter((c) => c.type === 'text' && !stage2.has(c.id)).map((c) => c.id),
  ];
}

/** A text cell as typed, word for word ('' when blank). */
function typedText(row: RegisterRow, id: string): string {
  const v = row.cells[id]?.value;
  return isBlank(v) ? '' : String(v);
}

function rowLabel(labelIds: readonly string[], row: RegisterRow): string {
  for (const id of labelIds) {
    const v = row.cells[id]?.value;
    if (!isBlank(v)) return String(v).replace(/\s+/g, ' ').trim();
  }
  return '';
}

export function registerRowResults(framework: Framework, rows: RegisterRow[], opts: RegisterOptions = {}): RegisterRowResult[] {
  const o = { ...DEFAULT_REGISTER_OPTIONS, ...opts };
  const cols = registerColumns(framework);
  const theme = themeResolver(framework);
  const groupCols = groupColumnIds(framework);
  const labelIds = labelColumnIds(framework);
  const likelihoodOf = columnScore(framework, cols.likelihood);
  const impactOf = columnScore(framework, cols.impact);
  const achievementOf = columnScore(framework, cols.achievement);
  const confirmedOf = columnScore(framework, cols.confirmed);
  const appropriatenessOf = columnScore(framework, cols.appropriateness);
  const ratingId = cols.rating?.id;
  const ragCache = new Map<string | number | boolean, ParsedRag>();
  const typedRag = (raw: CellValue | undefined): ParsedRag => {
    if (raw === null || raw === undefined) return { kind: 'missing' };
    let p = ragCache.get(raw);
    if (p === undefined) {
      p = parseRag(raw);
      ragCache.set(raw, p);
    }
    return p;
  };
  const out: RegisterRowResult[] = [];
  for (const row of rows) {
    if (!hasContent(groupCols, row)) continue;
    const likelihood = likelihoodOf(row);
    const impact = impactOf(row);
    let rating: Rag | null = null;
    let ratingFrom: RegisterRowResult['ratingFrom'] = null;
    const typed = ratingId !== undefined ? typedRag(row.cells[ratingId]?.value) : ({ kind: 'missing' } as ParsedRag);
    if (typed.kind === 'rag') {
      rating = typed.rag;
      ratingFrom = 'rating';
    } else if (typed.kind === 'missing' && likelihood !== null && impact !== null) {
      const product = likelihood * impact;
      rating = product >= o.riskRedFrom ? 'red' : product >= o.riskAmberFrom ? 'amber' : 'green';
      ratingFrom = 'likelihood × impact';
    }
    const coordinator = achievementOf(row);
    const confirmed = confirmedOf(row);
    out.push({
      theme: theme(row.group),
      row: row.at.row,
      at: row.at,
      label: rowLabel(labelIds, row),
      achievement: achievementUsed(coordinator, confirmed),
      coordinator,
      confirmed,
      changedByChampions: coordinator !== null && confirmed !== null && coordinator !== confirmed,
      whyNotMet: typedText(row, WHY_NOT_MET_COLUMN_ID),
      keyActions: typedText(row, KEY_ACTIONS_COLUMN_ID),
      supportNeeded: typedText(row, SUPPORT_NEEDED_COLUMN_ID),
      appropriateness: appropriatenessOf(row),
      likelihood,
      impact,
      rating,
      ratingFrom,
    });
  }
  return out;
}

/** Classified rows by theme, in the order of `themeOrder` (a theme with no rows gets an empty list). */
function rowsByTheme(framework: Framework, results: RegisterRowResult[]): { theme: string; mine: RegisterRowResult[] }[] {
  const byTheme = new Map<string, RegisterRowResult[]>();
  for (const r of results) {
    const list = byTheme.get(r.theme);
    if (list) list.push(r);
    else byTheme.set(r.theme, [r]);
  }
  // rows are matched to a theme by exact text, as listed (the Map's keys are the themes in order of first appearance)
  return themeOrder(framework, byTheme.keys()).map((theme) => ({ theme, mine: byTheme.get(theme) ?? [] }));
}

function trackerFromRows(framework: Framework, results: RegisterRowResult[], opts: RegisterOptions): TrackerThemeResult[] {
  const o = { ...DEFAULT_REGISTER_OPTIONS, ...opts };
  const cols = registerColumns(framework);
  if (!cols.achievement?.scale) return [];
  const top = scaleMax(scaleById(framework, cols.achievement.scale));
  return rowsByTheme(framework, results).map(({ theme, mine }) => {
    const scores = mine.flatMap((r) => (r.achievement === null ? [] : [r.achievement]));
    return {
      theme,
      rows: mine.length,
      scored: scores.length,
      meanAchievement: mean(scores),
      shareAchieved: scores.length ? scores.filter((s) => s === top).length / scores.length : null,
      coordinatorScored: mine.filter((r) => r.coordinator !== null).length,
      confirmed: mine.filter((r) => r.confirmed !== null).length,
      changed: mine.filter((r) => r.changedByChampions).length,
      lowAppropriatenessRows: mine.filter((r) => r.appropriateness !== null && r.appropriateness <= o.lowAppropriateness).map((r) => r.row),
    };
  });
}

function risksFromRows(framework: Framework, results: RegisterRowResult[]): RiskThemeResult[] {
  const cols = registerColumns(framework);
  if (!cols.rating && !(cols.likelihood && cols.impact)) return [];
  return rowsByTheme(framework, results).map(({ theme, mine }) => {
    let red = 0;
    let amber = 0;
    let green = 0;
    let unrated = 0;
    for (const r of mine) {
      if (r.rating === 'red') red++;
      else if (r.rating === 'amber') amber++;
      else if (r.rating === 'green') green++;
      else unrated++;
    }
    return { theme, red, amber, green, unrated };
  });
}

export function trackerResults(framework: Framework, rows: RegisterRow[], opts: RegisterOptions = {}): TrackerThemeResult[] {
  const cols = registerColumns(framework);
  if (!cols.achievement?.scale) return [];
  return trackerFromRows(framework, registerRowResults(framework, rows, opts), opts);
}

export function riskResults(framework: Framework, rows: RegisterRow[], opts: RegisterOptions = {}): RiskThemeResult[] {
  const cols = registerColumns(framework);
  if (!cols.rating && !(cols.likelihood && cols.impact)) return [];
  return risksFromRows(framework, registerRowResults(framework, rows, opts));
}

/** Everything the summary and the plan need from a register, in one pass over the options. */
export function scoreRegister(framework: Framework, rows: RegisterRow[], opts: RegisterOptions = {}): RegisterResults {
  const results = registerRowResults(framework, rows, opts);
  return {
    tracker: trackerFromRows(framework, results, opts),
    risks: risksFromRows(framework, results),
    rows: results,
  };
}

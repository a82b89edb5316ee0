/**
 * The previous review of a register (issue #16): the delivery tracker and the risk exercise compared with last
 * cycle, one figure per theme and one for the whole register.
 *
 * - Tracker: the mean achievement score of the theme's scored rows (5 achieved … 1 not achieved; a row's score is
 *   `achievementUsed`, the champions' confirmed score where given), the figure the Summary's "Delivery by theme" shows; the whole register: the mean over every scored row. Higher is better.
 * - Risk: the mean risk level of the theme's rated rows, Green 1, Amber 2, Red 3 (a row's colour is the Rating typed,
 *   else the one taken from likelihood × impact, as the Summary counts it); the whole register: the mean over every
 *   rated row. Lower is better, so a fall counts as "improved". The levels are ours: the paper rates risks high and
 *   moderate and gives no numbers.
 * The change rule is the questionnaires' (`changeRow` in compare.ts): a move counts only past the framework's
 * `changeThreshold` × the figure's range (0.4 on the 1–5 achievement scale, 0.2 on the 1–3 risk levels). Themes match
 * ignoring case and spaces; "No theme given" is not compared (it is no theme), though its rows count in the whole.
 */
import type { Framework } from '../framework/schema.js';
import type { PreviousFigures } from '../review/types.js';
import { changeRow, DEFAULT_CHANGE_TOLERANCE } from './compare.js';
import { nameKey } from './names.js';
import { NO_THEME, registerColumns, type RegisterResults, type RegisterRowResult } from './register.js';
import { scaleById, scaleMax, scaleMin } from './scale.js';
import { mean } from './stats.js';
import type { ChangeRow, Rag } from './types.js';

export type RegisterKind = 'tracker' | 'risk';

/** A risk's colour as a number: Green 1, Amber 2, Red 3. */
export const RISK_LEVEL: Record<Rag, number> = { green: 1, amber: 2, red: 3 };

/** The figures of one register: per theme (in the Summary's order) and for the whole register. */
export interface RegisterFigures {
  kind: RegisterKind;
  themes: { theme: string; value: number | null }[];
  overall: number | null;
  /** the figure's range: the achievement scale's, or 1–3 for risk levels */
  min: number;
  max: number;
}

export interface RegisterComparison {
  kind: RegisterKind;
  /** one row per theme, id = the theme as this review names it */
  themes: ChangeRow[];
  overall: ChangeRow;
  thresholdFraction: number;
  min: number;
  max: number;
}

/** Which figure a register framework compares: tracker (achievement), risk (levels), or none. */
export function registerKind(framework: Framework): RegisterKind | null {
  if (!framework.register) return null;
  const cols = registerColumns(framework);
  if (cols.achievement?.scale) return 'tracker';
  if (cols.rating || (cols.likelihood && cols.impact)) return 'risk';
  return null;
}

/** The score a tracker row counts with: `achievement` is already `achievementUsed` (the champions' confirmed score
 *  where given, else the co-ordinator's), the one rule of the two-stage review, so the comparison follows it. */
function trackerScore(r: RegisterRowResult): number | null {
  return r.achievement;
}

function riskLevel(r: RegisterRowResult): number | null {
  return r.rating ? RISK_LEVEL[r.rating] : null;
}

/** The figures of a register, from its classified rows; null when the framework compares no register figure. */
export function registerFigures(framework: Framework, results: RegisterResults): RegisterFigures | null {
  const kind = registerKind(framework);
  if (!kind) return null;
  const value = kind === 'tracker' ? trackerScore : riskLevel;
  const themes = (kind === 'tracker' ? results.tracker : results.risks).map((t) => t.theme).filter((t) => t !== NO_THEME);
  const byTheme = new Map<string, number[]>();
  const all: number[] = [];
  for (const r of results.rows) {
    const v = value(r);
    if (v === null) continue;
    all.push(v);
    const list = byTheme.get(r.theme);
    if (list) list.push(v);
    else byTheme.set(r.theme, [v]);
  }
  let min = 1;
  let max = 3;
  if (kind === 'tracker') {
    const scale = scaleById(framework, registerColumns(framework).achievement!.scale!);
    min = scaleMin(scale);
    max = scaleMax(scale);
  }
  return { kind, themes: themes.map((theme) => ({ theme, value: mean(byTheme.get(theme) ?? []) })), overall: mean(all), min, max };
}

/** The figures as a previous review keeps them (theme → figure, and the overall). */
export function registerPreviousFigures(f: RegisterFigures): PreviousFigures {
  const themeMeans: Record<string, number | null> = {};
  for (const t of f.themes) themeMeans[t.theme] = t.value;
  return { itemMeans: {}, sectionMeans: {}, themeMeans, overall: f.overall };
}

/** A theme's previous figure, matched ignoring case and spaces. */
export function previousThemeFigure(previous: PreviousFigures, theme: string): number | null {
  const key = nameKey(theme);
  for (const [t, v] of Object.entries(previous.themeMeans ?? {}))
    if (nameKey(t) === key) return v === null || v === undefined || !Number.isFinite(v) ? null : v;
  return null;
}

/** Last cycle's register figures against this cycle's; risk levels count a fall as improved. */
export function compareRegister(framework: Framework, now: RegisterFigures, previous: PreviousFigures): RegisterComparison {
  const fraction = framework.changeThreshold ?? 0;
  const threshold = fraction > 0 ? fraction * (now.max - now.min) : undefined;
  const flip = (r: ChangeRow): ChangeRow =>
    now.kind === 'risk' && (r.change === 'improved' || r.change === 'declined')
      ? { ...r, change: r.change === 'improved' ? 'declined' : 'improved' }
      : r;
  const row = (id: string, current: number | null, prev: number | null) =>
    flip(changeRow(id, current, prev, DEFAULT_CHANGE_TOLERANCE, threshold));
  // themes last cycle had that this register no longer lists still show, as "not scored this time"
  const listed = new Set(now.themes.map((t) => nameKey(t.theme)));
  const gone = Object.keys(previous.themeMeans ?? {}).filter((t) => !listed.has(nameKey(t)) && t !== NO_THEME);
  return {
    kind: now.kind,
    themes: [
      ...now.themes.map((t) => row(t.theme, t.value, previousThemeFigure(previous, t.theme))),
      ...gone.map((t) => row(t, null, previousThemeFigure(previous, t))),
    ],
    overall: row('overall', now.overall, previous.overall ?? null),
    thresholdFraction: fraction,
    min: now.min,
    max: now.max,
  };
}

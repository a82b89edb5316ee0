/**
 * Drafting improvement actions (issue #2, seed 004 annex C). One row per:
 * - area for improvement (red, amber or divided item) → Part 2 Partnership, heading = its section's title,
 *   ref `item:<itemId>`. For frameworks completed once per partnership (`multiplePartnerships`, e.g. hallmarks)
 *   each partnership gets its own rows for the items weak in that partnership, ref `item:<itemId>|<partnership>`
 *   (the partnership as spelt on Review Settings), drafted from that partnership's own scores and comments: each
 *   partnership owns its own improvement. Such a framework with no partnership named anywhere falls back to the
 *   whole-review report and plain `item:<itemId>` refs.
 * - red risk → Part 2 Partnership (a risk to the partnership), heading "Risk – <theme>", ref `risk:<theme>|<row>`.
 * - tracker row whose achievement is 2 or less (configurable) → Part 1 Delivery, heading = theme,
 *   ref `tracker:<theme>|<row>`. <row> is the 1-based sheet row of the register.
 * Order: Part 1 rows (theme order, then sheet row), then Part 2 item rows (framework order; per item, partnerships in
 * settings order), then risks (theme order, then sheet row).
 * Dates: to be completed = today + 6 months, progress report = today + 3 months (defaults, configurable: the seed
 * sets no period). Status "Not started". Key contact, lead agency and support are left blank for people to fill in,
 * so the SMART check keeps asking for a lead until someone is named.
 */
import type { Framework, Item, Scale } from '../framework/schema.js';
import type { ReviewData } from '../review/types.js';
import type { CommentsByScore, ItemScore, ScoreReport } from '../scoring/types.js';
import type { RegisterResults, RegisterRowResult } from '../scoring/register.js';
import type { ImprovementAction } from './types.js';
import { compareAcrossPartnerships } from '../scoring/compare.js';
import { formatNumber, pointLabel, scaleById, scaleForItem, scaleMax } from '../scoring/scale.js';
import { greenFrom, ragLabel } from '../scoring/rag.js';
import { registerColumns } from '../scoring/register.js';
import { nameKey } from '../scoring/names.js';
import { addMonths, formatDateUk } from '../util/dates.js';
import { DRAFT_STATUS } from './columns.js';

export interface DraftOptions {
  /** months from today to the date to be completed (default 6) */
  targetMonths?: number;
  /** months from today to the progress report date (default 3) */
  progressMonths?: number;
  /** tracker rows with achievement at or below this get an action (default 2) */
  lowAchievement?: number;
  /** comments quoted per item (default 2) */
  quotes?: number;
  /** longest comment quoted, in characters, before it is shortened with "…" (default 160) */
  quoteLength?: number;
}

export const DEFAULT_DRAFT_OPTIONS: Required<DraftOptions> = { targetMonths: 6, progressMonths: 3, lowAchievement: 2, quotes: 2, quoteLength: 160 };

function shorten(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** Up to `n` comments, those given with the lowest scores first (comments with no valid score last). */
export function lowestScoredComments(c: CommentsByScore | undefined, n: number): string[] {
  if (!c) return [];
  const scored = c.groups.filter((g) => g.score !== 'other').sort((a, b) => Number(a.score) - Number(b.score));
  const other = c.groups.filter((g) => g.score === 'other');
  return [...scored, ...other].flatMap((g) => g.comments).slice(0, n);
}

/** “Do you have a clear meeting structure?” (1.6); an item named by its id alone (partnership tree: ASPIRE) reads
 *  ASPIRE (how the partnership aspires), from its guidance. */
function itemSubject(item: Item): string {
  if (nameKey(item.text) !== nameKey(item.id)) return `“${item.text}” (${item.id})`;
  const g = item.guidance?.replace(/\s+/g, ' ').trim();
  return g ? `${item.text} (${g.charAt(0).toLowerCase()}${g.slice(1)})` : item.text;
}

function itemAction(framework: Framework, item: Item, scale: Scale, s: ItemScore, report: ScoreReport, partnership: string | null, target: string, o: Required<DraftOptions>): string {
  const top = scaleMax(scale);
  const parts: string[] = [];
  const who = partnership ? `${partnership}: ` : '';
  let head = `${who}Improve ${itemSubject(item)}: scored ${formatNumber(s.mean!)} of ${formatNumber(top)} (${ragLabel(s.rag!)})`;
  if (s.divided) head += `; divided opinion, scores from ${formatNumber(s.min!)} to ${formatNumber(s.max!)}`;
  parts.push(`${head}.`);
  const quotes = lowestScoredComments(report.comments.find((c) => c.itemId === item.id), o.quotes);
  if (quotes.length) parts.push(`Comments: ${quotes.map((q) => `“${shorten(q, o.quoteLength)}”`).join('; ')}.`);
  const by = formatDateUk(target);
  if (s.rag === 'green') {
    parts.push(`Discuss why views differ, agree actions on the weaknesses raised and complete them by ${by}.`);
  } else {
    parts.push(`Agree actions with partners to raise this to at least ${formatNumber(greenFrom(scale, framework.rag))} of ${formatNumber(top)} (Green) at the next review, and complete them by ${by}.`);
  }
  return parts.join(' ');
}

function itemRows(framework: Framework, report: ScoreReport, data: ReviewData, dates: { target: string; progress: string }, o: Required<DraftOptions>): ImprovementAction[] {
  const perPartnership = framework.multiplePartnerships ? compareAcrossPartnerships(framework, data.responses, data.settings.partnerships) : null;
  const sources: { partnership: string | null; report: ScoreReport }[] =
    perPartnership && perPartnership.partnerships.length
      ? perPartnership.partnerships.map((p) => ({ partnership: p, report: perPartnership.reports[p]! }))
      : [{ partnership: null, report }];
  const rows: ImprovementAction[] = [];
  for (const section of framework.sections) {
    for (const item of section.items) {
      if (!item.fields.includes('score')) continue;
      const scale = scaleForItem(framework, item);
      for (const src of sources) {
        if (!src.report.areasForImprovement.includes(item.id)) continue;
        const s = src.report.items.find((x) => x.id === item.id)!;
        rows.push({
          ref: src.partnership ? `item:${item.id}|${src.partnership}` : `item:${item.id}`,
          part: 'Partnership',
          heading: section.title,
          sourceItems: item.id,
          action: itemAction(framework, item, scale, s, src.report, src.partnership, dates.target, o),
          date: dates.target,
          keyContact: '',
          leadAgency: '',
          supportNeeded: '',
          howSupportProvided: '',
          progressReportDate: dates.progress,
          status: DRAFT_STATUS,
        });
      }
    }
  }
  return rows;
}

/** Rows in theme order (themes not listed last), then by row: bucketed by theme, so it stays linear in rows. */
function byThemeThenRow(rows: RegisterRowResult[], themes: string[]): RegisterRowResult[] {
  const pos = new Map(themes.map((t, i) => [t, i]));
  const buckets: RegisterRowResult[][] = Array.from({ length: themes.length + 1 }, () => []);
  for (const r of rows) buckets[pos.get(r.theme) ?? themes.length]!.push(r);
  const out: RegisterRowResult[] = [];
  for (const b of buckets) {
    // rows arrive in sheet order; sort only a bucket that does not
    for (let i = 1; i < b.length; i++) {
      if (b[i - 1]!.row > b[i]!.row) {
        b.sort((x, y) => x.row - y.row);
        break;
      }
    }
    for (const r of b) out.push(r);
  }
  return out;
}

function blankTail(dates: { target: string; progress: string }): Pick<ImprovementAction, 'date' | 'keyContact' | 'leadAgency' | 'supportNeeded' | 'howSupportProvided' | 'progressReportDate' | 'status'> {
  return { date: dates.target, keyContact: '', leadAgency: '', supportNeeded: '', howSupportProvided: '', progressReportDate: dates.progress, status: DRAFT_STATUS };
}

function trackerRows(framework: Framework, reg: RegisterResults, dates: { target: string; progress: string }, o: Required<DraftOptions>): ImprovementAction[] {
  const cols = registerColumns(framework);
  const tab = framework.register?.tab ?? 'Register';
  const achScale = cols.achievement?.scale ? scaleById(framework, cols.achievement.scale) : null;
  const appScale = cols.appropriateness?.scale ? scaleById(framework, cols.appropriateness.scale) : null;
  const weak = reg.rows.filter((r) => r.achievement !== null && r.achievement <= o.lowAchievement);
  return byThemeThenRow(weak, reg.tracker.map((t) => t.theme)).map((r) => {
    const what = r.label ? `“${shorten(r.label, o.quoteLength)}”` : `${tab} row ${r.row}`;
    const label = achScale ? pointLabel(achScale, r.achievement!) : null;
    let text = `Get ${what} (${r.theme}) back on track: achievement scored ${formatNumber(r.achievement!)}`;
    if (achScale) text += ` of ${formatNumber(scaleMax(achScale))}`;
    if (label) text += ` (${label})`;
    if (r.appropriateness !== null) {
      text += `; appropriateness of the action scored ${formatNumber(r.appropriateness)}${appScale ? ` of ${formatNumber(scaleMax(appScale))}` : ''}`;
    }
    text += `. Agree revised actions, a lead partner and milestones with the theme champions, and complete them by ${formatDateUk(dates.target)}.`;
    return { ref: `tracker:${r.theme}|${r.row}`, part: 'Delivery', heading: r.theme, sourceItems: `${tab} row ${r.row}`, action: text, ...blankTail(dates) };
  });
}

function riskRows(framework: Framework, reg: RegisterResults, dates: { target: string; progress: string }, o: Required<DraftOptions>): ImprovementAction[] {
  const tab = framework.register?.tab ?? 'Register';
  const red = reg.rows.filter((r) => r.rating === 'red');
  return byThemeThenRow(red, reg.risks.map((t) => t.theme)).map((r) => {
    const what = r.label ? `the risk “${shorten(r.label, o.quoteLength)}”` : `the risk on ${tab} row ${r.row}`;
    const how = r.ratingFrom === 'likelihood × impact' ? ` (likelihood ${formatNumber(r.likelihood!)} × impact ${formatNumber(r.impact!)} = ${formatNumber(r.likelihood! * r.impact!)})` : '';
    const text = `Reduce ${what} (${r.theme}), rated Red${how}: agree the actions that will bring it to Amber or Green and who owns each, and review the rating by ${formatDateUk(dates.target)}.`;
    return { ref: `risk:${r.theme}|${r.row}`, part: 'Partnership', heading: `Risk – ${r.theme}`, sourceItems: `${tab} row ${r.row}`, action: text, ...blankTail(dates) };
  });
}

/**
 * The drafted plan rows for a review. `report` is the whole-review score report; `registerResults` the register's
 * results (`scoreRegister`), or null when the framework has no register. `today` is ISO YYYY-MM-DD.
 */
export function draftActions(framework: Framework, report: ScoreReport, data: ReviewData, registerResults: RegisterResults | null, today: string, opts: DraftOptions = {}): ImprovementAction[] {
  const o = { ...DEFAULT_DRAFT_OPTIONS, ...opts };
  const dates = { target: addMonths(today, o.targetMonths), progress: addMonths(today, o.progressMonths) };
  const reg = registerResults ?? { tracker: [], risks: [], rows: [] };
  return [...trackerRows(framework, reg, dates, o), ...itemRows(framework, report, data, dates, o), ...riskRows(framework, reg, dates, o)];
}

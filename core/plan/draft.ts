/**
 * Drafting improvement actions as a facilitator would (issue #12; the Improvement Action Plan of the 2004 review paper,
 * annex C: Part 1 Delivery by theme, Part 2 Partnership by criterion).
 *
 * One drafted row per weak *area*, not per item:
 * - a section of a questionnaire (a hallmark, a criterion, a heading; a characteristic of the partnership tree, whose
 *   sections are one item each) holding at least one area for improvement (red, amber or divided item). For a
 *   framework completed once per partnership (`multiplePartnerships`) each partnership gets its own rows, from its
 *   own scores and comments. Part 2 Partnership.
 * - a delivery theme with tracker rows whose achievement is at or below `lowAchievement` (default 2). Part 1 Delivery.
 * - a risk theme holding red risks. Part 2 Partnership (a risk to the partnership).
 * Each row names the area's weakest items (up to `weakestNamed`) and the comments given with the lowest scores, and
 * cites every weak item of the area in "Source items". The wording follows the cause: low score, divided opinion,
 * decline since the last review, delivery not achieved, red risk. The text never states the due date: that lives in
 * the Date column only, so editing it never leaves the text contradicting it.
 *
 * Prioritising: areas are ranked by their lowest percent (an item's place on its scale, 0 = the lowest point; a
 * tracker row's achievement the same way; a red risk counts as 0), then by how many items are divided, then by how
 * many declined since the last review, then in framework order. Capping: per partnership (or for the whole review),
 * the top `maxAreas` drafted areas get a row (default 6: the 2004 paper's plan has one action per core criterion,
 * six of them, and a Hallmarks review has six hallmarks; the cap is set on Review Settings). The weak items of the
 * areas left out are returned in `alsoWeak` ("Also weak, not yet planned" on the Summary), as are areas for
 * improvement of the whole review that no partnership's row cites, so nothing disappears.
 *
 * Agreed actions come first (issue #16, "From agreement to action"): the Theme Review's "Action for Improvement" of
 * a theme, the key actions and support needed the champions gave a Progress Tracker row (stage 2 of the delivery
 * review) and the area for improvement a workshop agreed on the Workshop Notes tab become rows word for word, ahead of
 * the drafted row for the same area, whether or not the area is weak, and outside the cap (people agreed them).
 * A tracker row counts with the champions' confirmed score where there is one, else the co-ordinator's
 * (`achievementUsed`); a drafted row says where the champions changed the co-ordinator's score, and quotes why not met.
 *
 * Refs are words a person can read and quote, stable from one summarise to the next: "Hallmark 2 – Children's Trust",
 * "ASPIRE", "Delivery – Crime", "Risk – Governance", "Crime – action agreed at the theme review",
 * "ASPIRE – agreed at the workshop".
 * Dates: to be completed = today + 6 months, progress report = today + 3 months (defaults; the paper sets no period).
 * Status "Not started". Key contact, lead agency and support are left blank for people to fill in.
 */
import type { Framework, Item, Scale, Section } from '../framework/schema.js';
import type { GroupSummaryRow, ReviewData } from '../review/types.js';
import type { CommentsByScore, Comparison, ItemScore, ScoreReport } from '../scoring/types.js';
import type { RegisterResults, RegisterRowResult } from '../scoring/register.js';
import type { ImprovementAction, PlanPart } from './types.js';
import { compareAcrossPartnerships } from '../scoring/compare.js';
import { formatNumber, pointLabel, scaleById, scaleForItem, scaleMax, scaleMin } from '../scoring/scale.js';
import { ragLabel } from '../scoring/rag.js';
import { registerColumns } from '../scoring/register.js';
import { isBlank } from '../scoring/parse-score.js';
import { nameKey } from '../scoring/names.js';
import { addMonths } from '../util/dates.js';
import { shortenText } from '../util/graphemes.js';
import { DRAFT_STATUS } from './columns.js';

export interface DraftOptions {
  /** months from today to the date to be completed (default 6) */
  targetMonths?: number;
  /** months from today to the progress report date (default 3) */
  progressMonths?: number;
  /** tracker rows with achievement at or below this get an action (default 2) */
  lowAchievement?: number;
  /** comments quoted per area (default 2) */
  quotes?: number;
  /** longest comment quoted, in characters (graphemes: an emoji or an accented letter is one), before it is shortened with "…" (default 160) */
  quoteLength?: number;
  /** drafted areas per partnership (or for the whole review) at most (default 6); Review Settings may set it */
  maxAreas?: number;
  /** weak items named in an area's action text (default 3; all are cited in Source items) */
  weakestNamed?: number;
  /** change since the previous review, when there is one: declines are named and raise an area's priority */
  comparison?: Comparison | null;
  previousCycle?: string | null;
}

/** Default cap: one action per area for six areas (the 2004 paper's six core criteria; the six hallmarks). */
export const DEFAULT_MAX_AREAS = 6;

export const DEFAULT_DRAFT_OPTIONS: Required<Omit<DraftOptions, 'comparison' | 'previousCycle'>> = {
  targetMonths: 6,
  progressMonths: 3,
  lowAchievement: 2,
  quotes: 2,
  quoteLength: 160,
  maxAreas: DEFAULT_MAX_AREAS,
  weakestNamed: 3,
};

/** A weak item (or register row) that has no drafted row of its own: listed under "Also weak, not yet planned". */
export interface AlsoWeak {
  /** item id, or "Progress Tracker row 7" for a register row */
  id: string;
  /** the item's wording, or the register row's label */
  text: string;
  /** the partnership whose scores make it weak; null for the whole review */
  partnership: string | null;
  /** the area it belongs to, as the plan would name it ("Hallmark 2", "Crime") */
  area: string;
  /** why it is weak, in words: "1.63 of 3 (Red)", "divided: 1 to 3", "not achieved (1 of 5)", "Red risk" */
  why: string;
}

/** One drafted area, ranked. */
export interface PlannedArea {
  ref: string;
  part: PlanPart;
  heading: string;
  partnership: string | null;
  /** ids of the weak items (or register rows) it cites */
  sources: string[];
  /** lowest percent of its weak items (0 for a red risk or an achievement of the lowest point) */
  lowestPercent: number;
  causes: Cause[];
  /** true when within the cap (it has a row); false when left out and listed under "Also weak" */
  planned: boolean;
}

export type Cause = 'low score' | 'divided opinion' | 'decline' | 'not achieved' | 'red risk';

export interface DraftResult {
  rows: ImprovementAction[];
  areas: PlannedArea[];
  alsoWeak: AlsoWeak[];
  maxAreas: number;
}

/** Cut at a grapheme boundary (never half an emoji, a flag or an accent), so the row reads back as written. */
function shorten(s: string, max: number): string {
  return shortenText(s, max);
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
export function itemSubject(item: Item): string {
  if (nameKey(item.text) !== nameKey(item.id)) return `${item.id} “${item.text}”`;
  const g = item.guidance?.replace(/\s+/g, ' ').trim();
  return g ? `${item.text} (${g.charAt(0).toLowerCase()}${g.slice(1)})` : item.text;
}

/** Section ids that are plain numbers are called by the framework's own word for them. */
const SECTION_NOUN: Record<string, string> = { hallmarks: 'Hallmark' };

/** Each section holds one scored item with the section's own id (partnership tree). */
function singleItemSections(framework: Framework): boolean {
  return framework.sections.every((s) => {
    const scored = s.items.filter((i) => i.fields.includes('score'));
    return scored.length === 0 || (scored.length === 1 && scored[0]!.id === s.id);
  });
}

/** How a person names an area: "Hallmark 2", "ASPIRE", "Strategic". */
export function areaName(framework: Framework, section: Section): string {
  const noun = SECTION_NOUN[framework.id];
  if (noun && /^\d+$/.test(section.id)) return `${noun} ${section.id}`;
  return section.title;
}

/** What one area is called, in the plan's note ("hallmark", "theme"). */
export function areaWord(framework: Framework): string {
  if (framework.kind === 'tracker') return (framework.register?.groupLabel ?? 'theme').toLowerCase();
  if (framework.kind === 'risk') return (framework.register?.groupLabel ?? 'risk theme').toLowerCase();
  if (SECTION_NOUN[framework.id]) return SECTION_NOUN[framework.id]!.toLowerCase();
  if (singleItemSections(framework)) return 'characteristic';
  return 'criterion';
}

/** The parts of the plan this framework's review drafts into. */
export function planParts(framework: Framework): PlanPart[] {
  return framework.kind === 'tracker' && framework.sections.length === 0
    ? ['Delivery']
    : framework.kind === 'tracker'
      ? ['Delivery', 'Partnership']
      : ['Partnership'];
}

function percentOf(scale: Scale, v: number): number {
  const lo = scaleMin(scale);
  const range = scaleMax(scale) - lo;
  return range > 0 ? ((v - lo) / range) * 100 : 100;
}

function listText(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join('; ')} and ${parts[parts.length - 1]}`;
}

type Dates = { target: string; progress: string };

function blankTail(
  dates: Dates,
): Pick<
  ImprovementAction,
  'date' | 'keyContact' | 'leadAgency' | 'supportNeeded' | 'howSupportProvided' | 'progressReportDate' | 'status'
> {
  return {
    date: dates.target,
    keyContact: '',
    leadAgency: '',
    supportNeeded: '',
    howSupportProvided: '',
    progressReportDate: dates.progress,
    status: DRAFT_STATUS,
  };
}

interface Candidate {
  area: PlannedArea;
  /** position in framework order (ties) */
  order: number;
  dividedCount: number;
  declinedCount: number;
  /** the drafted row */
  row: ImprovementAction;
  /** what goes under "Also weak" if the area is left out */
  weak: AlsoWeak[];
  /** key for agreed rows of the same area ("section:<id>", "theme:<name>") */
  agreedKey: string;
}

type O = Required<Omit<DraftOptions, 'comparison' | 'previousCycle'>> & { comparison: Comparison | null; previousCycle: string | null };

function weakWhy(s: ItemScore, top: number): string {
  const parts: string[] = [];
  if (s.rag !== 'green') parts.push(`${formatNumber(s.mean!)} of ${formatNumber(top)} (${ragLabel(s.rag!)})`);
  if (s.divided) parts.push(`divided: scores from ${formatNumber(s.min!)} to ${formatNumber(s.max!)}`);
  return parts.join('; ');
}

/** The action text of a questionnaire area, its parts following the causes. */
function sectionAction(
  framework: Framework,
  section: Section,
  weak: { item: Item; score: ItemScore; scale: Scale; declined: { from: number; to: number } | null }[],
  report: ScoreReport,
  partnership: string | null,
  o: O,
): { text: string; causes: Cause[] } {
  const name = areaName(framework, section);
  const single = singleItemSections(framework);
  const where = single ? itemSubject(weak[0]!.item) : name === section.title ? name : `${name} (${section.title})`;
  const who = partnership ? `${partnership}: ` : '';
  const causes: Cause[] = [];
  const parts: string[] = [];
  const low = weak.filter((w) => w.score.rag !== 'green');
  const divided = weak.filter((w) => w.score.divided);
  const declined = weak.filter((w) => w.declined);
  const named = (ws: typeof weak) => ws.slice(0, o.weakestNamed);
  const more = (ws: typeof weak) => (ws.length > o.weakestNamed ? ` and ${ws.length - o.weakestNamed} more listed in Source items` : '');
  const agree = 'Agree with partners what will change, who leads each step and what will show progress by the next review.';
  const talk = 'Talk through why before agreeing what to change.';
  const spread = (w: (typeof weak)[number]) => `scores from ${formatNumber(w.score.min!)} to ${formatNumber(w.score.max!)}`;
  if (low.length > 0) {
    causes.push('low score');
    const of = (w: (typeof weak)[number]) =>
      `${formatNumber(w.score.mean!)} of ${formatNumber(scaleMax(w.scale))} (${ragLabel(w.score.rag!)})`;
    if (single) parts.push(`${who}Raise ${where}, scored ${of(low[0]!)}. ${agree}`);
    else
      parts.push(
        `${who}Raise the weakest scores under ${where}: ${listText(named(low).map((w) => `${itemSubject(w.item)} scored ${of(w)}`))}${more(low)}. ${agree}`,
      );
  }
  if (divided.length > 0) {
    causes.push('divided opinion');
    if (single)
      parts.push(
        low.length > 0
          ? `Views differ: ${spread(divided[0]!)}. ${talk}`
          : `${who}Views differ on ${where}: ${spread(divided[0]!)}. ${talk}`,
      );
    else {
      const namedLow = new Set(named(low).map((w) => w.item.id));
      const list = `${listText(named(divided).map((w) => `${namedLow.has(w.item.id) ? w.item.id : itemSubject(w.item)} (${spread(w)})`))}${more(divided)}`;
      parts.push(low.length > 0 ? `Views differ on ${list}. ${talk}` : `${who}Views differ under ${where} on ${list}. ${talk}`);
    }
  }
  if (declined.length > 0) {
    causes.push('decline');
    const since = o.previousCycle ? ` since ${o.previousCycle}` : ' since the last review';
    const list = declined.map((w) => `${w.item.id} (mean ${formatNumber(w.declined!.from)} then, ${formatNumber(w.declined!.to)} now)`);
    parts.push(`Fallen${since}: ${listText(list)}; find out what changed.`);
  }
  const quotes = weak
    .flatMap((w) =>
      lowestScoredComments(
        report.comments.find((c) => c.itemId === w.item.id),
        o.quotes,
      ),
    )
    .slice(0, o.quotes);
  if (quotes.length) parts.push(`Comments: ${quotes.map((q) => `“${shorten(q, o.quoteLength)}”`).join('; ')}.`);
  return { text: parts.join(' '), causes };
}

function questionnaireCandidates(
  framework: Framework,
  report: ScoreReport,
  data: ReviewData,
  dates: Dates,
  o: O,
): Map<string | null, Candidate[]> {
  const perPartnership = framework.multiplePartnerships
    ? compareAcrossPartnerships(framework, data.responses, data.settings.partnerships)
    : null;
  const sources: { partnership: string | null; report: ScoreReport }[] =
    perPartnership && perPartnership.partnerships.length
      ? perPartnership.partnerships.map((p) => ({ partnership: p, report: perPartnership.reports[p]! }))
      : [{ partnership: null, report }];
  const declines = new Map<string, { from: number; to: number }>();
  for (const r of o.comparison?.items ?? [])
    if (r.change === 'declined' && r.previous !== null && r.current !== null) declines.set(r.id, { from: r.previous, to: r.current });
  const out = new Map<string | null, Candidate[]>();
  for (const src of sources) {
    const list: Candidate[] = [];
    const weakIds = new Set(src.report.areasForImprovement);
    const scores = new Map(src.report.items.map((s) => [s.id, s]));
    framework.sections.forEach((section, order) => {
      const weak = section.items
        .filter((it) => it.fields.includes('score') && weakIds.has(it.id))
        .map((item) => ({
          item,
          score: scores.get(item.id)!,
          scale: scaleForItem(framework, item),
          declined: declines.get(item.id) ?? null,
        }))
        .sort((a, b) => (a.score.percent ?? 0) - (b.score.percent ?? 0) || Number(b.score.divided) - Number(a.score.divided));
      if (weak.length === 0) return;
      const name = areaName(framework, section);
      const ref = src.partnership ? `${name} – ${src.partnership}` : name;
      const { text, causes } = sectionAction(framework, section, weak, src.report, src.partnership, o);
      const sourcesIds = weak.map((w) => w.item.id);
      list.push({
        area: {
          ref,
          part: 'Partnership',
          heading: section.title,
          partnership: src.partnership,
          sources: sourcesIds,
          lowestPercent: weak[0]!.score.percent ?? 0,
          causes,
          planned: true,
        },
        order,
        dividedCount: weak.filter((w) => w.score.divided).length,
        declinedCount: weak.filter((w) => w.declined).length,
        row: { ref, part: 'Partnership', heading: section.title, sourceItems: sourcesIds.join(', '), action: text, ...blankTail(dates) },
        weak: weak.map((w) => ({
          id: w.item.id,
          text: w.item.text,
          partnership: src.partnership,
          area: name,
          why: weakWhy(w.score, scaleMax(w.scale)),
        })),
        agreedKey: `section:${section.id}`,
      });
    });
    out.set(src.partnership, list);
  }
  return out;
}

/** Rows grouped by theme in theme order (themes not listed last), each group in sheet order. */
function byTheme(rows: RegisterRowResult[], themes: string[]): { theme: string; rows: RegisterRowResult[] }[] {
  const pos = new Map(themes.map((t, i) => [t, i]));
  const groups = new Map<string, RegisterRowResult[]>();
  for (const r of rows) {
    let g = groups.get(r.theme);
    if (!g) groups.set(r.theme, (g = []));
    g.push(r);
  }
  return [...groups.entries()]
    .sort((a, b) => (pos.get(a[0]) ?? themes.length) - (pos.get(b[0]) ?? themes.length))
    .map(([theme, rs]) => ({ theme, rows: rs.sort((x, y) => x.row - y.row) }));
}

function textCell(row: GroupSummaryRow | undefined, id: string): string {
  const v = row?.cells[id]?.value;
  return isBlank(v) ? '' : String(v);
}

function trackerCandidates(framework: Framework, reg: RegisterResults, data: ReviewData, dates: Dates, o: O): Candidate[] {
  const cols = registerColumns(framework);
  const tab = framework.register?.tab ?? 'Register';
  const achScale = cols.achievement?.scale ? scaleById(framework, cols.achievement.scale) : null;
  const appScale = cols.appropriateness?.scale ? scaleById(framework, cols.appropriateness.scale) : null;
  const weakRows = reg.rows.filter((r) => r.achievement !== null && r.achievement <= o.lowAchievement);
  const themes = reg.tracker.map((t) => t.theme);
  const reviews = new Map(data.groupSummaries.map((g) => [nameKey(g.group), g]));
  return byTheme(weakRows, themes).map(({ theme, rows }, order) => {
    const achieved = (v: number) => {
      const label = achScale ? pointLabel(achScale, v) : null;
      const of = achScale ? ` of ${formatNumber(scaleMax(achScale))}` : '';
      return label ? `${label} (${formatNumber(v)}${of})` : `scored ${formatNumber(v)}${of}`;
    };
    const list = rows.slice(0, o.weakestNamed).map((r) => {
      const what = r.label ? `“${shorten(r.label, o.quoteLength)}”` : `${tab} row ${r.row}`;
      let t = `${what} ${achieved(r.achievement!)}`;
      if (r.changedByChampions) t += ` (the co-ordinator's score was ${formatNumber(r.coordinator!)}; the champions changed it)`;
      if (r.appropriateness !== null)
        t += `, appropriateness of the action ${formatNumber(r.appropriateness)}${appScale ? ` of ${formatNumber(scaleMax(appScale))}` : ''}`;
      return t;
    });
    const more = rows.length > o.weakestNamed ? ` and ${rows.length - o.weakestNamed} more listed in Source items` : '';
    let text = `Get delivery under ${theme} back on track: ${listText(list)}${more}. Agree revised actions, a lead partner and milestones with the theme champions, and the support they need.`;
    const why = rows.filter((r) => r.whyNotMet.trim() !== '').slice(0, o.quotes);
    if (why.length) text += ` Why not met, the champions: ${why.map((r) => `“${shorten(r.whyNotMet.trim(), o.quoteLength)}”`).join('; ')}.`;
    const barriers = textCell(reviews.get(nameKey(theme)), 'barriers');
    if (barriers) text += ` Barriers noted at the theme review: “${shorten(barriers, o.quoteLength)}”.`;
    const ref = `Delivery – ${theme}`;
    const lowest = Math.min(...rows.map((r) => r.achievement!));
    const sources = rows.map((r) => `${tab} row ${r.row}`);
    return {
      area: {
        ref,
        part: 'Delivery',
        heading: theme,
        partnership: null,
        sources,
        lowestPercent: achScale ? percentOf(achScale, lowest) : 0,
        causes: ['not achieved'],
        planned: true,
      },
      order,
      dividedCount: 0,
      declinedCount: 0,
      row: {
        ref,
        part: 'Delivery',
        heading: theme,
        sourceItems: rows.length === 1 ? `${tab} row ${rows[0]!.row}` : `${tab} rows ${rows.map((r) => r.row).join(', ')}`,
        action: text,
        ...blankTail(dates),
      },
      weak: rows.map((r) => ({ id: `${tab} row ${r.row}`, text: r.label, partnership: null, area: theme, why: achieved(r.achievement!) })),
      agreedKey: `theme:${nameKey(theme)}`,
    } satisfies Candidate;
  });
}

function riskCandidates(framework: Framework, reg: RegisterResults, dates: Dates, o: O): Candidate[] {
  const tab = framework.register?.tab ?? 'Register';
  const red = reg.rows.filter((r) => r.rating === 'red');
  return byTheme(
    red,
    reg.risks.map((t) => t.theme),
  ).map(({ theme, rows }, order) => {
    const list = rows.slice(0, o.weakestNamed).map((r) => {
      const what = r.label ? `“${shorten(r.label, o.quoteLength)}”` : `the risk on ${tab} row ${r.row}`;
      const how =
        r.ratingFrom === 'likelihood × impact'
          ? ` (likelihood ${formatNumber(r.likelihood!)} × impact ${formatNumber(r.impact!)} = ${formatNumber(r.likelihood! * r.impact!)})`
          : '';
      return `${what}${how}`;
    });
    const more = rows.length > o.weakestNamed ? ` and ${rows.length - o.weakestNamed} more listed in Source items` : '';
    const text = `Reduce the red ${rows.length === 1 ? 'risk' : 'risks'} under ${theme}: ${listText(list)}${more}. Agree the actions that will bring ${rows.length === 1 ? 'it' : 'each'} to amber or green, who owns each, and review the rating.`;
    const ref = `Risk – ${theme}`;
    return {
      area: {
        ref,
        part: 'Partnership',
        heading: `Risk – ${theme}`,
        partnership: null,
        sources: rows.map((r) => `${tab} row ${r.row}`),
        lowestPercent: 0,
        causes: ['red risk'],
        planned: true,
      },
      order,
      dividedCount: 0,
      declinedCount: 0,
      row: {
        ref,
        part: 'Partnership',
        heading: `Risk – ${theme}`,
        sourceItems: rows.length === 1 ? `${tab} row ${rows[0]!.row}` : `${tab} rows ${rows.map((r) => r.row).join(', ')}`,
        action: text,
        ...blankTail(dates),
      },
      weak: rows.map((r) => ({ id: `${tab} row ${r.row}`, text: r.label, partnership: null, area: `Risk – ${theme}`, why: 'Red risk' })),
      agreedKey: `risk:${nameKey(theme)}`,
    } satisfies Candidate;
  });
}

/** Rank: lowest percent first, then more divided, then more declined, then framework order; register areas after
 *  questionnaire areas of the same percent. */
export function rankAreas<T extends { area: { lowestPercent: number }; dividedCount: number; declinedCount: number; order: number }>(
  c: T[],
): T[] {
  return c
    .map((x, i) => ({ x, i }))
    .sort(
      (a, b) =>
        a.x.area.lowestPercent - b.x.area.lowestPercent ||
        b.x.dividedCount - a.x.dividedCount ||
        b.x.declinedCount - a.x.declinedCount ||
        a.x.order - b.x.order ||
        a.i - b.i,
    )
    .map((p) => p.x);
}

/**
 * Stage 2 of the delivery review (seed 004 annex A, d: "Identify key actions to meet outstanding targets and the
 * support needed to implement them"): each tracker row whose key actions or support needed the champions filled in
 * becomes a plan row, the key actions as the Action and the support as Support needed, word for word, after the
 * theme review's agreed action and ahead of the drafted action for the theme. A row with support needed but no key
 * actions gets a drafted action asking for them (the support stays word for word). Refs name the theme and the
 * row's issue (its sheet row only when the issue is blank or repeated in the theme), so inserting rows above does
 * not make a new plan row.
 */
function championRows(framework: Framework, reg: RegisterResults, dates: Dates): { key: string; order: number; row: ImprovementAction }[] {
  const tab = framework.register?.tab ?? 'Register';
  const themes = framework.register?.groups ?? [];
  const given = reg.rows.filter((r) => r.keyActions.trim() !== '' || r.supportNeeded.trim() !== '');
  const seen = new Map<string, number>();
  for (const r of given) {
    const k = `${nameKey(r.theme)}|${nameKey(r.label)}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return given.map((r, i) => {
    const unique = r.label.trim() !== '' && seen.get(`${nameKey(r.theme)}|${nameKey(r.label)}`) === 1;
    const which = unique ? `“${shorten(r.label, 60)}”` : `${tab} row ${r.row}`;
    const pos = themes.findIndex((t) => nameKey(t) === nameKey(r.theme));
    return {
      key: `theme:${nameKey(r.theme)}`,
      order: (pos >= 0 ? pos : themes.length) * 100_000 + 50_000 + i,
      row: {
        ref: `${r.theme} – key actions agreed with the champions, ${which}`,
        part: 'Delivery',
        heading: r.theme,
        sourceItems: `${tab} row ${r.row}`,
        action:
          r.keyActions.trim() !== ''
            ? r.keyActions
            : `Agree the key actions for ${r.label ? `“${shorten(r.label, 160)}”` : `${tab} row ${r.row}`}: the champions named the support needed but no action yet.`,
        ...blankTail(dates),
        supportNeeded: r.supportNeeded,
      },
    };
  });
}

/** Agreed actions, word for word: Theme Review "Action for Improvement" (per theme) and Workshop Notes areas. */
function agreedRows(
  framework: Framework,
  data: ReviewData,
  reg: RegisterResults,
  dates: Dates,
): { key: string; order: number; row: ImprovementAction }[] {
  const out: { key: string; order: number; row: ImprovementAction }[] = [];
  const gs = framework.register?.groupSummary;
  if (gs && gs.columns.some((c) => c.id === 'action')) {
    const themes = framework.register!.groups;
    data.groupSummaries.forEach((g, i) => {
      const action = g.cells['action']?.value;
      if (isBlank(action) || nameKey(g.group) === '') return;
      const theme = g.group.trim();
      const pos = themes.findIndex((t) => nameKey(t) === nameKey(theme));
      out.push({
        key: `theme:${nameKey(theme)}`,
        // by theme, then the theme review's action before the champions' rows of the same theme
        order: (pos >= 0 ? pos : themes.length) * 100_000 + i,
        row: {
          ref: `${theme} – action agreed at the theme review`,
          part: 'Delivery',
          heading: theme,
          sourceItems: `${gs.tab} row ${g.at.row}`,
          action: String(action),
          ...blankTail(dates),
        },
      });
    });
  }
  out.push(...championRows(framework, reg, dates));
  if (framework.sectionFreeText.includes('areasForImprovement')) {
    const byId = new Map(data.sectionFreeText.map((n) => [n.sectionId, n]));
    framework.sections.forEach((section, order) => {
      const n = byId.get(section.id);
      if (!n || n.areasForImprovement.trim() === '') return;
      const name = areaName(framework, section);
      out.push({
        key: `section:${section.id}`,
        order,
        row: {
          ref: `${name} – agreed at the workshop`,
          part: 'Partnership',
          heading: section.title,
          sourceItems: `Workshop Notes, ${name}`,
          action: n.areasForImprovement,
          ...blankTail(dates),
        },
      });
    });
  }
  return out;
}

/**
 * The drafted plan for a review: rows (agreed, then drafted by priority), the ranked areas and what was left out.
 * `report` is the whole-review score report; `registerResults` the register's results, or null.
 * `today` is ISO YYYY-MM-DD.
 */
export function draftPlan(
  framework: Framework,
  report: ScoreReport,
  data: ReviewData,
  registerResults: RegisterResults | null,
  today: string,
  opts: DraftOptions = {},
): DraftResult {
  const o: O = {
    ...DEFAULT_DRAFT_OPTIONS,
    ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)),
    comparison: opts.comparison ?? null,
    previousCycle: opts.previousCycle ?? null,
  };
  const cap = Math.max(0, Math.floor(o.maxAreas));
  const dates = { target: addMonths(today, o.targetMonths), progress: addMonths(today, o.progressMonths) };
  const reg = registerResults ?? { tracker: [], risks: [], rows: [] };
  const groups =
    framework.sections.length > 0 ? questionnaireCandidates(framework, report, data, dates, o) : new Map<string | null, Candidate[]>();
  // register areas belong to the whole review
  const whole = [
    ...(groups.get(null) ?? []),
    ...trackerCandidates(framework, reg, data, dates, o),
    ...riskCandidates(framework, reg, dates, o).map((c) => ({ ...c, order: c.order + 1000 })),
  ];
  if (whole.length > 0 || !groups.has(null)) groups.set(null, whole);
  if (whole.length === 0 && groups.size > 1) groups.delete(null);

  const planned: Candidate[] = [];
  const left: Candidate[] = [];
  for (const list of groups.values()) {
    const ranked = rankAreas(list);
    ranked.forEach((c, i) => (i < cap ? planned : left).push(c));
  }
  for (const c of left) c.area.planned = false;
  const rankedPlanned = rankAreas(planned);

  const agreed = agreedRows(framework, data, reg, dates);
  const usedAgreed = new Set<number>();
  const rows: ImprovementAction[] = [];
  for (const c of rankedPlanned) {
    agreed.forEach((a, i) => {
      if (a.key === c.agreedKey && !usedAgreed.has(i)) {
        rows.push(a.row);
        usedAgreed.add(i);
      }
    });
    rows.push(c.row);
  }
  agreed
    .map((a, i) => ({ a, i }))
    .filter((x) => !usedAgreed.has(x.i))
    .sort((x, y) => x.a.order - y.a.order || x.i - y.i)
    .forEach((x) => rows.push(x.a.row));

  // what has no row: weak items of areas left out, and whole-review areas for improvement no row cites
  const alsoWeak: AlsoWeak[] = rankAreas(left).flatMap((c) => c.weak);
  if (framework.multiplePartnerships && framework.sections.length > 0 && !groups.has(null)) {
    const cited = new Set(rankedPlanned.flatMap((c) => c.area.sources));
    const listed = new Set(alsoWeak.map((w) => w.id));
    const scores = new Map(report.items.map((s) => [s.id, s]));
    for (const id of report.areasForImprovement) {
      if (cited.has(id) || listed.has(id)) continue;
      const section = framework.sections.find((s) => s.items.some((i) => i.id === id))!;
      const item = section.items.find((i) => i.id === id)!;
      alsoWeak.push({
        id,
        text: item.text,
        partnership: null,
        area: areaName(framework, section),
        why: weakWhy(scores.get(id)!, scaleMax(scaleForItem(framework, item))),
      });
    }
  }
  return { rows, areas: [...rankedPlanned, ...rankAreas(left)].map((c) => c.area), alsoWeak, maxAreas: cap };
}

/** The rows of `draftPlan`. */
export function draftActions(
  framework: Framework,
  report: ScoreReport,
  data: ReviewData,
  registerResults: RegisterResults | null,
  today: string,
  opts: DraftOptions = {},
): ImprovementAction[] {
  return draftPlan(framework, report, data, registerResults, today, opts).rows;
}

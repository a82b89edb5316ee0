/**
 * The review report for the board, as content (issue #13): built from the summary model that `summarise --json`
 * prints and a few facts read from the same workbook. Pure: no I/O, no clock (the date is passed in).
 *
 * Numbers as people read them: means to 2 decimal places, percentages of the scale whole, RAG as a word. The
 * same rounding is used in every table and in the text, so a figure in the report equals the model's rounded
 * the one way (`mean2`, `percent0`). Person-facing words are en-GB; papers are cited by their own title and year.
 */
import type { Framework, Scale } from '../framework/schema.js';
import { allItems, findItem } from '../framework/describe.js';
import type { SummaryModel } from '../operations/types.js';
import { ragLabel } from '../scoring/rag.js';
import { TWO_STAGE_RULE, championChangeText } from '../scoring/register.js';
import { notScoredLabels } from '../scoring/scale.js';
import { achievedText } from '../plan/carry.js';
import type { ChangeRow, Rag } from '../scoring/types.js';
import type { ReportBlock, ReportContent, ReportInput } from './types.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-12-01" → "1 December 2026" (en-GB); anything else as given. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** A mean as the report prints it: 2 decimal places, or a dash when there is none. */
export function mean2(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  const r = Math.round(n * 100) / 100;
  return (Object.is(r, -0) ? 0 : r).toFixed(2);
}

/** A percentage of the scale, whole: "67%", or a dash. */
export function percent0(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return `${Math.round(n)}%`;
}

export function ragWord(r: Rag | null | undefined): string {
  return r ? ragLabel(r) : 'Not scored';
}

/** A change as the report prints it: "+0.25", "−0.50", or a dash. */
function delta2(n: number | null): string {
  if (n === null) return '–';
  const s = mean2(Math.abs(n));
  if (s === '0.00') return '0.00';
  return `${n > 0 ? '+' : '−'}${s}`;
}

const CHANGE_WORD: Record<ChangeRow['change'], string> = {
  improved: 'Improved',
  declined: 'Declined',
  unchanged: 'Unchanged',
  new: 'New this time',
  'not scored': 'Not scored this time',
};

function itemLabel(framework: Framework, id: string): string {
  const found = findItem(framework, id);
  if (!found) return id;
  const { text, guidance } = found.item;
  // an item named only by its id (the partnership tree's ASPIRE … DELIVER) is described by its guidance
  if (text.trim().toLowerCase() === id.toLowerCase()) return guidance ? `${id}: ${guidance}` : id;
  return `${id} ${text}`;
}

function sectionTitle(summary: SummaryModel, id: string): string {
  return summary.sections.find((s) => s.id === id)?.title ?? id;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listAnd(xs: string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

function scalesUsed(framework: Framework): Scale[] {
  const ids = new Set<string>();
  for (const { item } of allItems(framework)) if (item.fields.includes('score')) ids.add(item.scale ?? framework.defaultScale);
  for (const c of [...(framework.register?.columns ?? []), ...(framework.register?.groupSummary?.columns ?? [])])
    if (c.type === 'score' && c.scale) ids.add(c.scale);
  return framework.scales.filter((s) => ids.has(s.id));
}

/** The scale the headline chart's axis runs over: the default scale, or the widest used. */
function chartScale(framework: Framework): { min: number; max: number } {
  const scales = scalesUsed(framework);
  const pick = scales.find((s) => s.id === framework.defaultScale) ?? scales[0] ?? framework.scales[0]!;
  return { min: pick.points[0]!.value, max: pick.points[pick.points.length - 1]!.value };
}

function headline(input: ReportInput): ReportBlock[] {
  const { summary, facts } = input;
  const out: ReportBlock[] = [{ kind: 'heading', level: 1, text: 'Headline results' }];
  const scored = summary.sections.filter((s) => s.mean !== null);
  out.push({
    kind: 'paragraph',
    text:
      summary.overall.mean === null
        ? `${plural(summary.respondents, 'person', 'people')} responded; no item has a score yet.`
        : `${plural(summary.respondents, 'person', 'people')} responded. The overall mean score is ${mean2(summary.overall.mean)}, ${percent0(summary.overall.percent)} of the way up the scale: ${ragWord(summary.overall.rag)}.`,
  });
  out.push({
    kind: 'table',
    caption: 'Overall and section scores',
    header: ['Section', 'Mean score', 'Per cent of scale', 'RAG'],
    rows: [
      ...summary.sections.map((s) => [s.title, mean2(s.mean), percent0(s.percent), ragWord(s.rag)]),
      ['Overall', mean2(summary.overall.mean), percent0(summary.overall.percent), ragWord(summary.overall.rag)],
    ],
    widths: [52, 16, 16, 16],
  });
  if (scored.length > 0) {
    const { min, max } = chartScale(facts.framework);
    out.push({
      kind: 'chart',
      title: 'Mean score by section',
      alt: `Bar chart of the mean score of each section on a scale of ${min} to ${max}: ${scored.map((s) => `${s.title} ${mean2(s.mean)}`).join('; ')}.`,
      categories: summary.sections.map((s) => s.title),
      series: [{ name: 'Mean score', values: summary.sections.map((s) => s.mean) }],
      rag: summary.sections.map((s) => s.rag),
      min,
      max,
      axisTitle: 'Mean score',
    });
  }
  return out;
}

/** What people wrote about an item, by the score they gave, the same words said by several people once with a count. */
function commentLines(input: ReportInput, itemId: string): string[] {
  const c = input.facts.comments.find((x) => x.itemId === itemId);
  if (!c) return [];
  const out: string[] = [];
  for (const g of c.groups) {
    const counts = new Map<string, { text: string; n: number }>();
    for (const raw of g.comments) {
      const text = raw.replace(/\s+/g, ' ').trim();
      if (text === '') continue;
      const e = counts.get(text.toLowerCase()) ?? { text, n: 0 };
      e.n += 1;
      counts.set(text.toLowerCase(), e);
    }
    for (const { text, n } of counts.values()) {
      const said = n > 1 ? `, ${n} people` : '';
      out.push(g.score === 'other' ? `${text} (no score given${said})` : `${text} (score ${g.score}${said})`);
    }
  }
  return out;
}

function strengthsAndAreas(input: ReportInput): ReportBlock[] {
  const { summary, facts } = input;
  const fw = facts.framework;
  const itemById = new Map(summary.items.map((i) => [i.id, i]));
  const out: ReportBlock[] = [{ kind: 'heading', level: 1, text: 'Strengths' }];
  if (summary.strengths.length === 0)
    out.push({ kind: 'paragraph', text: 'No item is green with people agreeing about it, so no strength is listed this time.' });
  else
    out.push({
      kind: 'table',
      caption: 'Strengths',
      header: ['Item', 'Mean score', 'RAG'],
      rows: summary.strengths.map((id) => [itemLabel(fw, id), mean2(itemById.get(id)?.mean), ragWord(itemById.get(id)?.rag)]),
      widths: [70, 15, 15],
    });
  out.push({ kind: 'heading', level: 1, text: 'Areas for improvement' });
  if (summary.areasForImprovement.length === 0) {
    out.push({ kind: 'paragraph', text: 'No item is red, amber or divided this time.' });
    return out;
  }
  out.push({
    kind: 'paragraph',
    text: 'Items scored red or amber, or on which people were divided (their scores far apart), lowest first, with what people wrote about them.',
  });
  for (const id of summary.areasForImprovement) {
    const it = itemById.get(id);
    out.push({ kind: 'heading', level: 2, text: itemLabel(fw, id) });
    const bits = [`Mean score ${mean2(it?.mean)} (${ragWord(it?.rag)})`];
    if (it?.divided) bits.push('opinion divided');
    bits.push(`${plural(it?.n ?? 0, 'score')}`);
    out.push({ kind: 'paragraph', text: `${bits.join('; ')}.` });
    const comments = commentLines(input, id);
    if (comments.length > 0) out.push({ kind: 'bullets', items: comments });
  }
  return out;
}

function sideBySide(input: ReportInput): ReportBlock[] {
  const { summary } = input;
  if (!summary.partnerships) return [];
  const names = Object.keys(summary.partnerships);
  if (names.length < 2) return [];
  const out: ReportBlock[] = [{ kind: 'heading', level: 1, text: 'Partnerships side by side' }];
  out.push({ kind: 'paragraph', text: `The mean score and RAG of each section for ${listAnd(names)}.` });
  const cell = (x: { mean: number | null; rag: Rag | null } | undefined) =>
    x && x.mean !== null ? `${mean2(x.mean)} ${ragWord(x.rag)}` : '–';
  const rows = summary.sections.map((s) => [
    s.title,
    ...names.map((p) => cell(summary.partnerships![p]!.sections.find((x) => x.id === s.id))),
  ]);
  rows.push(['Overall', ...names.map((p) => cell(summary.partnerships![p]!.overall))]);
  out.push({
    kind: 'table',
    caption: 'Partnerships side by side: mean score and RAG',
    header: ['Section', ...names],
    rows,
    widths: [34, ...names.map(() => 66 / names.length)],
  });
  return out;
}

function change(input: ReportInput): ReportBlock[] {
  const { summary, facts } = input;
  if (!summary.comparison) return [];
  const since = facts.previousCycle ? `the last review (${facts.previousCycle})` : 'the last review';
  const out: ReportBlock[] = [{ kind: 'heading', level: 1, text: 'Change since the last review' }];
  const counts = (rows: ChangeRow[]) =>
    (['improved', 'declined', 'unchanged'] as const).map((k) => `${rows.filter((r) => r.change === k).length} ${k}`).join(', ');
  const o = summary.comparison.overall;
  const overall =
    o.previous !== null && o.current !== null
      ? ` Overall mean: ${mean2(o.previous)} then, ${mean2(o.current)} now (${CHANGE_WORD[o.change].toLowerCase()}).`
      : '';
  const share = summary.comparison.thresholdFraction;
  const rule =
    share > 0
      ? ` A mean counts as improved or declined only when it moved by at least ${Math.round(share * 1000) / 10}% of its scale's range.`
      : '';
  out.push({ kind: 'paragraph', text: `Compared with ${since}: of the items, ${counts(summary.comparison.items)}.${overall}${rule}` });
  out.push({
    kind: 'table',
    caption: 'Change by section',
    header: ['Section', 'Last review', 'This review', 'Change', ''],
    rows: summary.comparison.sections.map((r) => [
      sectionTitle(summary, r.id),
      mean2(r.previous),
      mean2(r.current),
      delta2(r.delta),
      CHANGE_WORD[r.change],
    ]),
    widths: [44, 14, 14, 12, 16],
  });
  const moved = summary.comparison.items.filter((r) => r.change === 'improved' || r.change === 'declined');
  if (moved.length > 0)
    out.push({
      kind: 'table',
      caption: 'Items that changed',
      header: ['Item', 'Last review', 'This review', 'Change'],
      rows: moved.map((r) => [itemLabel(facts.framework, r.id), mean2(r.previous), mean2(r.current), delta2(r.delta)]),
      widths: [58, 14, 14, 14],
    });
  return out;
}

function registerResults(input: ReportInput): ReportBlock[] {
  const { summary, facts } = input;
  const out: ReportBlock[] = [];
  const label = facts.framework.register?.groupLabel ?? 'Theme';
  if (summary.tracker && summary.tracker.length > 0) {
    out.push({ kind: 'heading', level: 1, text: 'Delivery results' });
    out.push({
      kind: 'paragraph',
      text: `Progress recorded on the ${facts.framework.register?.tab ?? 'register'}, by ${label.toLowerCase()}.`,
    });
    const stages = summary.trackerRows !== undefined;
    out.push({
      kind: 'table',
      caption: 'Delivery results',
      header: [
        label,
        'Rows',
        'Scored',
        'Mean achievement',
        'Share achieved',
        'Rows with low appropriateness',
        ...(stages ? ['Confirmed by champions', 'Changed by champions'] : []),
      ],
      rows: summary.tracker.map((t) => [
        t.theme,
        String(t.rows),
        String(t.scored),
        mean2(t.meanAchievement),
        percent0(t.shareAchieved === null ? null : t.shareAchieved * 100),
        String(t.lowAppropriatenessRows.length),
        ...(stages ? [String(t.confirmed), String(t.changed)] : []),
      ]),
      widths: stages ? [22, 7, 8, 13, 11, 13, 13, 13] : [26, 9, 9, 16, 14, 26],
    });
    if (stages) {
      out.push({ kind: 'paragraph', text: TWO_STAGE_RULE, style: 'note' });
      const changed = (summary.trackerRows ?? []).filter((r) => r.changed);
      out.push({ kind: 'heading', level: 2, text: "Where the champions changed the co-ordinator's score" });
      if (changed.length === 0)
        out.push({
          kind: 'paragraph',
          text: (summary.trackerRows ?? []).some((r) => r.confirmed !== null)
            ? "None: where the champions gave a score, it is the co-ordinator's."
            : "None yet: no champions' confirmed score is given.",
        });
      else
        out.push({
          kind: 'table',
          caption: "Where the champions changed the co-ordinator's score",
          header: ['Row', 'Issue', label, 'Change', 'Why not met'],
          rows: changed.map((r) => [String(r.row), r.label, r.theme, championChangeText(r), r.whyNotMet]),
          widths: [7, 30, 15, 20, 28],
        });
    }
  }
  if (summary.risks && summary.risks.length > 0) {
    out.push({ kind: 'heading', level: 1, text: 'Risk results' });
    out.push({ kind: 'paragraph', text: `Risks recorded on the ${facts.framework.register?.tab ?? 'register'}, counted by RAG rating.` });
    out.push({
      kind: 'table',
      caption: 'Risk results',
      header: [label, 'Red', 'Amber', 'Green', 'Not rated'],
      rows: summary.risks.map((r) => [r.theme, String(r.red), String(r.amber), String(r.green), String(r.unrated)]),
      widths: [40, 15, 15, 15, 15],
    });
  }
  if (summary.themes) {
    const entries = Object.entries(summary.themes.counts);
    if (entries.length > 0) {
      out.push({ kind: 'heading', level: 1, text: 'Themes in the answers' });
      out.push({
        kind: 'table',
        caption: 'Themes in the answers',
        header: ['Theme', 'Answers tagged'],
        rows: entries.map(([t, n]) => [t, String(n)]),
        widths: [75, 25],
      });
    }
  }
  return out;
}

/** A tracker's or risk register's change since the last review, by theme (issue #16). */
function registerChange(input: ReportInput): ReportBlock[] {
  const { summary, facts } = input;
  const cmp = summary.registerComparison;
  if (!cmp) return [];
  const since = facts.previousCycle ? `the last review (${facts.previousCycle})` : 'the last review';
  const label = facts.framework.register?.groupLabel ?? 'Theme';
  const what = cmp.kind === 'tracker' ? 'mean achievement' : 'mean risk level';
  const counts = (['improved', 'declined', 'unchanged'] as const)
    .map((k) => `${cmp.themes.filter((r) => r.change === k).length} ${k}`)
    .join(', ');
  const o = cmp.overall;
  const overall =
    o.previous !== null && o.current !== null
      ? ` Over every row: ${mean2(o.previous)} then, ${mean2(o.current)} now (${CHANGE_WORD[o.change].toLowerCase()}).`
      : '';
  const basis =
    cmp.kind === 'tracker'
      ? ' Achievement is scored 5 (achieved) to 1 (not achieved); higher is better.'
      : ' Each rated risk counts Green 1, Amber 2, Red 3; lower is better, so a fall counts as improved.';
  return [
    { kind: 'heading', level: 1, text: 'Change since the last review' },
    { kind: 'paragraph', text: `Compared with ${since}, by ${label.toLowerCase()} (${what}): ${counts}.${overall}${basis}` },
    {
      kind: 'table',
      caption: `Change by ${label.toLowerCase()}`,
      header: [label, 'Last review', 'This review', 'Change', ''],
      rows: cmp.themes.map((r) => [r.id, mean2(r.previous), mean2(r.current), delta2(r.delta), CHANGE_WORD[r.change]]),
      widths: [44, 14, 14, 12, 16],
    },
  ];
}

/** Last cycle's actions and which were achieved (issue #16; the 2004 paper: "noting which target actions have been achieved"). */
function carried(input: ReportInput): ReportBlock[] {
  const c = input.summary.carried;
  if (!c) return [];
  const from = c.from.length ? ` (${listAnd(c.from)})` : '';
  const achieved = c.rows.filter((r) => r.achieved === 'achieved');
  const out: ReportBlock[] = [
    { kind: 'heading', level: 1, text: `Last cycle's actions${from}` },
    {
      kind: 'paragraph',
      text: `${plural(c.rows.length, 'action')} came forward from last cycle's improvement plan: ${c.achieved} achieved, ${c.partly} partly achieved, ${c.notAchieved} not achieved and ${c.notAssessed} not yet judged. ${plural(c.open, 'action')} ${c.open === 1 ? 'stays' : 'stay'} open in this cycle's plan.`,
    },
  ];
  if (achieved.length > 0)
    out.push({ kind: 'bullets', items: achieved.map((r) => `Achieved: ${r.action || r.ref}${r.heading ? ` (${r.heading})` : ''}`) });
  out.push({
    kind: 'table',
    caption: "Last cycle's actions",
    header: ['Action', 'Theme/criterion', 'Achieved?', 'Carried forward'],
    rows: c.rows.map((r) => [
      r.action || r.ref,
      r.heading,
      achievedText(r.achieved) || 'Not yet judged',
      r.carryForward === true ? 'Yes' : r.carryForward === false ? 'No' : r.open ? 'Not decided (open)' : 'No (achieved)',
    ]),
    widths: [52, 18, 15, 15],
  });
  return out;
}

function plan(input: ReportInput): ReportBlock[] {
  const { summary } = input;
  const out: ReportBlock[] = [{ kind: 'heading', level: 1, text: 'Improvement plan' }];
  if (summary.plan.length > 0) out.unshift({ kind: 'orientation', orientation: 'landscape' });
  if (summary.plan.length === 0) {
    out.push({ kind: 'paragraph', text: 'The improvement plan has no actions yet.' });
    return out;
  }
  out.push({ kind: 'paragraph', text: `${plural(summary.plan.length, 'action')}, as on the Improvement Plan tab of the workbook.` });
  out.push({
    kind: 'table',
    caption: 'Improvement plan',
    header: ['Heading', 'Action', 'Key contact', 'Lead agency', 'Date', 'Status'],
    rows: summary.plan.map((r) => [r.heading, r.action, r.keyContact, r.leadAgency, r.date ? shortDate(r.date) : '', r.status]),
    widths: [14, 48, 11, 11, 8, 8],
  });
  out.push({ kind: 'orientation', orientation: 'portrait' });
  return out;
}

/** "2026-12-01" → "01/12/2026", as the workbook shows dates. */
export function shortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The framework's own notes call the source paper "the seed"; a reader of the report knows it as the source paper. */
export function paperWords(text: string): string {
  return text
    .replace(/\b(t|T)he seed's\b/g, (_m, t: string) => `${t}he source paper's`)
    .replace(/\b(t|T)he seeds\b/g, (_m, t: string) => `${t}he source papers`)
    .replace(/\b(t|T)he seed\b/g, (_m, t: string) => `${t}he source paper`)
    .replace(/\bseeds\b/g, 'source papers')
    .replace(/\bseed\b/g, 'source paper')
    .replace(/\bSeed\b/g, 'Source paper');
}

function method(input: ReportInput): ReportBlock[] {
  const { summary, facts } = input;
  const fw = facts.framework;
  const out: ReportBlock[] = [{ kind: 'heading', level: 1, text: 'Appendix: method' }];
  out.push({ kind: 'heading', level: 2, text: 'Who responded' });
  if (fw.sections.length > 0) {
    out.push({
      kind: 'paragraph',
      text: `${plural(summary.respondents, 'person', 'people')} gave at least one answer, counted here by organisation.`,
    });
    if (facts.byOrganisation.length > 0)
      out.push({
        kind: 'table',
        caption: 'Respondents by organisation',
        header: ['Organisation', 'Respondents'],
        rows: facts.byOrganisation.map((o) => [o.organisation, String(o.respondents)]),
        widths: [75, 25],
      });
  } else {
    out.push({
      kind: 'paragraph',
      text: `This review is recorded on the ${fw.register?.tab ?? 'register'} rather than by individual respondents.`,
    });
  }
  const scales = scalesUsed(fw);
  if (scales.length > 0) {
    out.push({ kind: 'heading', level: 2, text: 'The scale' });
    for (const s of scales) {
      out.push({
        kind: 'table',
        caption: scales.length > 1 ? `Scale ${s.id}` : 'The scale',
        header: ['Score', 'Meaning'],
        rows: s.points.map((p) => [String(p.value), p.label]),
        widths: [20, 80],
      });
      out.push({
        kind: 'paragraph',
        text: `${listAnd(notScoredLabels(s))} may be given instead of a score; they are not scored and count as missing.`,
      });
      if (s.isDefault)
        out.push({
          kind: 'paragraph',
          text: 'The source paper gives no scale; this one is the review’s own choice and can be changed.',
          style: 'note',
        });
    }
  }
  out.push({ kind: 'heading', level: 2, text: 'How the scores were worked out' });
  const pct = (n: number) => `${Math.round(n * 100) / 100}%`;
  out.push({
    kind: 'bullets',
    items: [
      'An item’s mean is the average of the scores given for it; blanks and answers such as “Don’t know” are left out.',
      'A section’s mean is the average of its items’ means, and the overall mean the average of the sections’, each weighted as the framework sets out.',
      'Per cent of scale is how far the mean is from the lowest to the highest score of the scale.',
      `RAG: Green at ${pct(fw.rag.green)} of the scale or more, Amber from ${pct(fw.rag.amber)}, Red below ${pct(fw.rag.amber)}.`,
      `Opinion is “divided” on an item when at least two people scored it and their scores are at least ${pct(fw.dividedFraction * 100)} of the scale apart.`,
      'Strengths are green items on which opinion is not divided, highest first; areas for improvement are red, amber or divided items, lowest first.',
    ],
  });
  out.push({ kind: 'heading', level: 2, text: 'Where the source paper is silent' });
  if (fw.silences.length > 0) {
    out.push({ kind: 'paragraph', text: `${fw.source.reference} does not settle the following; this review assumed:` });
    out.push({ kind: 'bullets', items: fw.silences.map(paperWords) });
  } else {
    out.push({ kind: 'paragraph', text: `This review follows ${fw.source.reference} and assumed nothing beyond it.` });
  }
  return out;
}

/** "Review report 2026-27.docx": the cycle, with the characters a file name cannot hold replaced. */
export function reportFileName(cycle: string): string {
  const c = cycle.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim();
  return `Review report${c ? ` ${c}` : ''}.docx`;
}

export function buildReportContent(input: ReportInput): ReportContent {
  const { summary, facts } = input;
  const fw = facts.framework;
  const titlePage: ReportContent['titlePage'] = [];
  if (facts.partnerships.length > 0)
    titlePage.push({ label: facts.partnerships.length > 1 ? 'Partnerships' : 'Partnership', value: listAnd(facts.partnerships) });
  titlePage.push({ label: 'Review cycle', value: summary.cycle || 'Not given' });
  titlePage.push({ label: 'Date', value: longDate(facts.today) });
  titlePage.push({ label: 'Framework', value: fw.title });
  titlePage.push({ label: 'Source paper', value: paperWords(fw.source.reference) });
  const blocks: ReportBlock[] = [];
  if (fw.sections.length > 0) {
    blocks.push(...headline(input), ...strengthsAndAreas(input), ...sideBySide(input), ...change(input));
  }
  blocks.push(...registerResults(input), ...registerChange(input), ...carried(input), ...plan(input), ...method(input));
  return { language: 'en-GB', title: `${fw.title}: review report`, titlePage, blocks };
}

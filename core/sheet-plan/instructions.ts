/**
 * The Instructions tab: purpose, what each score means, how to fill in (in the seed's words where the framework has
 * them), which tabs people type in, and the choices made where the source paper is silent.
 */
import type { Framework, Scale } from '../framework/schema.js';
import { STYLE, val } from './cells.js';
import { TAB, formatNumber, scoredItems, scaleOf } from './layout.js';
import { block, newTab, setWidth } from './tab.js';
import { isNumberLabel, notScoredLabels } from '../scoring/scale.js';
import { areaWord, DEFAULT_DRAFT_OPTIONS, DEFAULT_MAX_AREAS } from '../plan/draft.js';
import { SETTINGS_LABELS } from './settings.js';
import { CONFIRMED_COLUMN_ID, KEY_ACTIONS_COLUMN_ID } from '../scoring/register.js';
import type { PlanCell, TabPlan } from './types.js';
import { settlePrint } from './print.js';

export interface InstructionsOptions {
  cycle: string;
  /** tab names that people type in and that the add-in rewrites, in workbook order */
  inputTabs: string[];
  generatedTabs: string[];
  protect?: boolean;
}

type Line = { text: string; style?: 'title' | 'heading' | 'note' };

function scalesInUse(framework: Framework): Scale[] {
  const ids = new Set<string>();
  for (const { item } of scoredItems(framework)) ids.add(scaleOf(framework, item).id);
  for (const c of framework.register?.columns ?? []) if (c.type === 'score' && c.scale) ids.add(c.scale);
  for (const c of framework.register?.groupSummary?.columns ?? []) if (c.type === 'score' && c.scale) ids.add(c.scale);
  return framework.scales.filter((s) => ids.has(s.id));
}

/** What people call a scale: the header of the column scored on it ("Achievement Score"), else its id in words. */
function scaleName(framework: Framework, scale: Scale): string {
  const cols = [...(framework.register?.columns ?? []), ...(framework.register?.groupSummary?.columns ?? [])].filter(
    (c) => c.type === 'score' && c.scale === scale.id,
  );
  // the delivery tracker's two stages score on one scale: "Co-ordinator's Achievement Score and Champions' Confirmed Score"
  if (cols.length > 0) return cols.map((c) => c.header).join(' and ');
  const words = scale.id
    .replace(/[-_.]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} scale`;
}

function scaleLines(framework: Framework): Line[] {
  const out: Line[] = [];
  const scales = scalesInUse(framework);
  if (scales.length === 0) return out;
  out.push({ text: 'What each score means', style: 'heading' });
  for (const scale of scales) {
    if (scales.length > 1) out.push({ text: `${scaleName(framework, scale)}:` });
    const named = scale.points.filter((p) => !isNumberLabel(p));
    const lo = formatNumber(scale.points[0]!.value);
    const hi = formatNumber(scale.points[scale.points.length - 1]!.value);
    if (named.length === 0)
      out.push({ text: `${lo} to ${hi}: the source paper gives the numbers only, with no words for each; a higher score is better.` });
    else {
      for (const p of [...scale.points].reverse())
        out.push({
          text: isNumberLabel(p)
            ? `${formatNumber(p.value)}: no words of its own in the source paper`
            : `${formatNumber(p.value)} = ${p.label}`,
        });
    }
    out.push({ text: `${notScoredLabels(scale).join(', ')}: allowed, but not scored (counted as missing).` });
    out.push({ text: 'You can pick from the dropdown, type the number, or type the label (capitals and spaces do not matter).' });
    if (scale.isDefault)
      out.push({
        text: 'This scale is a default chosen by Partnership Review because the source paper gives none; it can be changed.',
        style: 'note',
      });
    if (scale.note) out.push({ text: scale.note, style: 'note' });
  }
  // the mean-based colours and "divided" apply to scored questions only: a register's Summary uses neither
  if (framework.sections.length === 0) return out;
  const pct = (n: number) => `${formatNumber(n)}%`;
  out.push({
    text: `Colours on the Summary: Green when an item's mean is at least ${pct(framework.rag.green)} of the way up the scale, Amber from ${pct(framework.rag.amber)}, Red below ${pct(framework.rag.amber)}.`,
  });
  out.push({
    text: `"Divided" marks an item where at least two people scored it and their scores are at least ${formatNumber(framework.dividedFraction * 100)}% of the scale apart: worth talking through rather than averaging.`,
  });
  return out;
}

function howToFill(framework: Framework, opts: InstructionsOptions): Line[] {
  const out: Line[] = [{ text: 'How this workbook works', style: 'heading' }];
  for (const t of framework.howTo) out.push({ text: t });
  if (framework.sections.length > 0) {
    out.push({
      text: `On the ${TAB.entry} tab, use one row per respondent: type the name in the Respondent column, choose the partnership and give the organisation.`,
    });
    out.push({
      text: 'Give each item its score and, where there is a column for it, the comment, evidence or answer that goes with it. Leave a cell blank when there is nothing to say.',
    });
    out.push({
      text: 'Need more rows? Type below the last one: rows you add are read. Do not change the header rows or the hidden key row above the first respondent.',
    });
  }
  if (framework.sectionFreeText.length > 0 && framework.sections.length > 0) {
    out.push({
      text: `On the ${TAB.notes} tab, record the strengths and areas for improvement the group agreed for each ${framework.sections.length > 1 ? 'section' : 'item'}.`,
    });
  }
  if (framework.register) {
    out.push({
      text: `On the ${framework.register.tab} tab, use one row per entry and choose its ${framework.register.groupLabel.toLowerCase()} from the dropdown. Add rows below as needed.`,
    });
    if (framework.register.groupSummary)
      out.push({
        text: `On the ${framework.register.groupSummary.tab} tab, record the review of each ${framework.register.groupLabel.toLowerCase()}.`,
      });
  }
  out.push({
    text: `Then run Check to list anything to correct (each problem names its tab and cell), and Summarise to rebuild the ${TAB.summary} and ${TAB.plan} tabs.`,
  });
  out.push({
    text: `You type in: ${opts.inputTabs.join(', ')}. The add-in rewrites: ${opts.generatedTabs.join(', ')}. On the ${TAB.plan} tab everything you type or change is kept when it is rebuilt; only its "SMART check" and "Source status" columns are the add-in's.`,
  });
  out.push({ text: 'Dates are day/month/year (dd/mm/yyyy).' });
  return out;
}

/** What the framework says about its sections and columns that the entry tabs cannot show in full. */
function partsLines(framework: Framework): Line[] {
  const out: Line[] = [];
  const described = framework.sections.filter((s) => s.description);
  if (described.length > 0) {
    out.push({ text: 'The sections', style: 'heading' });
    for (const s of described) out.push({ text: `${s.title}: ${s.description!}` });
  }
  const reg = framework.register;
  const notes = [
    ...(reg?.columns ?? []).filter((c) => c.note).map((c) => ({ tab: reg!.tab, header: c.header, note: c.note! })),
    ...(reg?.groupSummary?.columns ?? [])
      .filter((c) => c.note)
      .map((c) => ({ tab: reg!.groupSummary!.tab, header: c.header, note: c.note! })),
  ];
  if (notes.length > 0) {
    out.push({ text: 'The columns', style: 'heading' });
    for (const n of notes) out.push({ text: `${n.tab}, ${n.header}: ${n.note}` });
  }
  return out;
}

/** Carrying last cycle's actions forward (issue #16, core/plan/carry.ts), in the words people read. */
export const CARRY_RULE = `Last cycle's actions: summarise with last cycle's workbook (or paste its plan rows and type last cycle in "Carried from") brings them in first, as people left them. "Achieved?" and "Carry forward?" are yours and stay blank until you choose; a row stays an open action until "Carry forward?" is No, or it is Achieved and "Carry forward?" is not Yes. Closed rows are noted on the ${TAB.summary}, not SMART-checked and not carried again.`;

/** How the Improvement Plan is drafted: the rules the add-in applies, where the paper leaves them to us. */
function planRules(framework: Framework): Line[] {
  const word = areaWord(framework);
  const per = framework.multiplePartnerships ? ' for each partnership' : '';
  const out: Line[] = [{ text: `How the ${TAB.plan} is drafted`, style: 'heading' }];
  const weak: string[] = [];
  if (framework.sections.length > 0) weak.push('holds an item that is red, amber or divided');
  const cols = framework.register?.columns ?? [];
  if (cols.some((c) => c.id === 'achievement'))
    weak.push(
      `has progress tracker rows with an achievement of ${DEFAULT_DRAFT_OPTIONS.lowAchievement} or less${cols.some((c) => c.id === CONFIRMED_COLUMN_ID) ? " (the champions' confirmed score where there is one, otherwise the co-ordinator's)" : ''}`,
    );
  if (cols.some((c) => c.type === 'rag')) weak.push('holds a red risk');
  out.push({
    text: `One action is drafted for each ${word} that ${weak.join(', or ')}${per}, naming its weakest items and the comments that explain them; the Source items column cites every weak item of that ${word}.`,
  });
  out.push({
    text: `The weakest come first (lowest score on its scale, then divided opinion, then a fall since the last review), and at most ${DEFAULT_MAX_AREAS}${per} are drafted: change "${SETTINGS_LABELS.planAreas}" on ${TAB.settings}. Weak items left out are listed on the ${TAB.summary} under "Also weak, not yet planned".`,
  });
  if (
    framework.register?.groupSummary?.columns.some((c) => c.id === 'action') ||
    framework.sectionFreeText.includes('areasForImprovement')
  ) {
    const champions = cols.some((c) => c.id === KEY_ACTIONS_COLUMN_ID)
      ? `, and the key actions and support needed the champions gave a row on the ${framework.register!.tab} tab`
      : '';
    const where = framework.register?.groupSummary
      ? `the Action for Improvement on the ${framework.register.groupSummary.tab} tab${champions}`
      : `the areas for improvement on the ${TAB.notes} tab`;
    out.push({
      text: `Actions the group agreed (${where}) become rows word for word, ahead of the drafted action for the same ${word}, and are never capped.`,
    });
  }
  out.push({
    text: `Dates are our defaults (the paper sets none): to be completed ${DEFAULT_DRAFT_OPTIONS.targetMonths} months and progress report ${DEFAULT_DRAFT_OPTIONS.progressMonths} months after the day the plan is drafted; the action text never repeats the date, so change the Date column freely.`,
  });
  out.push({
    text: 'The SMART check asks for an action, a key contact, a date to be completed that is not past, and something measurable (a number, a date, or a verb such as agree, publish, hold or review). It does not judge whether an action is achievable or resourced: that is for the group.',
  });
  out.push({ text: CARRY_RULE });
  return out;
}

export function buildInstructionsTab(framework: Framework, opts: InstructionsOptions, mode: TabPlan['mode'] = 'create'): TabPlan {
  const lines: Line[] = [
    { text: `Partnership Review: ${framework.title}`, style: 'title' },
    { text: `Review cycle: ${opts.cycle}` },
    { text: `Source: ${framework.source.reference}`, style: 'note' },
    { text: '' },
    { text: 'Purpose', style: 'heading' },
    { text: framework.description },
  ];
  if (framework.instructions.length > 0) {
    // only the paper's own words, quoted; the product's guidance is under "How this workbook works"
    lines.push({ text: '' }, { text: 'From the source paper', style: 'heading' });
    for (const p of framework.instructions) lines.push({ text: `“${p}”` });
  }
  const scales = scaleLines(framework);
  if (scales.length > 0) lines.push({ text: '' }, ...scales);
  lines.push({ text: '' }, ...howToFill(framework, opts));
  const parts = partsLines(framework);
  if (parts.length > 0) lines.push({ text: '' }, ...parts);
  lines.push({ text: '' }, ...planRules(framework));
  if (framework.silences.length > 0) {
    lines.push({ text: '' }, { text: 'Choices this workbook makes where the source paper is silent', style: 'heading' });
    for (const s of framework.silences) lines.push({ text: `• ${s}` });
  }

  const tab = newTab('Instructions', 'instructions', mode);
  tab.tabColour = '#4472C4';
  const cells: PlanCell[][] = lines.map((l) => [val(l.text === '' ? null : l.text)]);
  tab.blocks.push(block(1, 1, cells));
  tab.formats.push({ range: { row: 1, col: 1, rows: lines.length, cols: 1 }, format: { wrap: true, vAlign: 'top' } });
  lines.forEach((l, i) => {
    if (l.style)
      tab.formats.push({ range: { row: i + 1, col: 1, rows: 1, cols: 1 }, format: STYLE[l.style === 'note' ? 'note' : l.style] });
  });
  setWidth(tab, 1, 110);
  tab.print = { orientation: 'portrait', fitToWidth: true };
  settlePrint(tab);
  if (opts.protect) tab.protection = { protect: true, editable: [], description: 'Instructions written by Partnership Review.' };
  return tab;
}

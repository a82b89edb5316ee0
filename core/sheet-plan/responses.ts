/**
 * The Responses tab: one row per respondent, a column per item field.
 * Rows: 1 title, 2 sections (merged), 3 items (id + wording), 4 field headers, 5 hidden machine keys, 6… data.
 */
import type { Framework, Item } from '../framework/schema.js';
import { STYLE, blank, val } from './cells.js';
import { ENTRY_ROWS, SPARE_ENTRY_ROWS, VALIDATION_SPARE_ROWS, entryColumns, formatNumber, scaleOf, TAB } from './layout.js';
import { block, newTab, setWidth } from './tab.js';
import { notScoredLabels } from '../scoring/scale.js';
import type { NamedRangeSpec, PlanCell, TabPlan } from './types.js';
import { settlePrint } from './print.js';

export interface ResponsesOptions {
  cycle: string;
  partnerships: string[];
  /** names written into the Respondent column (real names, or "Respondent 1…" placeholders) */
  respondents: string[];
  protect: boolean;
}

export interface ResponsesTab {
  tab: TabPlan;
  namedRanges: NamedRangeSpec[];
  /** rows written, named and spare, from the first data row */
  rows: number;
}

/** What the score dropdown offers: the scale values, then the answers that are allowed but not scored. */
export function scoreChoices(framework: Framework, item: Item): string[] {
  const scale = scaleOf(framework, item);
  // a rating the paper words (Red/Amber/Green) is offered as its words; other scales as their numbers
  const points = scale.entry === 'labels' ? scale.points.map((p) => p.label) : scale.points.map((p) => formatNumber(p.value));
  return [...points, ...notScoredLabels(scale)];
}

function scoreHelp(framework: Framework, item: Item): string {
  const scale = scaleOf(framework, item);
  const pts = scale.points.map((p) => `${formatNumber(p.value)} = ${p.label}`).join('; ');
  return `${pts}. Or ${notScoredLabels(scale).join(' / ')} (not scored).`;
}

/** Names usable in Excel and Google Sheets: letters, digits and underscores, starting with a letter. */
export function scoreRangeName(itemId: string, taken: Set<string>): string {
  const base = `PR_Score_${itemId.replace(/[^A-Za-z0-9]/g, '_')}`;
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  taken.add(name.toLowerCase());
  return name;
}

const FIELD_WIDTH: Record<string, number> = { score: 11, comment: 40, evidence: 40, progress: 40, answer: 45, themes: 22 };

/** A rough row height (points) so wrapped headers are readable where the host does not auto-fit. */
function wrappedHeight(texts: { text: string; width: number }[], min = 15, max = 180): number {
  let lines = 1;
  for (const t of texts) {
    const perLine = Math.max(6, Math.floor(t.width * 1.15));
    const n = t.text.split('\n').reduce((s, part) => s + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, n);
  }
  return Math.min(max, Math.max(min, lines * 15));
}

export function itemHeading(item: Item): string {
  let s = item.text.trim() === item.id || item.text.startsWith(`${item.id} `) ? item.text : `${item.id} ${item.text}`;
  if (item.guidance) s += `\n${item.guidance}${item.guidanceIncomplete ? ' [cut short in the source paper: complete it locally]' : ''}`;
  return s;
}

export function buildResponsesTab(framework: Framework, opts: ResponsesOptions): ResponsesTab {
  const cols = entryColumns(framework);
  const width = cols.length;
  const tab = newTab(TAB.entry, 'entry', 'create');
  tab.tabColour = '#70AD47';
  const R = ENTRY_ROWS;

  // header rows 1–5
  const title: PlanCell[] = [val(`${framework.title}: responses (${opts.cycle})`), ...Array.from({ length: width - 1 }, () => blank)];
  const sectionRow: PlanCell[] = Array.from({ length: width }, () => blank);
  const itemRow: PlanCell[] = Array.from({ length: width }, () => blank);
  sectionRow[0] = val('About the respondent');
  const rowNote = 'One row per respondent. Add rows below the last one as needed.';
  itemRow[0] = val(rowNote);
  const fieldRow = cols.map((c) => val(c.header));
  const keyRow = cols.map((c) => val(c.key));

  // The respondent column stays frozen, so nothing in rows 2–3 is merged across it (Google Sheets refuses to freeze
  // part of a merged cell, and to merge across a frozen edge): the note in A3 wraps within column A instead.
  const itemHeights: { text: string; width: number }[] = [{ text: rowNote, width: 24 }];
  for (const section of framework.sections) {
    const sc = cols.filter((c) => c.sectionId === section.id);
    if (sc.length === 0) continue;
    const first = sc[0]!.col;
    // the section's description is part of its questions (e.g. a stem "… in terms of:"): shown with the title
    sectionRow[first - 1] = val(section.description ? `${section.title}: ${section.description}` : section.title);
    if (sc.length > 1) tab.merges.push({ row: R.section, col: first, rows: 1, cols: sc.length });
    for (const item of section.items) {
      const ic = sc.filter((c) => c.itemId === item.id);
      const f = ic[0]!.col;
      const heading = itemHeading(item);
      itemRow[f - 1] = val(heading);
      if (ic.length > 1) tab.merges.push({ row: R.item, col: f, rows: 1, cols: ic.length });
      itemHeights.push({ text: heading, width: ic.reduce((s, c) => s + (FIELD_WIDTH[c.field!] ?? 20), 0) });
    }
  }
  tab.blocks.push(block(1, 1, [title, sectionRow, itemRow, fieldRow, keyRow]));

  // data rows: named respondents (or placeholders), then spare blank rows
  const single = opts.partnerships.length === 1 ? opts.partnerships[0]! : null;
  const dataRows: PlanCell[][] = [];
  for (const name of opts.respondents) {
    const row: PlanCell[] = Array.from({ length: width }, () => blank);
    row[0] = val(name);
    if (single !== null) row[1] = val(single);
    dataRows.push(row);
  }
  for (let i = 0; i < SPARE_ENTRY_ROWS; i++) dataRows.push(Array.from({ length: width }, () => blank));
  tab.blocks.push(block(R.firstData, 1, dataRows, 'input'));
  const rows = dataRows.length;
  const reach = rows + VALIDATION_SPARE_ROWS;

  // formats
  tab.formats.push(
    { range: { row: R.title, col: 1, rows: 1, cols: 1 }, format: STYLE.title },
    { range: { row: R.section, col: 1, rows: 3, cols: width }, format: STYLE.header },
    { range: { row: R.section, col: 1, rows: 1, cols: width }, format: { hAlign: 'center' } },
    { range: { row: R.key, col: 1, rows: 1, cols: width }, format: STYLE.key },
    // borders on the listed respondents' rows only: the spare rows below print only once someone types in them
    {
      range: { row: R.firstData, col: 1, rows: opts.respondents.length > 0 ? opts.respondents.length : rows, cols: width },
      format: STYLE.input,
    },
    { range: { row: R.firstData, col: 1, rows: reach, cols: width }, format: { vAlign: 'top' } },
  );
  tab.hiddenRows = [R.key];
  tab.rowHeights = [
    { row: R.item, height: wrappedHeight(itemHeights, 30) },
    { row: R.key, height: 3 },
  ];
  setWidth(tab, 1, 24);
  setWidth(tab, 2, 24);
  setWidth(tab, 3, 24);

  const taken = new Set<string>();
  const namedRanges: NamedRangeSpec[] = [];
  for (const c of cols) {
    if (c.kind !== 'field') continue;
    setWidth(tab, c.col, FIELD_WIDTH[c.field!] ?? 20);
    if (c.field === 'score') {
      const item = framework.sections.flatMap((s) => s.items).find((i) => i.id === c.itemId)!;
      tab.formats.push({ range: { row: R.firstData, col: c.col, rows: reach, cols: 1 }, format: { hAlign: 'center' } });
      tab.validations.push({
        range: { row: R.firstData, col: c.col, rows: reach, cols: 1 },
        rule: {
          kind: 'list',
          values: scoreChoices(framework, item),
          strict: false,
          prompt: scoreHelp(framework, item),
          error: `Use a score from the list (${scoreHelp(framework, item)})`,
        },
      });
      namedRanges.push({
        name: scoreRangeName(item.id, taken),
        sheet: TAB.entry,
        range: { row: R.firstData, col: c.col, rows: reach, cols: 1 },
      });
    } else {
      tab.formats.push({ range: { row: R.firstData, col: c.col, rows: reach, cols: 1 }, format: { wrap: true, numberFormat: '@' } });
    }
  }
  tab.formats.push({ range: { row: R.firstData, col: 1, rows: reach, cols: 3 }, format: { numberFormat: '@' } });
  if (opts.partnerships.length > 0) {
    tab.validations.push({
      range: { row: R.firstData, col: 2, rows: reach, cols: 1 },
      rule: {
        kind: 'list',
        values: [...opts.partnerships],
        strict: false,
        prompt: 'Choose the partnership this row is about.',
        error: `Choose one of the partnerships listed on ${TAB.settings}, or add it there first.`,
      },
    });
  }
  tab.freeze = { rows: R.key, cols: 1 };
  if (opts.protect) {
    tab.protection = {
      protect: true,
      editable: [{ row: R.firstData, col: 1, rows: reach, cols: width }],
      description: 'Header rows are protected so the add-in can find every column; type in the rows below them.',
    };
  }
  // the respondent's name repeats at the left of every printed page, as the headers repeat at the top
  tab.print = { orientation: 'landscape', fitToWidth: false, titleRows: { from: R.title, to: R.field }, titleColumns: { from: 1, to: 1 } };
  settlePrint(tab);
  return { tab, namedRanges, rows };
}

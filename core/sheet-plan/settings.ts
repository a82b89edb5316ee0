/**
 * Review Settings: the cycle, the partnerships, the in-depth choice per section (nru-partnership), and the RAG
 * thresholds shown for reference. The reader finds settings by the labels in column A, so rows may be inserted.
 */
import type { Framework } from '../framework/schema.js';
import { DEFAULT_MAX_AREAS } from '../plan/draft.js';
import { STYLE, val } from './cells.js';
import { TAB, formatNumber } from './layout.js';
import { block, newTab, setWidth } from './tab.js';
import type { PlanCell, TabPlan } from './types.js';
import { settlePrint } from './print.js';

export const SETTINGS_LABELS = {
  cycle: 'Cycle',
  framework: 'Framework',
  partnership: 'Partnership',
  inDepthHeader: 'Section id',
  planAreas: 'Areas drafted into the plan, at most',
} as const;

/** Spare "Partnership" rows offered below the partnerships given. */
export const SPARE_PARTNERSHIP_ROWS = 3;

export interface SettingsOptions {
  cycle: string;
  partnerships: string[];
  inDepthSections?: string[];
  lastInDepth?: Record<string, number | null>;
  protect: boolean;
}

export function buildSettingsTab(framework: Framework, opts: SettingsOptions): TabPlan {
  const tab = newTab(TAB.settings, 'settings', 'create');
  tab.tabColour = '#A5A5A5';
  const L = SETTINGS_LABELS;
  const rows: { label: string; value: string | number | null; note?: string; input: boolean }[] = [];
  rows.push({ label: L.cycle, value: opts.cycle, note: 'The review cycle, e.g. 2026/27.', input: true });
  rows.push({
    label: L.framework,
    value: framework.title,
    note: `Framework id: ${framework.id}. Fixed when the review was created.`,
    input: false,
  });
  const parts = [...opts.partnerships];
  const partnershipNote = framework.multiplePartnerships
    ? 'One row per partnership reviewed in this workbook; the Responses dropdown lists them.'
    : 'The partnership being reviewed.';
  parts.forEach((p, i) => rows.push({ label: L.partnership, value: p, note: i === 0 ? partnershipNote : '', input: true }));
  for (let i = 0; i < SPARE_PARTNERSHIP_ROWS; i++)
    rows.push({ label: L.partnership, value: null, note: parts.length === 0 && i === 0 ? partnershipNote : '', input: true });
  rows.push({
    label: L.planAreas,
    value: DEFAULT_MAX_AREAS,
    note: `${framework.multiplePartnerships ? 'Per partnership: the' : 'The'} weakest areas that get a drafted action on the Improvement Plan (our default ${DEFAULT_MAX_AREAS}, one action per area as the 2004 review paper's plan has for its six core criteria). Other weak items are listed on the Summary under "Also weak, not yet planned". Agreed actions are always added.`,
    input: true,
  });

  tab.blocks.push(
    block(1, 1, [
      [val('Review settings')],
      [val('Type in column B. Add a partnership on a spare "Partnership" row, or insert a row and type "Partnership" in column A.')],
      [val('Setting'), val('Value'), val('Notes')],
    ]),
  );
  const firstSetting = 4;
  tab.blocks.push(
    block(
      firstSetting,
      1,
      rows.map((r) => [val(r.label)]),
    ),
  );
  tab.blocks.push(
    block(
      firstSetting,
      2,
      rows.map((r) => [val(r.value)]),
      'input',
    ),
  );
  tab.blocks.push(
    block(
      firstSetting,
      3,
      rows.map((r) => [val(r.note === '' ? null : (r.note ?? null))]),
    ),
  );
  // mark the value cells a person owns
  const valueRows = rows.map((r, i) => ({ r, row: firstSetting + i })).filter((x) => x.r.input);
  let row = firstSetting + rows.length + 1;

  const formats = tab.formats;
  formats.push(
    { range: { row: 1, col: 1, rows: 1, cols: 1 }, format: STYLE.title },
    { range: { row: 2, col: 1, rows: 1, cols: 1 }, format: STYLE.note },
    { range: { row: 3, col: 1, rows: 1, cols: 3 }, format: STYLE.header },
    { range: { row: firstSetting, col: 1, rows: rows.length, cols: 1 }, format: { bold: true } },
    { range: { row: firstSetting, col: 2, rows: rows.length, cols: 1 }, format: { ...STYLE.input, numberFormat: '@' } },
    { range: { row: firstSetting, col: 3, rows: rows.length, cols: 1 }, format: { ...STYLE.note, wrap: true } },
  );
  const editable = valueRows.map((x) => ({ row: x.row, col: 2, rows: 1, cols: 1 }));

  if (framework.inDepth && framework.sections.length > 0) {
    const every = framework.inDepth.everyYears;
    const head = row;
    const t: PlanCell[][] = [
      [
        val(
          `In-depth review: choose which sections are reviewed in depth this cycle (each at least once every ${every} years). None chosen means all.`,
        ),
      ],
      [val(L.inDepthHeader), val('Section'), val('Review in depth this cycle? (Yes/No)'), val('Last year reviewed in depth (e.g. 2024)')],
    ];
    const choices: PlanCell[][] = [];
    for (const s of framework.sections) {
      t.push([val(s.id), val(s.title)]);
      choices.push([val(opts.inDepthSections?.includes(s.id) ? 'Yes' : null), val(opts.lastInDepth?.[s.id] ?? null)]);
    }
    tab.blocks.push(block(head, 1, t));
    tab.blocks.push(block(head + 2, 3, choices, 'input'));
    const n = framework.sections.length;
    formats.push(
      { range: { row: head, col: 1, rows: 1, cols: 1 }, format: { ...STYLE.heading, wrap: false } },
      { range: { row: head + 1, col: 1, rows: 1, cols: 4 }, format: STYLE.header },
      { range: { row: head + 2, col: 1, rows: n, cols: 2 }, format: STYLE.generated },
      { range: { row: head + 2, col: 3, rows: n, cols: 2 }, format: { ...STYLE.input, hAlign: 'center' } },
    );
    tab.validations.push(
      {
        range: { row: head + 2, col: 3, rows: n, cols: 1 },
        rule: { kind: 'list', values: ['Yes', 'No'], strict: false, prompt: 'Yes to review this section in depth this cycle.' },
      },
      {
        range: { row: head + 2, col: 4, rows: n, cols: 1 },
        rule: { kind: 'number', min: 1990, max: 2100, integer: true, prompt: 'The year, e.g. 2024.', error: 'Type a year such as 2024.' },
      },
    );
    editable.push({ row: head + 2, col: 3, rows: n, cols: 2 });
    row = head + 2 + n + 1;
  }

  const pct = (n: number) => `${formatNumber(n)}% of the way up the scale`;
  const rag: PlanCell[][] = [
    [val('How the Summary colours results (from the framework; shown for reference)')],
    [val('Green from'), val(pct(framework.rag.green))],
    [val('Amber from'), val(pct(framework.rag.amber))],
    [val('Red below'), val(pct(framework.rag.amber))],
    [val('Divided opinion'), val(`at least two scores, ${formatNumber(framework.dividedFraction * 100)}% of the scale or more apart`)],
  ];
  tab.blocks.push(block(row, 1, rag));
  formats.push(
    { range: { row, col: 1, rows: 1, cols: 1 }, format: STYLE.heading },
    { range: { row: row + 1, col: 1, rows: 4, cols: 2 }, format: STYLE.generated },
    { range: { row: row + 1, col: 1, rows: 4, cols: 1 }, format: { bold: true } },
  );

  setWidth(tab, 1, 22);
  setWidth(tab, 2, 40);
  setWidth(tab, 3, 40);
  setWidth(tab, 4, 22);
  if (opts.protect) tab.protection = { protect: true, editable, description: 'Type the settings in the highlighted cells.' };
  tab.print = { orientation: 'portrait', fitToWidth: true };
  settlePrint(tab);
  return tab;
}

/**
 * Hand-made sheet plans the size of the real create, summarise and plan plans (a hallmarks-sized framework: 6
 * sections, 67 scored items with a score and a comment each), used until the core operations can build them here.
 * Layout follows core/sheet-plan/layout.ts: entry rows 1 title, 2 sections, 3 items, 4 fields, 5 keys, 6… data.
 */
import type { CellValue } from '../../core/review/types.js';
import type { Block, PlanCell, SheetPlan, TabPlan } from '../../core/sheet-plan/types.js';
import { columnLetter } from '../../core/util/a1.js';

export const ITEMS = 67;
export const SECTIONS = 6;
/** respondent, partnership, organisation, then score + comment per item */
export const ENTRY_COLS = 3 + ITEMS * 2;
export const FIRST_DATA_ROW = 6;
export const REVISION = 'rev-2026-05-01-001';

export function itemId(i: number): string {
  return `${Math.floor(i / 12) + 1}.${(i % 12) + 1}`;
}

const v = (x: string | number | boolean | null): PlanCell => ({ v: x });

function tab(name: string, role: TabPlan['role'], mode: TabPlan['mode'], extra: Partial<TabPlan> = {}): TabPlan {
  return {
    name,
    role,
    mode,
    blocks: [],
    formats: [],
    columnWidths: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    ...extra,
  };
}

function block(row: number, col: number, cells: PlanCell[][], owner: Block['owner'] = 'generated'): Block {
  return { row, col, cells, owner };
}

/** the entry header keys row (row 5), as core writes it */
export function headerKeys(): string[] {
  const keys = ['respondent', 'partnership', 'organisation'];
  for (let i = 0; i < ITEMS; i++) keys.push(`${itemId(i)}:score`, `${itemId(i)}:comment`);
  return keys;
}

export function respondentName(r: number): string {
  return `Respondent ${r + 1}`;
}

/** Instructions, Responses (n rows), Review Settings, PR_Meta — like planCreate. */
export function createPlan(respondents: number): SheetPlan {
  const keys = headerKeys();
  const header: PlanCell[][] = [
    [v('Partnership self-assessment — Responses'), ...Array.from({ length: ENTRY_COLS - 1 }, () => v(null))],
    Array.from({ length: ENTRY_COLS }, (_, c) => v(c >= 3 && (c - 3) % 24 === 0 ? `Hallmark ${(c - 3) / 24 + 1}` : null)),
    Array.from({ length: ENTRY_COLS }, (_, c) =>
      v(c < 3 ? null : `${itemId(Math.floor((c - 3) / 2))} The partnership has a clear, shared vision that partners understand`),
    ),
    Array.from({ length: ENTRY_COLS }, (_, c) =>
      v(c === 0 ? 'Respondent' : c === 1 ? 'Partnership' : c === 2 ? 'Organisation' : (c - 3) % 2 === 0 ? 'Score' : 'Comment'),
    ),
    keys.map((k) => v(k)),
  ];
  const rows: PlanCell[][] = Array.from({ length: respondents }, (_, r) =>
    Array.from({ length: ENTRY_COLS }, (_, c) => v(c === 0 ? respondentName(r) : c === 1 ? 'Rochford LSP' : null)),
  );
  const lastRow = FIRST_DATA_ROW + respondents - 1 + 10;
  const responses = tab('Responses', 'entry', 'create', {
    position: 1,
    tabColour: '#2B579A',
    blocks: [block(1, 1, header), block(FIRST_DATA_ROW, 1, rows, 'input')],
    formats: [
      { range: { row: 1, col: 1, rows: 1, cols: 1 }, format: { bold: true, fontSize: 14 } },
      {
        range: { row: 2, col: 1, rows: 3, cols: ENTRY_COLS },
        format: { bold: true, wrap: true, fill: '#DEEAF6', vAlign: 'top', border: 'thin' },
      },
      {
        range: { row: FIRST_DATA_ROW, col: 4, rows: lastRow - FIRST_DATA_ROW + 1, cols: ENTRY_COLS - 3 },
        format: { numberFormat: '@', wrap: true },
      },
    ],
    columnWidths: [
      { col: 1, width: 24 },
      { col: 2, width: 24 },
      { col: 3, width: 24 },
      ...Array.from({ length: ITEMS * 2 }, (_, i) => ({ col: 4 + i, width: i % 2 === 0 ? 11 : 40 })),
    ],
    rowHeights: [{ row: 3, height: 60 }],
    merges: Array.from({ length: SECTIONS }, (_, s) => ({
      row: 2,
      col: 4 + s * 24,
      rows: 1,
      cols: s === SECTIONS - 1 ? ENTRY_COLS - 3 - s * 24 : 24,
    })),
    freeze: { rows: 4, cols: 1 },
    validations: Array.from({ length: ITEMS }, (_, i) => ({
      range: { row: FIRST_DATA_ROW, col: 4 + i * 2, rows: lastRow - FIRST_DATA_ROW + 1, cols: 1 },
      rule: {
        kind: 'list' as const,
        values: ['1', '2', '3', '4', 'N/A'],
        strict: false,
        prompt: '1 = weak; 4 = strong. Or N/A.',
        error: 'Choose 1 to 4 or N/A.',
      },
    })),
    conditionalFormats: [],
    protection: {
      protect: true,
      editable: [{ row: FIRST_DATA_ROW, col: 1, rows: lastRow - FIRST_DATA_ROW + 1, cols: ENTRY_COLS }],
      description: 'Headings are protected; type in the rows below them.',
    },
    print: { orientation: 'landscape', fitToWidth: true, titleRows: { from: 1, to: 4 } },
    hiddenColumns: [],
  });
  const instructions = tab('Instructions', 'instructions', 'create', {
    position: 0,
    blocks: [
      block(
        1,
        1,
        Array.from({ length: 30 }, (_, r) => [
          v(r === 0 ? 'How to complete this review' : `Step ${r}: read the question, then score it from 1 to 4 and say why.`),
        ]),
      ),
    ],
    formats: [{ range: { row: 1, col: 1, rows: 1, cols: 1 }, format: { bold: true, fontSize: 16 } }],
    columnWidths: [{ col: 1, width: 100 }],
  });
  const settings = tab('Review Settings', 'settings', 'create', {
    blocks: [
      block(
        1,
        1,
        [
          [v('Cycle'), v('2026/27')],
          [v('Partnership'), v('Rochford LSP')],
          [v('Date'), v('01/05/2026')],
        ],
        'input',
      ),
    ],
    validations: [{ range: { row: 3, col: 2, rows: 1, cols: 1 }, rule: { kind: 'date', error: 'Type a date as dd/mm/yyyy.' } }],
  });
  const meta = tab('PR_Meta', 'meta', 'create', {
    hidden: true,
    blocks: [block(1, 1, metaRows(keys))],
  });
  return {
    tabs: [instructions, responses, settings, meta],
    namedRanges: [
      {
        name: 'PR_Responses',
        sheet: 'Responses',
        range: { row: FIRST_DATA_ROW, col: 1, rows: lastRow - FIRST_DATA_ROW + 1, cols: ENTRY_COLS },
      },
    ],
    activate: 'Responses',
  };
}

function metaRows(keys: string[]): PlanCell[][] {
  return [
    [v('product'), v('Partnership Review')],
    [v('revision'), v(REVISION)],
    [v('layout'), v(1)],
    [v('framework'), v('hallmarks')],
    [v('entryKeys'), v(keys.length)],
  ];
}

/** Preconditions as core sets them: the revision stamp and the entry header keys. */
export function preconditions(): SheetPlan['preconditions'] {
  return [
    { sheet: 'PR_Meta', row: 2, col: 2, equals: REVISION },
    ...headerKeys().map((k, i) => ({ sheet: 'Responses', row: 5, col: i + 1, equals: k })),
  ];
}

/** Summary (replace) + Improvement Plan (update) — like planSummary. */
export function summaryPlan(respondents: number): SheetPlan {
  const last = FIRST_DATA_ROW + respondents - 1;
  const itemRows: PlanCell[][] = Array.from({ length: ITEMS }, (_, i) => {
    const col = columnLetter(4 + i * 2);
    const range = `Responses!${col}${FIRST_DATA_ROW}:${col}${last}`;
    return [
      v(itemId(i)),
      v(`Item ${itemId(i)} wording`),
      { f: `=IFERROR(AVERAGE(${range}),"")`, v: 2.5 },
      { f: `=COUNT(${range})`, v: respondents },
      { f: `=IFERROR(_xlfn.STDEV.S(${range}),"")`, v: 0.5 },
      { f: `=IF(C${7 + i}="","",IF(C${7 + i}>=3,"Green",IF(C${7 + i}>=2,"Amber","Red")))`, v: 'Amber' },
    ];
  });
  const summary = tab('Summary', 'summary', 'replace', {
    position: 2,
    blocks: [
      block(1, 1, [[v('Summary — Rochford LSP 2026/27'), v(null), v(null), v(null), v(null), v(null)]]),
      block(6, 1, [[v('Item'), v('Question'), v('Mean'), v('Responses'), v('SD'), v('RAG')]]),
      block(7, 1, itemRows),
    ],
    formats: [
      { range: { row: 7, col: 3, rows: ITEMS, cols: 1 }, format: { numberFormat: '0.00' } },
      { range: { row: 6, col: 1, rows: 1, cols: 6 }, format: { bold: true, fill: '#DEEAF6', border: 'thin' } },
    ],
    columnWidths: [
      { col: 1, width: 8 },
      { col: 2, width: 60 },
      { col: 3, width: 10 },
      { col: 4, width: 10 },
      { col: 5, width: 10 },
      { col: 6, width: 10 },
    ],
    merges: [{ row: 1, col: 1, rows: 1, cols: 6 }],
    freeze: { rows: 6, cols: 0 },
    conditionalFormats: [
      {
        range: { row: 7, col: 6, rows: ITEMS, cols: 1 },
        rules: [
          { kind: 'textEquals', text: 'Red', format: { fill: '#F4CCCC', fontColour: '#990000' } },
          { kind: 'textEquals', text: 'Amber', format: { fill: '#FCE5CD' } },
          { kind: 'textEquals', text: 'Green', format: { fill: '#D9EAD3', bold: true } },
        ],
      },
      {
        range: { row: 7, col: 3, rows: ITEMS, cols: 1 },
        rules: [{ kind: 'number', operator: 'between', value: 1, value2: 1.5, format: { bold: true } }],
      },
    ],
    charts: [
      {
        id: 'pr-sections',
        kind: 'bar',
        title: 'Section means',
        data: { row: 6, col: 2, rows: 7, cols: 2 },
        anchor: { row: 2, col: 8 },
        width: 480,
        height: 288,
        min: 1,
        max: 4,
      },
    ],
    print: { orientation: 'portrait', fitToWidth: true, titleRows: { from: 6, to: 6 }, area: { row: 1, col: 1, rows: 6 + ITEMS, cols: 6 } },
  });
  const planTab = improvementTab(12, 'draft');
  return { preconditions: preconditions(), tabs: [summary, planTab, metaUpdate()], namedRanges: [], activate: 'Summary' };
}

function metaUpdate(): TabPlan {
  return tab('PR_Meta', 'meta', 'update', { hidden: true, blocks: [block(2, 2, [[v('rev-2026-05-01-002')]])] });
}

/** The Improvement Plan tab with `rows` drafted actions; comments can carry text typed by a person. */
export function improvementTab(rows: number, kind: string, comment: (r: number) => CellValue = () => null): TabPlan {
  const header = [
    'Area for improvement',
    'Action for improvement',
    'Date to be completed',
    'Key contact',
    'Support needed',
    'How support will be provided',
    'Fingerprint',
  ];
  return tab('Improvement Plan', 'plan', 'update', {
    position: 3,
    blocks: [
      block(3, 1, [header.map((h) => v(h))]),
      block(
        5,
        1,
        Array.from({ length: rows }, (_, r) => [
          v(`Hallmark ${(r % SECTIONS) + 1}: ${kind}`),
          v(`Agree by 30/06/2026 who will ${kind} item ${itemId(r)}`),
          v('30/06/2026'),
          v(comment(r)),
          v(null),
          v(null),
          v(`fp-${r}`),
        ]),
      ),
    ],
    formats: [{ range: { row: 5, col: 3, rows, cols: 1 }, format: { numberFormat: 'dd/mm/yyyy' } }],
    columnWidths: [
      { col: 1, width: 30 },
      { col: 2, width: 50 },
    ],
    hiddenColumns: [7],
    validations: [{ range: { row: 5, col: 3, rows: rows + 50, cols: 1 }, rule: { kind: 'date', error: 'Type the date as dd/mm/yyyy.' } }],
  });
}

/** Improvement Plan only — like planImprovement, `rows` actions. */
export function improvementPlan(rows: number): SheetPlan {
  return {
    preconditions: preconditions(),
    tabs: [improvementTab(rows, 'plan'), metaUpdate()],
    namedRanges: [],
    activate: 'Improvement Plan',
  };
}

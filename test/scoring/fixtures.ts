/**
 * Small hand-made frameworks and reviews for the scoring, validation and plan tests (no built-ins: those are
 * written elsewhere). Response rows start at Responses!A5; item fields sit in columns from C, one per field.
 */
import { FrameworkSchema, type Framework, type FrameworkInput, type ItemField } from '../../core/framework/schema.js';
import type { CellValue, FieldEntry, RegisterRow, Response, ReviewData, ReviewSettings } from '../../core/review/types.js';

export const TREE_SCALE = {
  id: 'tree',
  points: [
    { value: 1, label: 'weak/needs improvement' },
    { value: 2, label: 'present in parts' },
    { value: 3, label: 'strong' },
  ],
};

/** Two scored sections and one free-text section, on seed 000's 1–3 scale. */
export function treeFramework(overrides: Partial<FrameworkInput> = {}): Framework {
  return FrameworkSchema.parse({
    id: 'tree-test',
    title: 'Tree test',
    description: 'A small test framework',
    kind: 'questionnaire',
    source: { seed: '000', reference: 'test' },
    scales: [TREE_SCALE],
    defaultScale: 'tree',
    sections: [
      {
        id: 'ASPIRE',
        title: 'Aspire',
        items: [
          { id: 'A1', text: 'Do we seek challenging outcomes?', fields: ['score', 'comment'] },
          { id: 'A2', text: 'Do we know local priorities?', fields: ['score', 'comment'] },
        ],
      },
      {
        id: 'LEAD',
        title: 'Lead',
        items: [
          { id: 'L1', text: 'Do we lead transformation?', fields: ['score', 'comment'] },
          { id: 'L2', text: 'Do we take risks?', fields: ['score'] },
        ],
      },
      { id: 'NOTES', title: 'Notes', items: [{ id: 'N1', text: 'Anything else?', fields: ['answer'] }] },
    ],
    ...overrides,
  });
}

let nextRow = 5;
/** Reset the row counter so cell addresses are predictable in a test. */
export function resetRows(row = 5): void {
  nextRow = row;
}

/**
 * A response row. `entries` maps itemId → field → value (a bare value means the score field).
 * Field columns: score C, comment D, evidence E, progress F, answer G, themes H (+10 per item index).
 */
export function response(
  respondent: string,
  partnership: string,
  entries: Record<string, CellValue | Partial<Record<ItemField, CellValue>>>,
  itemOrder: string[] = [],
): Response {
  const row = nextRow++;
  const fieldCol: Record<ItemField, number> = { score: 3, comment: 4, evidence: 5, progress: 6, answer: 7, themes: 8 };
  const answers: Response['answers'] = {};
  for (const [itemId, v] of Object.entries(entries)) {
    const idx = Math.max(0, itemOrder.indexOf(itemId));
    const fields = v !== null && typeof v === 'object' ? v : { score: v };
    const out: Partial<Record<ItemField, FieldEntry>> = {};
    for (const [f, value] of Object.entries(fields) as [ItemField, CellValue][]) {
      out[f] = { value, at: { sheet: 'Responses', row, col: fieldCol[f] + idx * 10 } };
    }
    answers[itemId] = out;
  }
  return { respondent, partnership, organisation: '', at: { sheet: 'Responses', row, col: 1 }, answers };
}

export function settings(overrides: Partial<ReviewSettings> = {}): ReviewSettings {
  return { frameworkId: 'tree-test', cycle: '2026/27', partnerships: [], inDepthSections: [], lastInDepth: {}, ...overrides };
}

export function reviewData(responses: Response[], overrides: Partial<ReviewData> = {}): ReviewData {
  return { settings: settings(), responses, sectionFreeText: [], register: [], groupSummaries: [], previous: null, ...overrides };
}

/** A register row on `sheet` at `row`; columns numbered in the order of `cells`, from B (A holds the theme). */
export function registerRow(sheet: string, row: number, group: string, cells: Record<string, CellValue>): RegisterRow {
  const out: Record<string, FieldEntry> = {};
  let col = 2;
  for (const [id, value] of Object.entries(cells)) out[id] = { value, at: { sheet, row, col: col++ } };
  return { group, cells: out, at: { sheet, row, col: 1 } };
}

/**
 * The worked example used across the tests (5 rows; the last is blank):
 *        A1          A2                L1                  L2
 *  R1    3 "Good"    1 "Too risk averse" 2                 N/A
 *  R2    strong      3                 2                   (blank)
 *  R3    " 2 "       7 "Seven out of ten" Present in parts  ''
 *  R4    3           x "   "           1                   TRUE
 *  R5    (all blank)
 */
export function workedResponses(): Response[] {
  resetRows(5);
  return [
    response('Ann Lee', 'Westway', {
      A1: { score: 3, comment: 'Good outcomes' },
      A2: { score: 1, comment: 'Too risk averse' },
      L1: 2,
      L2: 'N/A',
    }),
    response('Bob Hart', 'Westway', { A1: 'strong', A2: 3, L1: 2, L2: null }),
    response('Cy Dunn', 'Golborne', {
      A1: { score: ' 2 ', comment: 'Silos' },
      A2: { score: '7', comment: 'Seven out of ten' },
      L1: 'Present in parts',
      L2: '',
    }),
    response('Di Evans', 'Golborne', { A1: 3, A2: { score: 'x', comment: '   ' }, L1: 1, L2: true }),
    response('Ed Fox', 'Golborne', { A1: null, A2: { score: '', comment: '' }, L1: '  ', L2: null }),
  ];
}

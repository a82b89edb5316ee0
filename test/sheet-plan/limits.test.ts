/**
 * Excel's limits where text enters: tab names, 32,767 characters in a cell, 8,192 in a formula (255 in a text
 * constant), and nothing past row 1,048,576 or column XFD. Expectations are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkReview } from '../../core/operations/check.js';
import { planImport } from '../../core/import/plan-import.js';
import { runCreate, runSummarise } from '../../core/operations/run.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { planSummary } from '../../core/operations/summarise.js';
import { ReviewRequestError } from '../../core/operations/types.js';
import { planLimitProblems, tabNameProblem, longestFormulaText } from '../../core/sheet-plan/limits.js';
import { partnershipMeanFormula } from '../../core/sheet-plan/summary-formulas.js';
import { scaleForItem } from '../../core/scoring/scale.js';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import type { Snapshot } from '../../core/host/types.js';
import type { CellValue } from '../../core/review/types.js';
import type { SheetPlan, TabPlan } from '../../core/sheet-plan/types.js';
import { toCreateForm } from '../../ui/form-input.js';
import { parseCommandLine } from '../../file-host/cli/args.js';
import { expectFormulasMatch, keyCol, newReview, rowOf, snap, TODAY } from '../operations/helpers.js';

function tab(over: Partial<TabPlan>): TabPlan {
  return {
    name: 'T',
    role: 'summary',
    mode: 'create',
    blocks: [],
    formats: [],
    columnWidths: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    ...over,
  };
}
const plan = (...tabs: TabPlan[]): SheetPlan => ({ tabs, namedRanges: [] });

describe('tab names', () => {
  it('allows 31 characters and refuses 32, blanks, the seven forbidden characters and edge apostrophes', () => {
    expect(tabNameProblem('x'.repeat(31))).toBeNull();
    expect(tabNameProblem("Partners' notes")).toBeNull();
    expect(tabNameProblem('x'.repeat(32))).toContain('at most 31 characters');
    expect(tabNameProblem('  ')).toContain('blank');
    for (const ch of ['[', ']', ':', '*', '?', '/', '\\'])
      expect(tabNameProblem(`Risk${ch}Register`), ch).toContain(`cannot contain ${ch}`);
    expect(tabNameProblem("'Notes")).toContain('apostrophe');
    expect(tabNameProblem("Notes'")).toContain('apostrophe');
  });
});

describe('the plan check under every operation', () => {
  it('names the tab and cell of text over 32,767 characters, a formula over 8,192 and a text constant over 255', () => {
    const p = plan(
      tab({
        name: 'Summary',
        blocks: [
          {
            row: 2,
            col: 3,
            owner: 'generated',
            cells: [
              [{ v: 'x'.repeat(32_767) }, { v: 'x'.repeat(32_768) }],
              [
                { f: `=${'1+'.repeat(4095)}1`, v: 1 },
                { f: `=LEN("${'a'.repeat(256)}")`, v: 256 },
              ],
            ],
          },
        ],
      }),
    );
    // 32,767 is allowed; '=' + 4,095 × "1+" + "1" is 8,192 characters: allowed
    expect(planLimitProblems(p)).toEqual([
      'Summary!D2: the text is 32,768 characters long; Excel keeps at most 32,767 in a cell',
      'Summary!D3: the formula holds a text of 256 characters; Excel allows at most 255 in a formula',
    ]);
    const over = plan(
      tab({ name: 'S', blocks: [{ row: 1, col: 1, owner: 'generated', cells: [[{ f: `=${'1+'.repeat(4096)}1`, v: 1 }]] }] }),
    );
    expect(planLimitProblems(over)).toEqual(['S!A1: the formula is 8,194 characters long; Excel allows at most 8,192']);
  });

  it('a doubled quote inside a formula text counts once', () => {
    expect(longestFormulaText('=COUNTIF(A:A,"=say ""hi""")')).toBe('=say "hi"'.length);
    expect(longestFormulaText('=A1+1')).toBe(0);
    expect(longestFormulaText('=IF(A1="","",1)')).toBe(0);
    expect(longestFormulaText('=A1&"a"""')).toBe(2); // a and a quote
    expect(longestFormulaText('=""""')).toBe(1); // one quote
    expect(longestFormulaText('=IF(A1="short","a longer text","x")')).toBe('a longer text'.length);
    expect(longestFormulaText('="abc"&"de"')).toBe(3);
  });

  it('a text that never closes counts to the end of the formula', () => {
    expect(longestFormulaText('="abc')).toBe(3);
    expect(longestFormulaText('="ab""cd')).toBe(5);
    expect(longestFormulaText('="a"&"bcdef')).toBe(5);
  });

  it('refuses cells, formats and rules past row 1,048,576 or column XFD, and bad tab names', () => {
    const p = plan(
      tab({
        name: 'Risk/Register',
        blocks: [{ row: 1_048_576, col: 1, owner: 'input', cells: [[{ v: 'last row' }], [{ v: 'one too far' }]] }],
      }),
      tab({
        name: 'Responses',
        formats: [{ range: { row: 6, col: 1, rows: 1_048_571, cols: 1 }, format: { bold: true } }],
        validations: [{ range: { row: 6, col: 16_384, rows: 1, cols: 2 }, rule: { kind: 'date' } }],
      }),
    );
    expect(planLimitProblems(p)).toEqual([
      'Risk/Register: a tab name cannot contain / (“Risk/Register”); the characters [ ] : * ? / \\ are not allowed',
      "Risk/Register: a block of cells from A1048576 reaches row 1,048,577, past Excel's last row (1,048,576)",
      "Responses: a dropdown or entry rule reaches column XFE, past Excel's last column (XFD)",
    ]);
  });

  it('stops an operation before the host is asked to write anything', async () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann'] });
    // 40,000 characters typed in a comment: the Comments tab lists it cut (it says so), so summarise itself is fine …
    const comment = keyCol(wb, 'Responses', 'ASPIRE|comment');
    wb.setCell('Responses', 6, comment.col, 'c'.repeat(40_000));
    wb.setCell('Responses', 6, keyCol(wb, 'Responses', 'ASPIRE|score').col, 2);
    let applied = 0;
    const host = { read: wb.read.bind(wb), apply: async (p: SheetPlan) => (applied++, wb.apply(p)) };
    await runSummarise(host, { today: TODAY });
    expect(applied).toBe(1);
    const texts = [...wb.allCells()].filter(([k]) => k.startsWith('Comments!')).map(([, c]) => c.value);
    expect(
      texts.some(
        (v) => typeof v === 'string' && v.includes('c'.repeat(30_000)) && v.endsWith('the rest is cut here)') && v.length <= 32_767,
      ),
    ).toBe(true);
    // … but a plan that still breaks a limit is refused whole, naming the cell
    const empty = new MemoryWorkbook();
    const bad = { read: empty.read.bind(empty), apply: async () => ({ calls: 0 }) };
    await expect(
      runCreate(bad, { framework: 'partnership-tree', partnerships: ['KCP'], respondents: [], cycle: 'y'.repeat(40_000), today: TODAY }),
    ).rejects.toThrow(/Nothing was written, because Excel could not hold it: .*the text is 4\d,\d{3} characters long/);
  });
});

describe('check names every cell over 32,767 characters', () => {
  it('an over-long comment and an over-long name, at their cells', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann', 'Bob'] });
    const comment = keyCol(wb, 'Responses', 'ASPIRE|comment');
    wb.setCell('Responses', 7, comment.col, 'c'.repeat(40_000));
    wb.setCell('Responses', 6, 1, 'n'.repeat(32_768));
    wb.setCell('Responses', 8, comment.col, 'k'.repeat(32_767)); // exactly the limit: fine
    const lines = checkReview(snap(wb), TODAY).lines.filter((l) => l.includes('32,767'));
    const col = String.fromCharCode(64 + comment.col);
    expect(lines).toEqual([
      'Responses!A6: This cell holds 32,768 characters; Excel keeps at most 32,767 in a cell and cuts the rest when it opens the file. Shorten it, or move part of it into a cell beside it.',
      `Responses!${col}7: This cell holds 40,000 characters; Excel keeps at most 32,767 in a cell and cuts the rest when it opens the file. Shorten it, or move part of it into a cell beside it.`,
    ]);
  });
});

describe('import refuses text a cell cannot hold (never cuts it)', () => {
  it('names the import row and column, and writes nothing', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: [] });
    const table: CellValue[][] = [
      ['Respondent', 'ASPIRE comment', 'ASPIRE score'],
      ['Ann', 'fine', 2],
      ['Bob', 'b'.repeat(40_000), 3],
    ];
    expect(() => planImport(snap(wb), table, TODAY)).toThrow(ReviewRequestError);
    expect(() => planImport(snap(wb), table, TODAY)).toThrow(
      'Row 3, column B (“ASPIRE comment”) of the import: the text is 40,000 characters long; Excel keeps at most 32,767 in a cell. Nothing was imported; shorten that answer in the file and import again.',
    );
    table[2]![1] = 'b'.repeat(32_767);
    const { report } = planImport(snap(wb), table, TODAY);
    expect(report.added).toEqual(['Ann', 'Bob']);
  });

  it('refuses to append below something typed in the last row', () => {
    const base = snap(newReview({ framework: 'partnership-tree', respondents: ['Ann'] }));
    const s = withRow(base, 'Responses', 1_048_576, ['Zed']);
    expect(() =>
      planImport(
        s,
        [
          ['Respondent', 'ASPIRE score'],
          ['New person', 2],
        ],
        TODAY,
      ),
    ).toThrow(
      'Responses has something typed in its last row (1,048,576), so there is no row below it for “New person”. Nothing was imported; clear the rows at the bottom of Responses and import again.',
    );
  });
});

/** The snapshot with `cells` typed from column A of `row` (rows in between blank, sharing one empty row array). */
function withRow(s: Snapshot, sheet: string, row: number, cells: CellValue[]): Snapshot {
  const t = s.tabs[sheet]!;
  const width = Math.max(t.values[0]!.length, cells.length);
  const empty: CellValue[] = Array.from({ length: width }, () => null);
  const values = t.values.slice();
  while (values.length < row - 1) values.push(empty);
  values.push(Array.from({ length: width }, (_, i) => cells[i] ?? null));
  return { ...s, tabs: { ...s.tabs, [sheet]: { ...t, values } } };
}

describe('a value typed in row 1,048,576', () => {
  it('is counted, and no Summary formula refers past the last row', () => {
    const wb = newReview({ framework: 'partnership-tree', respondents: ['Ann', 'Bob'] });
    wb.setCell('Responses', 6, 4, 1);
    wb.setCell('Responses', 7, 4, 2);
    const score = keyCol(wb, 'Responses', 'ASPIRE|score').col;
    expect(score).toBe(4);
    const cells: CellValue[] = ['Zed', null, null, 3];
    const s = withRow(snap(wb), 'Responses', 1_048_576, cells);
    const { plan: p, summary } = planSummary(s, { today: TODAY });
    expect(planLimitProblems(p)).toEqual([]);
    const formulas = p.tabs.flatMap((t) => t.blocks.flatMap((b) => b.cells.flat())).flatMap((c) => ('f' in c ? [c.f] : []));
    const rowsReferred = formulas.flatMap((f) => [...f.matchAll(/\$?[A-Z]{1,3}\$?(\d+)/g)].map((m) => Number(m[1])));
    expect(Math.max(...rowsReferred)).toBe(1_048_576);
    expect(formulas.some((f) => f.includes('Responses!$D$6:$D$1048576'))).toBe(true);
    // three scores: 1, 2 and 3 → n 3, mean 2
    const item = summary.items.find((i) => i.id === 'ASPIRE')!;
    expect([item.n, item.mean]).toEqual([3, 2]);
  });
});

/** The columns of the partnerships' means: the figure columns at the right of the table's header row (issue #13). */
function partnerCols(wb: MemoryWorkbook, top: number): [number, number] {
  const cols = Array.from({ length: 30 }, (_, i) => i + 3).filter((c) => wb.getCell('Summary', top + 1, c) !== null);
  return [cols[0]!, cols[1]!];
}

describe('long partnership names (about 610 characters each)', () => {
  const long = (word: string) => `${word} ${'community safety and wellbeing partnership '.repeat(14)}`.slice(0, 610).trim();
  const crime = `${long('Crime')} *?~`;
  const health = long('Health');

  it('would overflow a formula inline, so the formula refers to the name on the Summary instead', () => {
    const hallmarks = builtinFrameworks().find((f) => f.id === 'hallmarks')!;
    const scale = scaleForItem(hallmarks, hallmarks.sections[0]!.items[0]!);
    const inline = partnershipMeanFormula(scale, 'Responses!$D$6:$D$1009', 'Responses!$B$6:$B$1009', crime);
    // inline, the name alone is a text constant over Excel's 255 characters, and the formula is near 8,192
    // "=" + the name with ~ before each of its wildcards * ? ~
    expect(longestFormulaText(inline)).toBe(crime.length + 4);
    expect(crime.length + 1).toBeGreaterThan(255);
    expect(inline.length).toBeGreaterThan(8_000);

    const wb = newReview({ framework: 'hallmarks', partnerships: [crime, health], respondents: [], respondentCount: 0 });
    const s11 = keyCol(wb, 'Responses', '1.1|score').col;
    const rows: [string, string, number | string][] = [
      ['Ann', crime, 3],
      ['Bob', crime.toUpperCase(), 1],
      ['Cat', health, 2],
      ['Dev', health, 'No'],
    ];
    rows.forEach(([n, p, a], i) => {
      wb.setCell('Responses', 6 + i, 1, n);
      wb.setCell('Responses', 6 + i, 2, p);
      wb.setCell('Responses', 6 + i, s11, a);
    });
    const { plan: p } = planSummary(snap(wb), { today: TODAY });
    expect(planLimitProblems(p)).toEqual([]);
    wb.applyNow(p);
    const top = rowOf(wb, 'Summary', 'Partnerships side by side (mean scores)');
    const r11 = rowOf(wb, 'Summary', '1.1', top);
    const [c1, c2] = partnerCols(wb, top);
    const f = wb.getFormula('Summary', r11, c1)!;
    expect(f.length).toBeLessThanOrEqual(8_192);
    expect(f).toContain(`SUBSTITUTE(${String.fromCharCode(64 + c1)}$${top + 1},"~","~~")`);
    expect(f).not.toContain('community safety');
    // Crime: (3 + 1) / 2 = 2 (the upper-case row is the same partnership); Health: 2 ("No" is 1 on this scale: (2 + 1) / 2)
    expect(wb.getCell('Summary', r11, c1)).toBe(2);
    expect(wb.getCell('Summary', r11, c2)).toBe(1.5);
    for (const [, c] of wb.allCells()) if (c.formula) expect(c.formula.length).toBeLessThanOrEqual(8_192);
    expectFormulasMatch(wb, 'Summary');
  });

  it('short names stay inline as before', () => {
    const wb = newReview({ framework: 'hallmarks', partnerships: ['Crime', 'Health'], respondents: [], respondentCount: 0 });
    wb.setCell('Responses', 6, 1, 'Ann');
    wb.setCell('Responses', 6, 2, 'Crime');
    const { plan: p } = planSummary(snap(wb), { today: TODAY });
    wb.applyNow(p);
    const top = rowOf(wb, 'Summary', 'Partnerships side by side (mean scores)');
    expect(wb.getFormula('Summary', rowOf(wb, 'Summary', '1.1', top), partnerCols(wb, top)[0])).toContain('"=Crime"');
  });
});

describe('text options and pane fields a cell cannot hold are refused', () => {
  it('--cycle, --partnership and --respondent', () => {
    expect(() => parseCommandLine(['new', 'r.xlsx', '--framework', 'hallmarks', '--cycle', 'y'.repeat(40_000)])).toThrow(
      '--cycle is 40,000 characters long; a spreadsheet cell holds at most 32,767. Give a shorter one.',
    );
    expect(() => parseCommandLine(['new', 'r.xlsx', '--framework', 'hallmarks', '--partnership', 'p'.repeat(32_768)])).toThrow(
      '--partnership is 32,768 characters long',
    );
    expect(() => parseCommandLine(['new', 'r.xlsx', '--framework', 'hallmarks', '--respondent', 'r'.repeat(32_768)])).toThrow(
      '--respondent is 32,768 characters long',
    );
    expect(parseCommandLine(['new', 'r.xlsx', '--framework', 'hallmarks', '--cycle', 'y'.repeat(32_767)]).options.cycle).toHaveLength(
      32_767,
    );
  });

  it('the Create review form names the field', () => {
    const r = toCreateForm({
      frameworkId: 'hallmarks',
      multiplePartnerships: true,
      partnerships: `Crime\n${'p'.repeat(32_768)}`,
      respondents: 'Ann',
      cycle: 'c'.repeat(40_000),
      protect: true,
    });
    expect(r).toEqual({
      errors: {
        partnerships: 'A partnership name of 32,768 characters is more than a spreadsheet cell holds (32,767). Shorten it.',
        cycle: 'A cycle of 40,000 characters is more than a spreadsheet cell holds (32,767). Shorten it.',
      },
    });
  });
});

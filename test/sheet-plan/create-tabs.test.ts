import { describe, expect, it } from 'vitest';
import { builtinFrameworks, getFramework } from '../../core/framework/catalogue.js';
import { planCreate } from '../../core/operations/create.js';
import { ReviewRequestError } from '../../core/operations/types.js';
import type { PlanCell, TabPlan } from '../../core/sheet-plan/types.js';
import { buildMetaTab, metaRows, newMeta, META_CHUNK } from '../../core/sheet-plan/meta.js';
import { readMeta } from '../../core/reader/meta.js';
import { MemoryWorkbook } from '../../memory-host/index.js';
import { TODAY } from '../operations/helpers.js';

const cellAt = (t: TabPlan, row: number, col: number): PlanCell | undefined => {
  let found: PlanCell | undefined;
  for (const b of t.blocks) {
    const r = row - b.row;
    const c = col - b.col;
    if (r >= 0 && c >= 0 && r < b.cells.length && c < b.cells[0]!.length) found = b.cells[r]![c];
  }
  return found;
};
const v = (t: TabPlan, row: number, col: number) => {
  const c = cellAt(t, row, col);
  return c && 'v' in c ? c.v : c;
};

describe('planCreate', () => {
  it('lays out the partnership tree: tabs, Responses header rows, keys, dropdowns and names', () => {
    const plan = planCreate(
      { framework: 'partnership-tree', partnerships: ['KCP'], respondents: ['Ann', 'Bob'], cycle: '2026/27', today: TODAY, protect: true },
      ['Sheet1'],
    );
    expect(plan.tabs.map((t) => [t.name, t.mode])).toEqual([
      ['Instructions', 'create'],
      ['Responses', 'create'],
      ['Workshop Notes', 'create'],
      ['Summary', 'create'],
      ['Comments', 'create'],
      ['Improvement Plan', 'create'],
      ['Review Settings', 'create'],
      ['Previous Review', 'create'],
      ['PR_Meta', 'create'],
    ]);
    const r = plan.tabs[1]!;
    expect(v(r, 1, 1)).toBe('Partnership tree self-assessment: responses (2026/27)');
    expect(v(r, 2, 4)).toBe('ASPIRE');
    expect(v(r, 3, 4)).toBe('ASPIRE\nHow the partnership aspires');
    expect([v(r, 4, 1), v(r, 4, 2), v(r, 4, 3), v(r, 4, 4), v(r, 4, 5)]).toEqual([
      'Respondent',
      'Partnership',
      'Organisation',
      'Score (1–3)',
      'Comment',
    ]);
    expect([v(r, 5, 1), v(r, 5, 4), v(r, 5, 5), v(r, 5, 15)]).toEqual(['respondent', 'ASPIRE|score', 'ASPIRE|comment', 'DELIVER|comment']);
    expect([v(r, 6, 1), v(r, 6, 2), v(r, 7, 1), v(r, 8, 1)]).toEqual(['Ann', 'KCP', 'Bob', null]);
    // 2 named rows and 10 spare rows, all owned by people
    const data = r.blocks.find((b) => b.owner === 'input')!;
    expect([data.row, data.cells.length]).toEqual([6, 12]);
    expect(r.blocks.filter((b) => b.owner === 'generated').every((b) => b.row + b.cells.length - 1 <= 5)).toBe(true);
    expect(r.merges).toContainEqual({ row: 3, col: 4, rows: 1, cols: 2 });
    expect(r.freeze).toEqual({ rows: 5, cols: 1 });
    expect(r.hiddenRows).toEqual([5]);
    const score = r.validations.find((x) => x.range.col === 4)!;
    expect(score.rule).toMatchObject({ kind: 'list', values: ['1', '2', '3', "Don't know", 'N/A'], strict: false });
    expect(score.range).toEqual({ row: 6, col: 4, rows: 1012, cols: 1 });
    expect(r.validations.find((x) => x.range.col === 2)!.rule).toMatchObject({ kind: 'list', values: ['KCP'] });
    expect(r.protection).toMatchObject({ protect: true, editable: [{ row: 6, col: 1, rows: 1012, cols: 15 }] });
    expect(plan.namedRanges.map((n) => [n.name, n.range.col])).toEqual([
      ['PR_Score_ASPIRE', 4],
      ['PR_Score_THINK', 6],
      ['PR_Score_LEAD', 8],
      ['PR_Score_COLLABORATE', 10],
      ['PR_Score_ACCOUNT', 12],
      ['PR_Score_DELIVER', 14],
    ]);
    expect(plan.activate).toBe('Responses');
    const meta = plan.tabs[8]!;
    expect(meta.hidden).toBe(true);
  });

  it('writes "Respondent n" rows when no names are given, and records them as placeholders', () => {
    const plan = planCreate(
      { framework: 'hallmarks', partnerships: ['Crime', 'Health'], respondents: [], respondentCount: 3, cycle: '2026/27', today: TODAY },
      [],
    );
    const r = plan.tabs.find((t) => t.name === 'Responses')!;
    expect([v(r, 6, 1), v(r, 7, 1), v(r, 8, 1), v(r, 9, 1)]).toEqual(['Respondent 1', 'Respondent 2', 'Respondent 3', null]);
    // several partnerships: the partnership is chosen per row
    expect(v(r, 6, 2)).toBeNull();
    expect(r.validations.find((x) => x.range.col === 2)!.rule).toMatchObject({ values: ['Crime', 'Health'] });
    const wb = new MemoryWorkbook();
    wb.applyNow(plan);
    expect(readMeta(wb.readNow().tabs['PR_Meta']!).meta.placeholders).toBe(3);
    // 67 questions: a score and a comment each, after the three respondent columns
    expect(wb.tab('Responses').extent().cols).toBe(3 + 67 * 2);
    expect(wb.getCell('Responses', 5, 4)).toBe('1.1|score');
    expect(wb.getCell('Responses', 5, 3 + 67 * 2)).toBe('6.16|comment');
  });

  it('refuses to create a tab that exists, naming it, and an unknown framework', () => {
    expect(() =>
      planCreate({ framework: 'partnership-tree', partnerships: [], respondents: [], cycle: 'x', today: TODAY }, ['responses', 'Other']),
    ).toThrow(ReviewRequestError);
    expect(() =>
      planCreate({ framework: 'partnership-tree', partnerships: [], respondents: [], cycle: 'x', today: TODAY }, ['responses']),
    ).toThrow(/already has a tab named “Responses”/);
    expect(() => planCreate({ framework: 'no-such', partnerships: [], respondents: [], cycle: 'x', today: TODAY }, [])).toThrow(
      /no built-in framework "no-such"/,
    );
    expect(() => planCreate({ framework: 'hallmarks', partnerships: [], respondents: [], cycle: ' ', today: TODAY }, [])).toThrow(
      /Give the review cycle/,
    );
  });

  it('every built-in framework gives a valid plan: rectangular blocks, tab names, key rows, no formulas in input blocks', () => {
    for (const f of builtinFrameworks()) {
      const plan = planCreate({ framework: f.id, partnerships: ['A', 'B'], respondents: ['X'], cycle: '2026/27', today: TODAY }, []);
      for (const t of plan.tabs) {
        expect(t.name.length, t.name).toBeLessThanOrEqual(31);
        for (const b of t.blocks) {
          const w = b.cells[0]!.length;
          expect(
            b.cells.every((row) => row.length === w),
            `${t.name} block at ${b.row},${b.col}`,
          ).toBe(true);
          if (b.owner === 'input')
            expect(
              b.cells.flat().some((c) => 'f' in c),
              t.name,
            ).toBe(false);
        }
        for (const c of t.blocks.flatMap((b) => b.cells.flat())) {
          if (!('f' in c)) continue;
          expect(c.f).toMatch(/^=[A-Z($]/);
          // en-US separators only, and nothing but ASCII outside string literals
          expect(c.f.replace(/"(?:[^"]|"")*"/g, '""')).toMatch(/^[\x20-\x7e]+$/);
          expect(c.f.replace(/"(?:[^"]|"")*"/g, '""')).not.toContain(';');
        }
      }
      if (f.register) {
        const reg = plan.tabs.find((t) => t.name === f.register!.tab)!;
        expect(v(reg, 4, 1), f.id).toBe('theme');
        expect(v(reg, 5, 1), f.id).toBe(f.register.groups[0]);
      }
    }
  });

  it('the Instructions say which tabs people type in and list the silences', () => {
    const f = getFramework('nru-partnership');
    const plan = planCreate({ framework: f.id, partnerships: ['KCP'], respondents: [], cycle: '2026/27', today: TODAY }, []);
    const text = plan.tabs[0]!.blocks[0]!.cells.map((r) => ('v' in r[0]! ? r[0].v : '')).join('\n');
    expect(text).toContain('You type in: Responses, Review Settings, Previous Review.');
    expect(text).toContain('The add-in rewrites: Summary, Improvement Plan, PR_Meta (hidden).');
    expect(text).toContain('Choices this workbook makes where the source paper is silent');
    for (const s of f.silences) expect(text).toContain(s);
    for (const p of f.instructions) expect(text).toContain(p);
    // the in-depth table on Review Settings
    const settings = plan.tabs.find((t) => t.name === 'Review Settings')!;
    const cells = settings.blocks.flatMap((b) => b.cells.flat()).map((c) => ('v' in c ? c.v : null));
    expect(cells).toContain('Section id');
    expect(cells).toContain('Review in depth this cycle? (Yes/No)');
  });
});

describe('PR_Meta', () => {
  it('chunks a large framework into cells of at most 30,000 characters and reads it back', () => {
    const f = getFramework('hallmarks');
    const m = newMeta(f, '2026/27', TODAY);
    m.frameworkJson = JSON.stringify({ ...f, description: 'x'.repeat(70_000) });
    const rows = metaRows(m);
    const chunks = rows.filter(([k]) => k.startsWith('frameworkJson.'));
    expect(chunks).toHaveLength(Math.ceil(m.frameworkJson.length / META_CHUNK));
    expect(chunks.every(([, val]) => String(val).length <= 30_000)).toBe(true);
    const wb = new MemoryWorkbook();
    wb.applyNow({ tabs: [buildMetaTab(m, 'create')], namedRanges: [] });
    const back = readMeta(wb.readNow().tabs['PR_Meta']!);
    expect(back.meta.frameworkJson).toBe(m.frameworkJson);
    expect(back.meta.revision).toBe(1);
    expect(back.revisionAt).toEqual({ row: 4, col: 2, value: 1 });
  });
});

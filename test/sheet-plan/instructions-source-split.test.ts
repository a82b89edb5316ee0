/**
 * Issue #16, "say what is ours": the Instructions tab quotes only the source paper under "From the source paper" and
 * puts the product's own guidance under "How this workbook works"; the framework-review questions keep their stem;
 * the bi-annual review is rated Red/Amber/Green; register column notes and the plan's rules are written where people
 * read them. Expectations are written out by hand from the papers and the built-in frameworks.
 */
import { describe, expect, it } from 'vitest';
import { builtinFrameworkIds } from '../../core/framework/catalogue.js';
import { planCreate } from '../../core/operations/create.js';
import type { PlanCell, TabPlan } from '../../core/sheet-plan/types.js';
import { TODAY } from '../operations/helpers.js';

function cellsOf(t: TabPlan): Map<string, PlanCell> {
  const m = new Map<string, PlanCell>();
  for (const b of t.blocks) b.cells.forEach((row, r) => row.forEach((c, k) => m.set(`${b.row + r},${b.col + k}`, c)));
  return m;
}
const text = (c: PlanCell | undefined) => (c && 'v' in c && c.v !== null ? String(c.v) : '');

function create(id: string) {
  return planCreate({ framework: id, partnerships: ['KCP'], respondents: ['Ann'], cycle: '2026/27', today: TODAY, protect: false }, []);
}

function instructionLines(id: string): string[] {
  const tab = create(id).tabs.find((t) => t.role === 'instructions')!;
  return tab.blocks[0]!.cells.map((r) => text(r[0]));
}

/** The lines between a heading and the next blank line. */
function blockAfter(lines: string[], heading: string): string[] {
  const at = lines.indexOf(heading);
  if (at < 0) return [];
  const out: string[] = [];
  for (let i = at + 1; i < lines.length && lines[i] !== ''; i++) out.push(lines[i]!);
  return out;
}

/** Our own sentences that used to stand among the paper's words (hand-copied from the frameworks). */
const OURS: Record<string, string> = {
  hallmarks: "Answer each question Yes, Partly or No (or Don't know / N/A) and add a comment.",
  'partnership-tree': 'Give a comment with each score.',
  'risk-exercise': 'Write one scenario per row under its theme',
  'biannual-review': 'Rate each heading Red, Amber or Green',
  'framework-review': "Write each answer in the interviewee's words",
  'nru-partnership': 'For each sub-category: What Evidence do we have',
  'delivery-tracker': 'The summary sheet of four categories is the Theme Review tab',
};

describe("Instructions: the paper quoted apart from the product's own guidance", () => {
  it.each(builtinFrameworkIds())(
    '%s: every line under "From the source paper" is a quotation, and our guidance sits under "How this workbook works"',
    (id) => {
      const lines = instructionLines(id);
      const paper = blockAfter(lines, 'From the source paper');
      expect(paper.length).toBeGreaterThan(0);
      for (const p of paper) expect(p).toMatch(/^“[\s\S]*”$/);
      const ours = OURS[id]!;
      expect(paper.some((p) => p.includes(ours))).toBe(false);
      expect(blockAfter(lines, 'How this workbook works').some((l) => l.startsWith(ours))).toBe(true);
    },
  );

  it("the risk exercise no longer gives its own colour key as the paper's words", () => {
    const paper = blockAfter(instructionLines('risk-exercise'), 'From the source paper');
    expect(paper.join(' ')).not.toContain('Green = low');
    expect(paper.join(' ')).not.toContain('Likelihood and impact (1 to 5) are optional');
  });

  it('mean-based colours and "divided" are explained only where the Summary uses them (scored questions)', () => {
    const has = (id: string) => instructionLines(id).some((l) => l.startsWith('"Divided" marks an item'));
    expect(has('hallmarks')).toBe(true);
    expect(has('partnership-tree')).toBe(true);
    expect(has('delivery-tracker')).toBe(false);
    expect(has('risk-exercise')).toBe(false);
  });
});

describe('Wording the papers use, shown whole', () => {
  it('framework-review: the "Looking forward" questions keep their stem on Responses and on Instructions', () => {
    const plan = create('framework-review');
    const responses = plan.tabs.find((t) => t.role === 'entry')!;
    const row2 = [...cellsOf(responses).entries()].filter(([k]) => k.startsWith('2,')).map(([, c]) => text(c));
    const stem = "What do you see as being the key issues for Cheshire East LSP's Partnership Framework in terms of:";
    expect(row2.some((t) => t.includes(stem))).toBe(true);
    expect(instructionLines('framework-review').some((l) => l.includes(stem))).toBe(true);
  });

  it('biannual-review: each heading is rated Red, Amber or Green, not 1/2/3', () => {
    const plan = create('biannual-review');
    const responses = plan.tabs.find((t) => t.role === 'entry')!;
    const headers = [...cellsOf(responses).values()].map(text);
    expect(headers).toContain('Rating (Red, Amber or Green)');
    expect(headers.some((h) => h.startsWith('Score (1'))).toBe(false);
    // score columns start at D; A–C are respondent, partnership (its own list) and organisation
    const lists = responses.validations
      .filter((v) => v.rule.kind === 'list' && v.range.col >= 4)
      .map((v) => (v.rule.kind === 'list' ? v.rule.values : []));
    expect(lists.length).toBeGreaterThan(0);
    for (const values of lists) expect(values.slice(0, 3)).toEqual(['Red', 'Amber', 'Green']);
  });

  it('nru-partnership: Inclusive quotes a complete sentence, so it is not called cut short', () => {
    const plan = create('nru-partnership');
    const all = [...cellsOf(plan.tabs.find((t) => t.role === 'entry')!).values()].map(text);
    const inclusive = all.find((t) => t.includes('engaging with the community and voluntary sectors'));
    expect(inclusive).toBeDefined();
    expect(inclusive).not.toContain('cut short');
  });

  it('delivery-tracker: the column notes reach the Instructions tab, and the flags are Yes/No as the dropdown offers', () => {
    const lines = instructionLines('delivery-tracker');
    const cols = blockAfter(lines, 'The columns');
    expect(cols).toContain(
      'Progress Tracker, Progress (1): The paper: "Progress as at: 31st March 2003". Rename to "Progress as at dd/mm/yyyy" for your review.',
    );
    expect(lines.some((l) => l.includes('Yes/blank'))).toBe(false);
    expect(lines.some((l) => l.includes('are Yes/No columns (a blank cell counts as No)'))).toBe(true);
  });

  it.each(builtinFrameworkIds())("%s: the plan's rules are stated on the Instructions tab (dates, cap, SMART check)", (id) => {
    const lines = instructionLines(id).join('\n');
    expect(lines).toContain('to be completed 6 months and progress report 3 months after the day the plan is drafted');
    expect(lines).toContain('are drafted: change "Areas drafted into the plan, at most" on Review Settings');
    expect(lines).toContain(
      'The SMART check asks for an action, a key contact, a date to be completed that is not past, and something measurable',
    );
    expect(lines).toContain('It does not judge whether an action is achievable or resourced');
  });
});

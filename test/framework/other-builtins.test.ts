import { describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import { allItems, registerScoreColumns, scoredItems } from '../../core/framework/describe.js';
import { SMART_DEFINITION } from '../../core/framework/builtins/shared.js';
import { seedLines, seedText } from './seeds.js';
import { parseScore } from '../../core/scoring/parse-score.js';

const SEED_002 = '002_62de2b41f36f4a10.txt';
const SEED_003 = '003_7c9eb4337a863b71.txt';
const SEED_004 = '004_e7baff590d1b2cf4.txt';

describe('nru-partnership (seed 004 section 2)', () => {
  const nru = getFramework('nru-partnership');

  it("has the six core criteria in the seed's order", () => {
    expect(nru.sections.map((s) => `${s.id} ${s.title}`)).toEqual([
      '2.1 Strategic',
      '2.2 Inclusive',
      '2.3 Action-Focused',
      '2.4 Performance Managed',
      '2.5 Efficient',
      '2.6 Learning and Development',
    ]);
  });

  it('ships the two Strategic standards exactly as far as the seed gives them, marked incomplete', () => {
    const strategic = nru.sections[0]!.items;
    expect(strategic.map((i) => `${i.id} ${i.text}`)).toEqual(['2.1.3 Leadership', '2.1.4 Structure & accountability']);
    const seed = seedText(SEED_004);
    for (const item of strategic) {
      expect(seed).toContain(`${item.id} ${item.text}\t${item.guidance}`);
      expect(item.guidanceIncomplete).toBe(true);
    }
    expect(strategic[1]!.guidance!.endsWith('genuine community involvem')).toBe(true);
  });

  it('gives each other criterion one placeholder with its standard left to the partnership', () => {
    const others = nru.sections.slice(1).map((s) => s.items);
    expect(others.every((items) => items.length === 1)).toBe(true);
    // Inclusive quotes a whole sentence of appendix 1 (issue #16): complete; the other four have no standard at all
    expect(others.map((items) => items[0]!.guidanceIncomplete)).toEqual([false, true, true, true, true]);
    expect(others.map((items) => items[0]!.text)).toEqual([
      'Inclusive (sub-categories to be added by the partnership)',
      'Action-Focused (sub-categories to be added by the partnership)',
      'Performance Managed (sub-categories to be added by the partnership)',
      'Efficient (sub-categories to be added by the partnership)',
      'Learning and Development (sub-categories to be added by the partnership)',
    ]);
    expect(seedText(SEED_004)).toContain(`Inclusive –${others[0]![0]!.guidance}.`);
    expect(others.slice(1).map((items) => items[0]!.guidance)).toEqual(['', '', '', '']);
  });

  it('records evidence, progress and a score, evidence required, on a default 1–5 scale; in depth every 3 years', () => {
    expect(allItems(nru).every(({ item }) => item.fields.join() === 'evidence,progress,score' && item.evidenceRequired)).toBe(true);
    const scale = nru.scales[0]!;
    expect(scale.points.map((p) => [p.value, p.label])).toEqual([
      [1, '1'],
      [2, '2'],
      [3, '3'],
      [4, '4'],
      [5, '5'],
    ]);
    expect(scale.isDefault).toBe(true);
    expect(nru.inDepth).toEqual({ everyYears: 3 });
    expect(nru.silences.some((s) => s.includes('"not shown"'))).toBe(true);
  });

  it('quotes the SMART definition word for word', () => {
    expect(seedText(SEED_004)).toContain(SMART_DEFINITION);
    expect(nru.instructions).toContain(SMART_DEFINITION);
  });
});

describe('delivery-tracker (seed 004 section 1, appendices 2 and 3)', () => {
  const tracker = getFramework('delivery-tracker');
  const register = tracker.register!;

  it('is a register on the Progress Tracker tab, by theme, with no sections', () => {
    expect(tracker.kind).toBe('tracker');
    expect(tracker.sections).toEqual([]);
    expect(register.tab).toBe('Progress Tracker');
    expect(register.groupLabel).toBe('Theme');
    const seed = seedText(SEED_004).toLowerCase();
    for (const theme of register.groups) expect(seed, theme).toContain(theme.toLowerCase());
  });

  it('has the columns of appendix 2 and annex A, in order', () => {
    expect(register.columns.map((c) => `${c.id}:${c.type}`)).toEqual([
      'theme:group',
      'issue:text',
      'outcome:text',
      'evaluation:text',
      'action:text',
      'partners:text',
      'lead:text',
      'progress1:text',
      'progress2:text',
      'progress3:text',
      'achievement:score',
      'confirmed:score',
      'appropriateness:score',
      'whyNotMet:text',
      'keyActions:text',
      'supportNeeded:text',
      'nrf:flag',
      'caseStudy:flag',
      'equalitiesMade:flag',
      'equalitiesPotential:flag',
      'sustainabilityPotential:flag',
      'mainstream:flag',
    ]);
    expect(registerScoreColumns(tracker).map((c) => c.scale)).toEqual(['achievement', 'achievement', 'appropriateness']);
  });

  it("quotes the paper's stage 1 and stage 2 word for word: the subject of a), and c) and d) are there", () => {
    // the paper's text with its bold marks (**both**) taken out, spaces collapsed
    const paper = seedText(SEED_004)
      .replace(/\*\*/g, '')
      .replace(/<\/?u>/g, '')
      .replace(/\s+/g, ' ');
    for (const p of tracker.instructions) expect(paper, p).toContain(p.replace(/\s+/g, ' '));
    const all = tracker.instructions.join('\n');
    expect(all).toContain("a) Confirm the co-ordinator's assessment of the level of progress in meeting the desired outcomes for the NRS.");
    expect(all).toContain('c) To discuss with co-ordinators WHY some outcomes or issues have not been met or addressed in the NRS');
    expect(all).toContain(
      'd) Identify key actions to meet outstanding targets and the support needed to implement them, focusing on the NRS.',
    );
    expect(all).toContain(
      'Co-ordinators would make a judgement on whether a target outcome or action has been achieved, partially achieved, etc',
    );
    expect(all).toContain('More specifically Champions would be asked to work with co-ordinators to:');
    // the two stages' columns, each with the paper's step in its note
    const note = (id: string) => register.columns.find((c) => c.id === id)!.note ?? '';
    expect(note('achievement')).toContain('allocate a score between five and one accordingly');
    expect(note('confirmed')).toContain("a) Confirm the co-ordinator's assessment");
    expect(note('appropriateness')).toContain('b) Assess whether the actions have been effective');
    expect(note('whyNotMet')).toContain('c) To discuss with co-ordinators WHY');
    expect(note('keyActions')).toContain('d) Identify key actions to meet outstanding targets');
  });

  it('scores achievement 5 = achieved … 1 = not achieved, with the paper\'s "partially achieved" in the middle', () => {
    const scale = tracker.scales.find((s) => s.id === 'achievement')!;
    expect(scale.points.map((p) => `${p.value}=${p.label}`)).toEqual([
      '1=not achieved',
      '2=2',
      '3=partially achieved',
      '4=4',
      '5=achieved',
    ]);
    expect(seedText(SEED_004)).toContain('achieved, partially achieved, etc');
    // the paper's three words are accepted as scores, in any case
    expect(parseScore('Partially achieved', scale)).toEqual({ kind: 'score', value: 3 });
    expect(parseScore(' achieved ', scale)).toEqual({ kind: 'score', value: 5 });
    expect(parseScore('NOT ACHIEVED', scale)).toEqual({ kind: 'score', value: 1 });
    expect(seedText(SEED_004)).toContain('Scoring on a scale from five (achieved) to one (not achieved).');
    expect(tracker.scales.find((s) => s.id === 'appropriateness')!.isDefault).toBe(true);
  });

  it('has the Theme Review summary of appendix 3', () => {
    expect(register.groupSummary!.tab).toBe('Theme Review');
    const headers = register.groupSummary!.columns.map((c) => c.header);
    expect(headers).toEqual([
      'Theme',
      'Attendance at review meeting',
      'Date of Review',
      'Special Achievements',
      'Barriers',
      'Possible Solutions',
      'Action for Improvement',
    ]);
    const seed = seedText(SEED_004);
    for (const h of headers.slice(1)) expect(seed).toContain(h);
  });
});

describe('risk-exercise (seed 003 §3.2)', () => {
  const risk = getFramework('risk-exercise');

  it('lists the 13 risk themes exactly as the seed', () => {
    const lines = seedLines(SEED_003);
    const start = lines.indexOf('- Roles and responsibilities');
    const seedThemes = lines.slice(start, start + 13).map((l) => l.replace(/^- /, ''));
    expect(risk.register!.groups).toEqual(seedThemes);
    expect(risk.register!.groups).toHaveLength(13);
    expect(risk.register!.groups[12]).toBe('Stakeholders');
  });

  it('rates each scenario by traffic light, with optional likelihood and impact on default scales', () => {
    expect(risk.kind).toBe('risk');
    expect(risk.register!.tab).toBe('Risk Register');
    expect(risk.register!.columns.map((c) => `${c.id}:${c.type}`)).toEqual([
      'theme:group',
      'scenario:text',
      'likelihood:score',
      'impact:score',
      'rating:rag',
      'owner:text',
      'notes:text',
    ]);
    expect(risk.scales.every((s) => s.isDefault && s.points.length === 5)).toBe(true);
    expect(risk.register!.columns.find((c) => c.id === 'rating')!.note).toContain('Red = high, Amber = moderate, Green = low');
  });

  it("keeps the seed's scenarios as examples in the guidance, not as rows", () => {
    expect(risk.howTo.some((p) => p.includes('Recognition of the KCP, local and regionally'))).toBe(true);
    expect(risk.sections).toEqual([]);
    expect(risk.silences.some((s) => s.includes('likelihood × impact'))).toBe(true);
  });
});

describe('framework-review (seed 002)', () => {
  const review = getFramework('framework-review');

  it("asks the seed's questions word for word", () => {
    const seed = seedText(SEED_002);
    expect(allItems(review).map(({ item }) => item.id)).toEqual([
      'LB1',
      'LB2',
      'LB3',
      'LB4',
      'LF1',
      'LF2',
      'LF3',
      'LF4',
      'LF5',
      'LF6',
      'LF7',
      'LF8',
      'LA1',
    ]);
    for (const { item } of allItems(review)) expect(seed, item.id).toContain(item.text);
    // the eight roles are numbered 1–8 in the seed
    const lines = seedLines(SEED_002);
    review.sections[1]!.items.forEach((item, i) => expect(lines).toContain(`${i + 1}. ${item.text}`));
    expect(seed).toContain(review.sections[1]!.description!);
  });

  it('rates the two connection questions on the four-point scale and tags the rest with themes', () => {
    expect(scoredItems(review).map((s) => `${s.item.id}:${s.scale.id}`)).toEqual(['LB3:connection', 'LB4:connection']);
    expect(review.scales[0]!.points.map((p) => `${p.value} ${p.label}`)).toEqual([
      '1 Very ineffective',
      '2 Not very effective',
      '3 Effective',
      '4 Very effective',
    ]);
    const open = allItems(review).filter(({ item }) => !item.fields.includes('score'));
    expect(open).toHaveLength(11);
    expect(open.every(({ item }) => item.fields.join() === 'answer,themes')).toBe(true);
  });

  it("offers the seed's barrier headings as theme tags", () => {
    const tags = review.themeTags!.tags;
    expect(tags).toHaveLength(11);
    const seed = seedText(SEED_002);
    for (const tag of tags) expect(seed, tag).toContain(`**${tag}:**`);
  });
});

describe('biannual-review (seed 003 §3.1)', () => {
  const bi = getFramework('biannual-review');

  it("has the structure and operational headings with the seed's questions", () => {
    expect(bi.sections.map((s) => `${s.title}: ${s.items.map((i) => i.id).join(', ')}`)).toEqual([
      'Structure: MEMBERSHIP, THEME-GROUPS',
      'Operational: ROLE, GOVERNANCE, RISK, CHALLENGES',
    ]);
    const lines = seedLines(SEED_003);
    for (const { item } of allItems(bi)) expect(lines, item.id).toContain(`- ${item.text}`);
  });

  it('rates each heading Red / Amber / Green (our default) with notes', () => {
    expect(bi.scales[0]!.points.map((p) => `${p.value} ${p.label}`)).toEqual(['1 Red', '2 Amber', '3 Green']);
    expect(bi.scales[0]!.isDefault).toBe(true);
    expect(allItems(bi).every(({ item }) => item.fields.join() === 'score,comment')).toBe(true);
  });
});

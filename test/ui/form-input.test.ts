import { describe, expect, it } from 'vitest';
import { lines, MAX_BLANK_RESPONDENTS, parseRespondents, toCreateForm, type CreateFields } from '../../ui/form-input.js';

const base: CreateFields = {
  frameworkId: 'partnership-tree',
  multiplePartnerships: false,
  partnerships: 'Kensington and Chelsea LSP',
  respondents: 'Ann\nBen',
  cycle: '2026/27',
  protect: true,
};

describe('lines', () => {
  it('trims, drops blanks and repeats (case-insensitive), keeps order', () => {
    expect(lines('  Ann \r\n\nBen\nann\n  \nCara')).toEqual(['Ann', 'Ben', 'Cara']);
    expect(lines('')).toEqual([]);
  });
});

describe('parseRespondents', () => {
  it('takes names one per line', () => {
    expect(parseRespondents('Ann Smith\nBen Jones')).toEqual({ respondents: ['Ann Smith', 'Ben Jones'] });
  });
  it('takes a lone number as a count of blank rows', () => {
    expect(parseRespondents(' 8 ')).toEqual({ respondents: [], respondentCount: 8 });
  });
  it('refuses 0 and more than the limit, saying what to type', () => {
    const zero = parseRespondents('0');
    expect('error' in zero && zero.error).toMatch(/from 1 to 1000/);
    expect('error' in parseRespondents(String(MAX_BLANK_RESPONDENTS + 1))).toBe(true);
    expect(parseRespondents(String(MAX_BLANK_RESPONDENTS))).toEqual({ respondents: [], respondentCount: 1000 });
  });
  it('asks for something when empty', () => {
    const r = parseRespondents('\n \n');
    expect('error' in r && r.error).toMatch(/one name per line/);
  });
  it('treats numbers among names as names', () => {
    expect(parseRespondents('8\nBen')).toEqual({ respondents: ['8', 'Ben'] });
  });
});

describe('toCreateForm', () => {
  it('builds the form', () => {
    expect(toCreateForm(base)).toEqual({
      form: {
        frameworkId: 'partnership-tree',
        partnerships: ['Kensington and Chelsea LSP'],
        respondents: ['Ann', 'Ben'],
        cycle: '2026/27',
        protect: true,
      },
    });
  });
  it('passes a respondent count', () => {
    const r = toCreateForm({ ...base, respondents: '3', protect: false });
    expect(r).toEqual({
      form: {
        frameworkId: 'partnership-tree',
        partnerships: ['Kensington and Chelsea LSP'],
        respondents: [],
        respondentCount: 3,
        cycle: '2026/27',
        protect: false,
      },
    });
  });
  it('takes several partnerships only when the framework allows them', () => {
    const two = 'Community Safety\nChildren’s Trust';
    expect(toCreateForm({ ...base, frameworkId: 'hallmarks', multiplePartnerships: true, partnerships: two })).toMatchObject({
      form: { partnerships: ['Community Safety', 'Children’s Trust'] },
    });
    expect(toCreateForm({ ...base, partnerships: two })).toEqual({
      errors: { partnerships: 'This framework reviews one partnership at a time: type one name.' },
    });
  });
  it('names every field to fix', () => {
    expect(toCreateForm({ ...base, frameworkId: '', partnerships: ' ', respondents: '', cycle: ' ' })).toEqual({
      errors: {
        framework: 'Choose a framework.',
        partnerships: 'Type the name of the partnership you are reviewing.',
        respondents: 'Type the respondents, one name per line, or how many there are (for example 8).',
        cycle: 'Type the review cycle, for example 2026/27.',
      },
    });
  });
});

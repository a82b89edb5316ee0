import { describe, expect, it } from 'vitest';
import { FrameworkSchema } from '../../core/framework/schema.js';
import { splitTags, themeMentions } from '../../core/scoring/themes.js';
import { resetRows, response } from './fixtures.js';

const interview = FrameworkSchema.parse({
  id: 'iv',
  title: 'Interview',
  description: 'd',
  kind: 'interview',
  source: { seed: '002', reference: 'barriers' },
  scales: [{ id: 'eff', points: [1, 2, 3, 4].map((v) => ({ value: v, label: `e${v}` })) }],
  defaultScale: 'eff',
  sections: [
    {
      id: 'BACK',
      title: 'Looking back',
      items: [
        { id: 'Q1', text: 'Added value?', fields: ['answer', 'themes'] },
        { id: 'Q2', text: 'Barriers?', fields: ['answer', 'themes'] },
        { id: 'Q3', text: 'Connection?', fields: ['score', 'comment'] },
      ],
    },
  ],
  themeTags: { tags: ['LAA', 'Lack of clarity', "Lack of 'buy in'", 'Communication', 'Limited guidance, advice & information'] },
});

describe('theme mentions', () => {
  it('splits on ; and , and drops empty tags', () => {
    expect(splitTags(' Communication ,Funding;; ')).toEqual(['Communication', 'Funding']);
    expect(splitTags('')).toEqual([]);
  });

  it('counts answers per tag, case-insensitively, once per answer; lists unknown tags', () => {
    resetRows();
    const rs = [
      response('A', '', { Q1: { answer: 'LAA took over', themes: 'LAA; lack of clarity' }, Q2: { themes: 'laa' } }),
      response('B', '', { Q1: { themes: ' Communication ,Funding;; ' }, Q2: { themes: 'lack of ‘buy in’, LAA, laa' } }),
      response('C', '', { Q1: { themes: 'funding' }, Q2: { themes: null }, Q3: { score: 2, comment: 'LAA' } }),
    ];
    // LAA: A/Q1, A/Q2, B/Q2 (twice in one answer counts once) = 3
    expect(themeMentions(interview, rs)).toEqual({
      counts: { LAA: 3, 'Lack of clarity': 1, "Lack of 'buy in'": 1, Communication: 1, 'Limited guidance, advice & information': 0 },
      unknownTags: ['Funding'],
    });
  });

  it('a tag that contains a comma is recognised whole; its parts alone are not the tag', () => {
    resetRows();
    const rs = [
      response('A', '', { Q1: { themes: 'LAA, limited guidance,  ADVICE & information; communication' } }),
      response('B', '', { Q1: { themes: 'Limited guidance' } }),
    ];
    expect(themeMentions(interview, rs)).toEqual({
      counts: { LAA: 1, 'Lack of clarity': 0, "Lack of 'buy in'": 0, Communication: 1, 'Limited guidance, advice & information': 1 },
      unknownTags: ['Limited guidance'],
    });
  });

  it('every tag is a key even with no answers', () => {
    expect(themeMentions(interview, [])).toEqual({
      counts: { LAA: 0, 'Lack of clarity': 0, "Lack of 'buy in'": 0, Communication: 0, 'Limited guidance, advice & information': 0 },
      unknownTags: [],
    });
  });
});

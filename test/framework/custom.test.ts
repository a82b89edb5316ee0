import { describe, expect, it } from 'vitest';
import { findJsonError, parseCustomFramework } from '../../core/framework/custom.js';

/** A small custom framework a partnership might write. */
function sample(): Record<string, any> {
  return {
    id: 'my-review',
    title: 'My review',
    scales: [
      {
        id: 'agree',
        points: [
          { value: 1, label: 'Disagree' },
          { value: 2, label: 'Agree' },
        ],
      },
    ],
    sections: [
      { id: 'S1', title: 'Vision', items: [{ id: 'Q1', text: 'We share a vision' }] },
      {
        id: 'S2',
        title: 'Leadership',
        items: [
          { id: 'Q2', text: 'The chair is reviewed' },
          { id: 'Q3', text: 'Partners challenge each other' },
          { id: 'Q4', text: 'Actions have owners', fields: ['score', 'comment', 'evidence'] },
        ],
      },
    ],
  };
}

function errorsOf(input: unknown): string[] {
  const result = parseCustomFramework(input);
  if (result.ok) throw new Error('expected problems, got a framework');
  return result.errors;
}

describe('custom frameworks: good input', () => {
  it('accepts a short framework and fills in what a first framework may leave out', () => {
    const result = parseCustomFramework(sample());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const f = result.framework;
    expect(f.kind).toBe('questionnaire');
    expect(f.description).toBe('My review');
    expect(f.defaultScale).toBe('agree');
    expect(f.source).toEqual({ seed: 'custom', reference: 'Custom framework defined by the partnership' });
    expect(f.sections[1]!.items.map((i) => i.fields.join())).toEqual(['score,comment', 'score,comment', 'score,comment,evidence']);
    expect(f.rag).toEqual({ green: 75, amber: 50 });
  });

  it("accepts the same framework as JSON text, and leaves the caller's object untouched", () => {
    const input = sample();
    const before = JSON.stringify(input);
    expect(parseCustomFramework(JSON.stringify(input, null, 2)).ok).toBe(true);
    parseCustomFramework(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('custom frameworks: problems said in plain words', () => {
  it('names the section and item when the wording is missing', () => {
    const f = sample();
    delete f.sections[1].items[2].text;
    expect(errorsOf(f)).toEqual(['Section 2 ("Leadership"), item 3: the wording ("text") is missing. Add it.']);
  });

  it("uses the schema's own words for an empty wording", () => {
    const f = sample();
    f.sections[0].items[0].text = '   ';
    expect(errorsOf(f)).toEqual(['Section 1 ("Vision"), item 1: each item needs its wording.']);
  });

  it('lists the allowed values for a mistyped field and kind', () => {
    const f = sample();
    f.sections[0].items[0].fields = ['scor'];
    f.kind = 'survey';
    expect(errorsOf(f)).toEqual([
      'The framework: "survey" is not allowed as the kind ("kind"). Use one of: "questionnaire", "tracker", "risk", "interview".',
      'Section 1 ("Vision"), item 1, field 1: "scor" is not allowed as this field. Use one of: "score", "answer", "themes", "comment", "evidence", "progress".',
    ]);
  });

  it('reports a setting it does not know instead of dropping it', () => {
    const f = sample();
    f.sections[1].items[0].gudance = 'Look at the minutes';
    expect(errorsOf(f)).toEqual([
      'Section 2 ("Leadership"), item 1: "gudance" is not a setting a framework understands, so it would be lost. Check the spelling; the settings allowed here are: id, text, guidance, guidanceIncomplete, scale, fields, evidenceRequired, weight.',
    ]);
  });

  it('explains wrong types and out-of-range numbers', () => {
    const f = sample();
    f.title = 3;
    f.sections[1].items[1].weight = 0;
    expect(errorsOf(f)).toEqual([
      'The framework: the title ("title") should be text in double quotes, not 3.',
      'Section 2 ("Leadership"), item 2: the weight ("weight") must be more than 0; it is 0.',
    ]);
  });

  it('explains a scale whose points are out of order or share a label', () => {
    const f = sample();
    f.scales[0].points = [
      { value: 2, label: 'Agree' },
      { value: 1, label: 'agree' },
    ];
    expect(errorsOf(f)).toEqual([
      'Scale 1 ("agree"), point 2: scale "agree": list the points in ascending order of value, each value once.',
      'Scale 1 ("agree"): scale "agree": the label "agree" is used twice. Give each point of the scale a label of its own.',
    ]);
  });

  it('adds how to fix to the framework-wide checks', () => {
    const f = sample();
    f.sections[1].items[1].id = 'Q1';
    f.sections[0].items[0].scale = 'five-point';
    expect(errorsOf(f)).toEqual([
      'Section 1 ("Vision"), item 1: item "Q1" uses scale "five-point", which is not defined. Add that scale under "scales", or use the id of a scale that is there.',
      'Section 2 ("Leadership"), item 2: the id "Q1" is used twice. Give each section and item an id of its own.',
    ]);
    const g = sample();
    g.defaultScale = 'five-point';
    expect(errorsOf(g)).toEqual([
      'The framework: defaultScale "five-point" is not one of the scales (agree). Use the id of one of the scales.',
    ]);
  });

  it('names register columns and tab-name limits', () => {
    const f = sample();
    f.kind = 'risk';
    f.register = {
      tab: 'Risks identified at the away day 2026',
      groupLabel: 'Theme',
      groups: ['Legal'],
      columns: [{ id: 'level', header: 'Level', type: 'score' }],
    };
    expect(errorsOf(f)).toEqual([
      'The register: the tab name ("tab") can be at most 31 characters. Shorten it.',
      'The register: register column "level" needs a scale that is defined. Set its "scale" to the id of one of the scales.',
    ]);
    f.register.tab = 'Risks';
    f.register.columns[0].scale = 'agree';
    expect(parseCustomFramework(f).ok).toBe(true);
    f.register.columns[0].type = 'grade';
    expect(errorsOf(f)).toEqual([
      'The register, column 1 ("Level"): "grade" is not allowed as the column type ("type"). Use one of: "text", "date", "score", "flag", "rag", "group".',
    ]);
  });

  it('refuses the id of a built-in framework', () => {
    const f = sample();
    f.id = 'hallmarks';
    expect(errorsOf(f)).toEqual([
      'The framework: the id "hallmarks" belongs to a built-in framework (partnership-tree, hallmarks, nru-partnership, delivery-tracker, risk-exercise, framework-review, biannual-review). Choose another id, for example "hallmarks-custom".',
    ]);
  });

  it('says what a framework must be when given something else', () => {
    expect(errorsOf('')).toEqual(['The framework is empty: paste the framework\'s JSON, which starts with "{" and ends with "}".']);
    expect(errorsOf([1, 2])).toEqual([
      'The framework must be one JSON object in curly brackets { … } with at least an "id", a "title", "scales" and "sections"; this is a list [ … ].',
    ]);
    expect(errorsOf(null)).toEqual([
      'The framework must be one JSON object in curly brackets { … } with at least an "id", a "title", "scales" and "sections"; this is empty (null).',
    ]);
  });
});

describe('custom frameworks: JSON mistakes give the line and column', () => {
  it('a missing comma', () => {
    expect(errorsOf('{\n  "id": "x",\n  "title": "t"\n  "scales": []\n}')).toEqual([
      'The framework is not valid JSON: line 4, column 3: expected "," or "}": a comma is probably missing between two settings.',
    ]);
  });

  it('a comma left before a closing bracket points at the comma', () => {
    expect(errorsOf('{\n  "id": "x",\n}')).toEqual(['The framework is not valid JSON: line 2, column 12: remove the comma before "}".']);
    expect(errorsOf('{"groups": ["a", "b",]}')).toEqual([
      'The framework is not valid JSON: line 1, column 21: remove the comma before "]".',
    ]);
  });

  it('single quotes, unclosed text, capitalised True, text after the end, the end too early', () => {
    expect(errorsOf("{'id': 'x'}")).toEqual([
      'The framework is not valid JSON: line 1, column 2: use double quotes (") around names and text, not single quotes (\').',
    ]);
    expect(errorsOf('{"id": "x')).toEqual([
      'The framework is not valid JSON: line 1, column 8: this text in double quotes is never closed: add the closing ".',
    ]);
    expect(errorsOf('{"isDefault": True}')).toEqual([
      'The framework is not valid JSON: line 1, column 15: text must be in double quotes; true, false and null are written in lower case.',
    ]);
    expect(errorsOf('{"id": "x"} }')).toEqual([
      'The framework is not valid JSON: line 1, column 13: there is more text after the end of the framework: remove it, or check the brackets match.',
    ]);
    expect(errorsOf('{"sections": [')).toEqual([
      'The framework is not valid JSON: line 1, column 15: the text ends too early: a closing "}", "]" or double quote is probably missing.',
    ]);
  });

  it('the scanner agrees with JSON.parse on what is valid', () => {
    const valid = ['{}', '[]', '0', '-1.5e3', '"a\\u00e9\\n"', '{"a": [true, false, null, {"b": 2}]}', ' \n{ "a" : 1 } \n'];
    for (const text of valid) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonError(text), text).toBeNull();
    }
    const invalid = ['{"a": 01}', '{"a": 1.}', '{"a": .5}', '{"a": "\\x"}', '{"a": "tab\there"}', '[1 2]', '{"a" 1}', '{1: 2}', '-'];
    for (const text of invalid) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(findJsonError(text), text).not.toBeNull();
    }
  });
});

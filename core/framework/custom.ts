/**
 * Custom frameworks: a framework a partnership writes as JSON, checked by the schema, with every problem said in
 * words a non-programmer understands — where it is ("Section 2 ("Leadership"), item 3: …") and what to do about it.
 *
 * To keep a first custom framework short, a few things may be left out and are filled in before checking:
 * `kind` (questionnaire), `description` (the title), `source` (custom), `defaultScale` (the first scale) and an
 * item's `fields` (score and comment). Settings the schema does not know are reported, never silently dropped.
 */
import { z } from 'zod';
import {
  FrameworkSchema,
  ItemSchema,
  RegisterColumnSchema,
  RegisterSchema,
  ScalePointSchema,
  ScaleSchema,
  SectionSchema,
  ThemeTagsSchema,
  RagThresholdsSchema,
  type Framework,
} from './schema.js';
import { builtinFrameworkIds, isBuiltinFrameworkId } from './catalogue.js';

export type CustomFrameworkResult = { ok: true; framework: Framework } | { ok: false; errors: string[] };

/** Marks messages zod wrote itself (the schema gave none), so we can say them in plain words instead. */
const PLAIN = '\u0000plain';

/**
 * Checks a custom framework given as JSON text or as an already-parsed value.
 * Returns the parsed framework, or every problem found, each naming where it is and how to fix it.
 */
export function parseCustomFramework(json: unknown): CustomFrameworkResult {
  let data: unknown = json;
  if (typeof json === 'string') {
    const text = json.replace(/^\uFEFF/, '');
    if (text.trim() === '') {
      return fail(['The framework is empty: paste the framework\'s JSON, which starts with "{" and ends with "}".']);
    }
    const syntax = findJsonError(text);
    if (syntax) {
      const { line, column } = lineAndColumn(text, syntax.offset);
      return fail([`The framework is not valid JSON: line ${line}, column ${column}: ${syntax.problem}.`]);
    }
    data = JSON.parse(text);
  }
  if (!isPlainObject(data)) {
    return fail([
      `The framework must be one JSON object in curly brackets { … } with at least an "id", a "title", "scales" and "sections"; this is ${describeValue(data)}.`,
    ]);
  }

  const filled = withFriendlyDefaults(data);
  const errors: string[] = [];
  if (typeof filled.id === 'string' && isBuiltinFrameworkId(filled.id)) {
    errors.push(
      `The framework: the id "${filled.id.trim()}" belongs to a built-in framework (${builtinFrameworkIds().join(', ')}). Choose another id, for example "${filled.id.trim()}-custom".`,
    );
  }
  errors.push(...unknownSettings(filled));

  const result = FrameworkSchema.safeParse(filled, { reportInput: true, error: () => PLAIN });
  if (result.success && errors.length === 0) return { ok: true, framework: result.data };
  if (!result.success) errors.push(...result.error.issues.map((issue) => explainIssue(issue, filled)));
  return fail(errors);
}

function fail(errors: string[]): CustomFrameworkResult {
  return { ok: false, errors: [...new Set(errors)] };
}

// ——— friendly defaults ———

function withFriendlyDefaults(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...input };
  if (out.kind === undefined) out.kind = 'questionnaire';
  if (out.description === undefined) out.description = typeof out.title === 'string' ? out.title : 'Custom framework';
  if (out.source === undefined) out.source = { seed: 'custom', reference: 'Custom framework defined by the partnership' };
  if (out.defaultScale === undefined && Array.isArray(out.scales)) {
    const first: unknown = out.scales[0];
    if (isPlainObject(first) && typeof first.id === 'string') out.defaultScale = first.id;
  }
  if (Array.isArray(out.sections)) {
    out.sections = out.sections.map((section: unknown) => {
      if (!isPlainObject(section) || !Array.isArray(section.items)) return section;
      return {
        ...section,
        items: section.items.map((item: unknown) =>
          isPlainObject(item) && item.fields === undefined ? { ...item, fields: ['score', 'comment'] } : item,
        ),
      };
    });
  }
  return out;
}

// ——— settings the schema does not know ———

/** Which object schema describes each nested setting, so unknown keys can be found at any depth. */
const NESTED: Record<string, { object: z.ZodObject; list: boolean }> = {
  source: { object: FrameworkSchema.shape.source, list: false },
  scales: { object: ScaleSchema, list: true },
  points: { object: ScalePointSchema, list: true },
  rag: { object: RagThresholdsSchema, list: false },
  sections: { object: SectionSchema, list: true },
  items: { object: ItemSchema, list: true },
  inDepth: { object: FrameworkSchema.shape.inDepth.unwrap(), list: false },
  register: { object: RegisterSchema, list: false },
  columns: { object: RegisterColumnSchema, list: true },
  groupSummary: { object: RegisterSchema.shape.groupSummary.unwrap(), list: false },
  themeTags: { object: ThemeTagsSchema, list: false },
};

function unknownSettings(data: Record<string, unknown>): string[] {
  const found: string[] = [];
  const walk = (value: Record<string, unknown>, schema: z.ZodObject, path: PropertyKey[]): void => {
    const known = Object.keys(schema.shape);
    for (const [key, child] of Object.entries(value)) {
      if (!known.includes(key)) {
        const where = locate(path, data);
        found.push(
          `${where}: "${key}" is not a setting a framework understands, so it would be lost. Check the spelling; the settings allowed here are: ${known.join(', ')}.`,
        );
        continue;
      }
      const nested = NESTED[key];
      if (!nested) continue;
      if (nested.list && Array.isArray(child)) {
        child.forEach((element: unknown, i) => {
          if (isPlainObject(element)) walk(element, nested.object, [...path, key, i]);
        });
      } else if (!nested.list && isPlainObject(child)) {
        walk(child, nested.object, [...path, key]);
      }
    }
  };
  walk(data, FrameworkSchema, []);
  return found;
}

// ——— explaining a schema problem ———

/** What each setting is called in a message. */
const SETTING_NAMES: Record<string, string> = {
  id: 'the id ("id")',
  title: 'the title ("title")',
  description: 'the description ("description")',
  kind: 'the kind ("kind")',
  source: 'the source ("source")',
  seed: 'the source document ("seed")',
  reference: 'the reference ("reference")',
  instructions: 'the instructions ("instructions")',
  scales: 'the scales ("scales")',
  points: 'the scale points ("points")',
  value: 'the value ("value")',
  label: 'the label ("label")',
  notScored: 'the answers that are not scored ("notScored")',
  isDefault: '"isDefault"',
  note: 'the note ("note")',
  defaultScale: 'the default scale ("defaultScale")',
  rag: 'the red/amber/green thresholds ("rag")',
  green: 'the green threshold ("green")',
  amber: 'the amber threshold ("amber")',
  dividedFraction: 'the divided-opinion fraction ("dividedFraction")',
  changeThreshold: 'the change threshold ("changeThreshold")',
  sections: 'the sections ("sections")',
  items: 'the items ("items")',
  text: 'the wording ("text")',
  guidance: 'the guidance ("guidance")',
  guidanceIncomplete: '"guidanceIncomplete"',
  scale: 'the scale ("scale")',
  fields: 'the fields ("fields")',
  evidenceRequired: '"evidenceRequired"',
  weight: 'the weight ("weight")',
  multiplePartnerships: '"multiplePartnerships"',
  inDepth: 'the in-depth review setting ("inDepth")',
  everyYears: 'the number of years ("everyYears")',
  sectionFreeText: 'the free text per section ("sectionFreeText")',
  register: 'the register ("register")',
  tab: 'the tab name ("tab")',
  groupLabel: 'the group label ("groupLabel")',
  groups: 'the groups ("groups")',
  columns: 'the columns ("columns")',
  header: 'the column heading ("header")',
  type: 'the column type ("type")',
  required: '"required"',
  width: 'the width ("width")',
  groupSummary: 'the summary per group ("groupSummary")',
  themeTags: 'the theme tags ("themeTags")',
  tags: 'the tags ("tags")',
  silences: 'the silences ("silences")',
};

/** What one entry of each list is called, for "add at least one …". */
const ENTRY_NOUNS: Record<string, string> = {
  scales: 'scale',
  points: 'point',
  sections: 'section',
  items: 'item',
  fields: 'field',
  columns: 'column',
  groups: 'group',
  tags: 'tag',
};

/** Plain-words fixes added to the schema's own messages, found by what the message says. */
const HINTS: [pattern: RegExp, hint: string][] = [
  [/^the id ".*" is used twice$/, 'Give each section and item an id of its own.'],
  [/the label ".*" is used twice$/, 'Give each point of the scale a label of its own.'],
  [/is not one of the scales/, 'Use the id of one of the scales.'],
  [/which is not defined$/, 'Add that scale under "scales", or use the id of a scale that is there.'],
  [/needs a scale that is defined$/, 'Set its "scale" to the id of one of the scales.'],
  [/needs at least one section/, 'Add a section with at least one item.'],
];

type Issue = z.core.$ZodIssue;

function explainIssue(issue: Issue, data: unknown): string {
  const where = locate(issue.path, data);
  const what = issue.message === PLAIN ? plainWords(issue) : withHint(issue.message);
  return `${where}: ${what}`;
}

function withHint(message: string): string {
  const sentence = /[.?!]$/.test(message) ? message : `${message}.`;
  const hint = HINTS.find(([pattern]) => pattern.test(message));
  return hint ? `${sentence} ${hint[1]}` : sentence;
}

function plainWords(issue: Issue): string {
  const leaf = issue.path[issue.path.length - 1];
  const leafKey = typeof leaf === 'string' ? leaf : undefined;
  const listKey = typeof leaf === 'number' ? issue.path[issue.path.length - 2] : undefined;
  const name = leafKey ? (SETTING_NAMES[leafKey] ?? `"${leafKey}"`) : 'this entry';
  const input = (issue as { input?: unknown }).input;

  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return `${name} is missing. Add it.`;
      return `${name} should be ${expectedPhrase(issue.expected)}, not ${describeValue(input)}.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return `${name} cannot be empty. Fill it in.`;
      if (issue.origin === 'array') {
        const noun = (leafKey && ENTRY_NOUNS[leafKey]) ?? 'entry';
        return `${name} needs at least ${min} ${min === 1 ? noun : plural(noun)}. Add ${min === 1 ? 'one' : 'more'}.`;
      }
      return `${name} must be ${issue.inclusive ? 'at least' : 'more than'} ${min}; it is ${describeValue(input)}.`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `${name} can be at most ${max} characters. Shorten it.`;
      if (issue.origin === 'array') return `${name} can have at most ${max} entries. Remove some.`;
      return `${name} must be ${issue.inclusive ? 'at most' : 'less than'} ${max}; it is ${describeValue(input)}.`;
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      const subject = leafKey ? name : listKey === 'fields' ? 'this field' : 'this entry';
      return `${describeValue(input)} is not allowed as ${subject}. Use one of: ${allowed}.`;
    }
    case 'invalid_format':
      return `${name} is not written in the expected form (${issue.format}). Correct it.`;
    default:
      return `${name} is not right. Check it against the example framework.`;
  }
}

function expectedPhrase(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text in double quotes';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list in square brackets [ … ]';
    case 'object':
      return 'a group of settings in curly brackets { … }';
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'empty (null)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list [ … ]';
  return 'a group of settings { … }';
}

function plural(noun: string): string {
  return noun === 'entry' ? 'entries' : `${noun}s`;
}

// ——— where a problem is ———

/** Names of settings that hold a group of further settings, when they appear in the middle of a path. */
const GROUP_NAMES: Record<string, string> = {
  source: 'the source',
  rag: 'the red/amber/green thresholds',
  inDepth: 'the in-depth review setting',
  register: 'the register',
  groupSummary: 'the summary per group',
  themeTags: 'the theme tags',
};

/** "Section 2 ("Leadership"), item 3" for a path into the framework; "The framework" for its top level. */
function locate(path: readonly PropertyKey[], data: unknown): string {
  const parts: string[] = [];
  let current: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if (typeof key !== 'string') break; // an index is consumed with its list below
    const child = isPlainObject(current) ? current[key] : undefined;
    if (typeof next === 'number') {
      const element = Array.isArray(child) ? (child[next] as unknown) : undefined;
      parts.push(entryLabel(key, next, element));
      current = element;
      i++;
    } else if (next !== undefined) {
      parts.push(GROUP_NAMES[key] ?? `"${key}"`);
      current = child;
    }
  }
  if (parts.length === 0) return 'The framework';
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function entryLabel(list: string, index: number, element: unknown): string {
  const n = index + 1;
  const named = (label: string, name: unknown): string =>
    typeof name === 'string' && name.trim() !== '' ? `${label} ${n} (${JSON.stringify(name.trim())})` : `${label} ${n}`;
  const obj = isPlainObject(element) ? element : {};
  switch (list) {
    case 'sections':
      return named('Section', obj.title ?? obj.id);
    case 'items':
      return `item ${n}`;
    case 'scales':
      return named('Scale', obj.id);
    case 'points':
      return `point ${n}`;
    case 'columns':
      return named('column', obj.header ?? obj.id);
    case 'fields':
      return `field ${n}`;
    case 'notScored':
      return `not-scored answer ${n}`;
    case 'groups':
      return `group ${n}`;
    case 'tags':
      return `tag ${n}`;
    case 'instructions':
      return `instruction paragraph ${n}`;
    case 'silences':
      return `silence ${n}`;
    case 'sectionFreeText':
      return `free-text entry ${n}`;
    default:
      return `"${list}" entry ${n}`;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ——— JSON syntax: where the first mistake is ———

interface JsonError {
  offset: number;
  problem: string;
}

/** 1-based line and column of an offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

/**
 * Finds the first syntax mistake in JSON text, with a plain explanation, or null when the text is valid JSON.
 * Written here (rather than reading JSON.parse's message) so every host — Node, browsers, Apps Script — reports
 * the same line and column.
 */
export function findJsonError(text: string): JsonError | null {
  let pos = 0;
  /** Where the last comma was, to point at a comma left before "}" or "]". */
  let lastComma = 0;
  class Stop extends Error {
    constructor(readonly at: JsonError) {
      super(at.problem);
    }
  }
  function stop(problem: string, at = pos): never {
    throw new Stop({ offset: at, problem });
  }
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos]!)) pos++;
  };
  function endTooEarly(): never {
    return stop('the text ends too early: a closing "}", "]" or double quote is probably missing');
  }
  function unexpected(): never {
    const ch = text[pos];
    if (ch === undefined) return endTooEarly();
    if (ch === "'") return stop('use double quotes (") around names and text, not single quotes (\')');
    if (/[A-Za-z]/.test(ch)) return stop('text must be in double quotes; true, false and null are written in lower case');
    return stop(`unexpected ${JSON.stringify(ch)}`);
  }

  const value = (): void => {
    skipSpace();
    const ch = text[pos];
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return;
      }
    }
    unexpected();
  };

  const object = (): void => {
    pos++; // {
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[pos] === '}') stop('remove the comma before "}"', lastComma);
      if (text[pos] !== '"') {
        if (pos >= text.length) endTooEarly();
        if (text[pos] === "'") unexpected();
        stop('expected a name in double quotes, for example "title"');
      }
      string();
      skipSpace();
      if (text[pos] !== ':') {
        if (pos >= text.length) endTooEarly();
        stop('expected ":" after the name');
      }
      pos++;
      value();
      skipSpace();
      if (text[pos] === ',') {
        lastComma = pos;
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return;
      }
      if (pos >= text.length) endTooEarly();
      stop('expected "," or "}": a comma is probably missing between two settings');
    }
  };

  const array = (): void => {
    pos++; // [
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[pos] === ']') stop('remove the comma before "]"', lastComma);
      value();
      skipSpace();
      if (text[pos] === ',') {
        lastComma = pos;
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return;
      }
      if (pos >= text.length) endTooEarly();
      stop('expected "," or "]": a comma is probably missing between two entries of the list');
    }
  };

  const string = (): void => {
    const start = pos;
    pos++; // opening quote
    for (;;) {
      const ch = text[pos];
      if (ch === undefined) stop('this text in double quotes is never closed: add the closing "', start);
      if (ch === '"') {
        pos++;
        return;
      }
      if (ch === '\n' || ch === '\r') stop('a line break inside double quotes: close the quote before the end of the line, or write \\n');
      if (ch === '\t') stop('a tab inside double quotes: write \\t instead');
      if (ch < ' ') stop('a control character inside double quotes: remove it');
      if (ch === '\\') {
        const esc = text[pos + 1];
        if (esc === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(pos + 2, pos + 6))) stop('"\\u" must be followed by four hexadecimal digits');
          pos += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc))
          stop('a backslash (\\) in text must be followed by ", \\, /, b, f, n, r, t or u; write \\\\ for a backslash');
        pos += 2;
        continue;
      }
      pos++;
    }
  };

  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos));
    if (!match || match[0] === '-') stop('a number is written wrongly (for example 3 or 2.5, with a full stop for decimals)');
    pos += match[0].length;
    const after = text[pos];
    if (after !== undefined && /[0-9A-Za-z.]/.test(after))
      stop('a number is written wrongly (for example 3 or 2.5, with a full stop for decimals)');
  };

  try {
    value();
    skipSpace();
    if (pos < text.length) stop('there is more text after the end of the framework: remove it, or check the brackets match');
    return null;
  } catch (e) {
    if (e instanceof Stop) return e.at;
    throw e;
  }
}

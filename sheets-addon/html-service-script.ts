/**
 * The sidebar's one inline script, made to survive what HtmlService does to an HTML file before the browser sees it.
 *
 * What HtmlService does (the model, at its strictest reading). Google does not document its HTML processing step; what
 * is on record is what it has broken:
 * - Comment sequences inside an inline script are removed without parsing the JavaScript: `//` runs to the end of the
 *   line and `/* … *\/` to its close are cut even inside template literals (React-Google-Apps-Script issue #157, 2022:
 *   "if you are using template literals, and they contain symbols for comments, google will strip these") and, in
 *   some reports, inside ordinary string literals (A2UI-for-Google-Apps-Script issue #2, 2026: `https://` in a string
 *   "is sometimes treated as a JavaScript single-line comment"). The strictest reading: ANY `//` or `/*` in the
 *   script text may start a comment that is cut.
 * - HTML comments `<!-- … -->` are removed from the file, and the HTML parser itself gives `<!--`, `-->`, `<script`
 *   and `</script` meaning inside a <script> element (script data escaped states).
 * - `<?` opens a scriptlet when the file is ever served through a template (createTemplateFromFile); the sidebar is
 *   served with createHtmlOutputFromFile today, but the check holds the script to the template rules too.
 * So the script must contain none of these sequences anywhere: `htmlServiceHazards` finds them, and the build fails if
 * the script it inlines has any (`assertSurvivesHtmlService`).
 *
 * How the bundle is made to pass (`rewriteForHtmlService`), without changing what it does: esbuild is asked to lower
 * template literals to string concatenation (build.ts), and then, token by token (acorn's tokenizer, which tells a
 * regular expression from a division):
 * - in every string literal `/`, `<` and `>` are written as the escapes `\x2F`, `\x3C`, `\x3E` — the same string value;
 * - a regular expression literal that holds a hazard (`/\//g` ends in `//`) is written `(new RegExp("…", "g"))`: the
 *   same pattern, flags and `source` text (a literal's `.source` is observable, so its pattern is never re-spelt). Only
 *   when every `/` in the pattern is escaped, so that no engine re-escapes the source differently; and only the
 *   global `RegExp` can be meant, because esbuild's minifier renames every binding inside the bundle's IIFE.
 * Nothing else is touched. Then the result is tokenized again and compared with the original token by token: the same
 * kinds of token, the same names, numbers and punctuators, the same string VALUES (cooked), and each rewritten regular
 * expression as exactly `( new RegExp ( pattern , flags ) )`. A template literal or regular expression that still holds
 * a hazard, or any hazard outside a literal, fails the build with its place.
 */
import { tokenizer, type Token } from 'acorn';

export interface Hazard {
  /** the sequence found */
  sequence: string;
  /** where, as an offset into the script */
  index: number;
  /** why HtmlService or the HTML parser may change the script there */
  reason: string;
}

const HAZARDS: { sequence: string; reason: string }[] = [
  { sequence: '//', reason: 'HtmlService may cut from here to the end of the line as a JavaScript comment' },
  { sequence: '/*', reason: 'HtmlService may cut from here to the next */ as a JavaScript comment' },
  { sequence: '<!--', reason: 'HtmlService removes HTML comments, and the HTML parser enters an escaped state inside <script>' },
  { sequence: '-->', reason: 'closes an HTML comment: HtmlService may remove text up to here' },
  { sequence: '<script', reason: 'the HTML parser treats it as a nested script tag after <!--' },
  { sequence: '</script', reason: 'ends the <script> element early' },
  { sequence: '<?', reason: 'opens a scriptlet if the file is ever served as a template' },
];

/** Every place in `script` that HtmlService's processing (read at its strictest) or the HTML parser may change. */
export function htmlServiceHazards(script: string): Hazard[] {
  const lower = script.toLowerCase();
  const found: Hazard[] = [];
  for (const { sequence, reason } of HAZARDS) {
    for (let i = lower.indexOf(sequence); i >= 0; i = lower.indexOf(sequence, i + 1)) found.push({ sequence, index: i, reason });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Throws, naming the first places, if `script` would not survive HtmlService unchanged. */
export function assertSurvivesHtmlService(script: string, what = 'the sidebar script'): void {
  const hazards = htmlServiceHazards(script);
  if (hazards.length === 0) return;
  const shown = hazards
    .slice(0, 5)
    .map((h) => `"${h.sequence}" at offset ${h.index} (…${script.slice(Math.max(0, h.index - 30), h.index + 30)}…): ${h.reason}`);
  throw new Error(
    `${what} would not survive Google Apps Script's HtmlService unchanged: ${hazards.length} unsafe sequence(s). ` +
      `${shown.join('; ')}. Write the sequence differently in the source (split the string, or escape the character).`,
  );
}

const STRING_ESCAPES: Record<string, string> = { '/': '\\x2F', '<': '\\x3C', '>': '\\x3E' };

/** A string literal's source with `/`, `<` and `>` written as hex escapes (escaped or not); everything else as it was. */
function rewriteStringLiteral(raw: string): string {
  const quote = raw[0]!;
  let out = quote;
  for (let i = 1; i < raw.length - 1; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      const next = raw[i + 1]!;
      // `\/`, `\<`, `\>` are the character itself; any other escape is copied whole (its tail holds no / < >)
      out += STRING_ESCAPES[next] ?? `\\${next}`;
      i++;
    } else out += STRING_ESCAPES[c] ?? c;
  }
  return out + quote;
}

/** A regular expression literal as `(new RegExp(pattern, flags))`, or undefined if a bare `/` is in its pattern. */
function regExpConstruction(pattern: string, flags: string): string | undefined {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '/') return undefined;
  }
  return `(new RegExp(${rewriteStringLiteral(JSON.stringify(pattern))},${rewriteStringLiteral(JSON.stringify(flags))}))`;
}

/** A token's value (a string's cooked value, a name, a regular expression's { pattern, flags }): acorn sets it, its types omit it. */
function valueOf(t: Token): unknown {
  return (t as Token & { value?: unknown }).value;
}

function tokens(js: string): Token[] {
  return [...tokenizer(js, { ecmaVersion: 'latest', sourceType: 'script' })];
}

/** What a token means, for the before/after comparison: its kind and its value (a string's cooked value). */
function meaning(t: Token): string {
  const v = valueOf(t);
  if (t.type.label === 'regexp') {
    const r = v as { pattern: string; flags: string };
    return `regexp ${JSON.stringify([r.pattern, r.flags])}`;
  }
  return `${t.type.label} ${JSON.stringify(v ?? null)}`;
}

/** The tokens `( new RegExp ( "pattern" , "flags" ) )` stand for the regular expression `/pattern/flags`. */
function constructionMeaning(ts: Token[]): string {
  const labels = ts.map((t) => t.type.label).join(' ');
  if (labels !== '( new name ( string , string ) )' || valueOf(ts[2]!) !== 'RegExp') return `not a RegExp construction: ${labels}`;
  return `regexp ${JSON.stringify([valueOf(ts[4]!), valueOf(ts[6]!)])}`;
}

/**
 * The bundled script rewritten so that no hazard is left inside a string or regular expression literal, proven to
 * mean the same (token by token, see the file's comment); throws if the proof fails or a hazard is left anywhere.
 */
export function rewriteForHtmlService(js: string): string {
  const before = tokens(js);
  const constructed = new Set<number>();
  let out = '';
  let at = 0;
  before.forEach((t, i) => {
    const raw = js.slice(t.start, t.end);
    let next = raw;
    if (t.type.label === 'string' && /[/<>]/.test(raw)) {
      next = rewriteStringLiteral(raw);
      // a directive ("use strict") is recognised by its exact source text: never rewrite one
      if (/^use (strict|asm)$/.test(String(valueOf(t)))) next = raw;
    } else if (t.type.label === 'regexp' && htmlServiceHazards(raw).length > 0) {
      const v = valueOf(t) as { pattern: string; flags: string };
      const made = regExpConstruction(v.pattern, v.flags);
      if (made !== undefined) {
        next = made;
        constructed.add(i);
      }
    }
    out += js.slice(at, t.start) + next;
    at = t.end;
  });
  out += js.slice(at);

  const after = tokens(out);
  let j = 0;
  before.forEach((t, i) => {
    const was = meaning(t);
    const width = constructed.has(i) ? 9 : 1;
    const now = constructed.has(i) ? constructionMeaning(after.slice(j, j + 9)) : after[j] ? meaning(after[j]!) : 'the end';
    if (was !== now) throw new Error(`rewriting the sidebar script changed token ${i} at offset ${t.start}: ${was} → ${now}`);
    j += width;
  });
  if (j !== after.length) throw new Error(`rewriting the sidebar script added ${after.length - j} token(s) at the end`);
  assertSurvivesHtmlService(out);
  return out;
}

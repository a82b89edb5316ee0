/**
 * Theme mentions for interview frameworks (seed 002: free-text answers grouped under themes).
 * Each answer's "themes" cell holds tags separated by ";" or ","; a tag matches the framework's tag list ignoring
 * case and spaces (’ read as '); a tag that itself contains a comma is recognised whole. counts = number of answers tagged with each tag (a tag repeated within one answer
 * counts once); every framework tag is a key, 0 when unused. Tags not in the list are reported in `unknownTags`
 * (first spelling met, in order of appearance) and not counted.
 */
import type { Framework } from '../framework/schema.js';
import type { Response } from '../review/types.js';
import type { ThemeMentions } from './types.js';
import { isBlank, normaliseLabel } from './parse-score.js';

/** "Lack of clarity; Communication," → ["Lack of clarity", "Communication"] */
export function splitTags(raw: string): string[] {
  return raw
    .split(/[;,]/)
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter((t) => t !== '');
}

/**
 * The tags of one answer, as normalised keys. Known tags that themselves contain "," or ";" (seed 002: "Limited
 * guidance, advice & information") are taken whole first, when they stand between separators; the rest is split.
 */
export function answerTags(raw: string, knownKeys: readonly string[]): { key: string; text: string }[] {
  const found: { key: string; text: string }[] = [];
  let rest = ';' + splitTags(raw).join(';') + ';';
  const withSeparators = knownKeys.filter((k) => /[;,]/.test(k)).sort((a, b) => b.length - a.length);
  for (const k of withSeparators) {
    const parts = k.split(/\s*[;,]\s*/);
    // the tag's parts, consecutive, each a whole piece of the answer
    const pieces = rest.split(';');
    for (let i = 1; i + parts.length <= pieces.length - 1; i++) {
      if (parts.every((p, j) => normaliseLabel(pieces[i + j]!) === p)) {
        found.push({ key: k, text: pieces.slice(i, i + parts.length).join(', ') });
        pieces.splice(i, parts.length);
        rest = pieces.join(';');
        break;
      }
    }
  }
  for (const t of splitTags(rest)) found.push({ key: normaliseLabel(t), text: t });
  return found;
}

export function themeMentions(framework: Framework, responses: Response[]): ThemeMentions {
  const tags = framework.themeTags?.tags ?? [];
  const byKey = new Map(tags.map((t) => [normaliseLabel(t), t]));
  const counts: Record<string, number> = {};
  for (const t of tags) counts[t] = 0;
  const unknown = new Map<string, string>();
  const tagged = framework.sections.flatMap((s) => s.items).filter((it) => it.fields.includes('themes'));
  for (const r of responses) {
    for (const item of tagged) {
      const raw = r.answers[item.id]?.themes?.value;
      if (isBlank(raw)) continue;
      const seen = new Set<string>();
      for (const { key, text: t } of answerTags(String(raw), [...byKey.keys()])) {
        if (seen.has(key)) continue;
        seen.add(key);
        const known = byKey.get(key);
        if (known !== undefined) counts[known] = (counts[known] ?? 0) + 1;
        else if (!unknown.has(key)) unknown.set(key, t);
      }
    }
  }
  return { counts, unknownTags: [...unknown.values()] };
}

/**
 * Reads the seed papers the built-ins trace to (test helper). Looked for in $PR_SEEDS_DIR, then `../shared/seeds`
 * beside the checkout (where CI and every developer have it); a missing seed fails the test, never skips it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CANDIDATES = [process.env.PR_SEEDS_DIR, resolve(repoRoot, '..', 'shared', 'seeds')].filter(
  (d): d is string => typeof d === 'string' && d !== '',
);

export function seedText(file: string): string {
  for (const dir of CANDIDATES) {
    const path = resolve(dir, file);
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  throw new Error(`Seed paper ${file} not found in: ${CANDIDATES.join(', ')}. Set PR_SEEDS_DIR to the folder holding it.`);
}

/** The seed's lines, trimmed. */
export function seedLines(file: string): string[] {
  return seedText(file)
    .split(/\r?\n/)
    .map((l) => l.trim());
}

/**
 * Every command the README shows with `--json` prints valid JSON on stdout, exactly as written there (issue #12):
 * run in-process for each line, and once for real through npm, where npm's own banner would otherwise land on stdout.
 * `score` never writes the workbook; the JSON carries each item's wording and each partnership's item figures.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, TODAY } from './cli-helpers.js';
import { tempDir } from './helpers.js';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
/** The README's command lines that ask for JSON, as the words after `cli --`. */
const JSON_LINES = README.split('\n')
  .map((l) => l.replace(/\s+#.*$/, '').trim())
  .filter((l) => l.startsWith('npm run --silent cli -- ') && / --json\b/.test(l));

/** "summarise review.xlsx --json" → argv (the README quotes nothing in these lines). */
function argv(line: string, review: string): string[] {
  return line
    .slice('npm run --silent cli -- '.length)
    .split(/\s+/)
    .map((w) => (w === 'review.xlsx' ? review : w));
}

let dir = '';
let review = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-readme-'));
  review = join(dir, 'review.xlsx');
  // a Hallmarks review of two partnerships, as the README creates it, filled by the demo generator
  const r = await cli('demo', review, '--framework', 'hallmarks', '--today', TODAY, '--quiet');
  expect(r.code).toBe(0);
});
afterAll(() => cleanup());

describe('the README’s --json commands', () => {
  it('shows check, summarise and score with --json, and no bare "npm run cli --"', () => {
    expect(JSON_LINES.map((l) => l.split(/\s+/)[5])).toEqual(['check', 'summarise', 'score']);
    expect(README).not.toMatch(/npm run cli --/);
  });

  it.each(JSON_LINES)('%s prints JSON and nothing else', async (line) => {
    const r = await cli(...argv(line, review), '--today', TODAY, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const parsed = JSON.parse(r.stdout);
    expect(typeof parsed).toBe('object');
  });

  it('score writes nothing; its JSON has each item’s wording and each partnership’s item figures', async () => {
    const before = await readFile(review);
    const r = await cli('score', review, '--json', '--today', TODAY, '--quiet');
    expect(Buffer.compare(await readFile(review), before)).toBe(0);
    const s = JSON.parse(r.stdout);
    // hallmarks 1.1, word for word from the Rochford questionnaire
    expect(s.items.find((i: { id: string }) => i.id === '1.1').text).toBe(
      'Do you have an effective governance structure that is able to provide strategic leadership for your partnership?',
    );
    const names = Object.keys(s.partnerships);
    expect(names.length).toBeGreaterThan(1);
    for (const p of names) expect(s.partnerships[p].items).toHaveLength(67);
    expect(s.planning.maxAreas).toBe(6);
  });

  it('through npm exactly as written, stdout is JSON alone', async () => {
    const line = JSON_LINES.find((l) => l.includes(' score '))!;
    const [, , ...rest] = line.split(/\s+/); // npm run --silent cli -- score review.xlsx --json
    const args = ['run', ...rest.map((w) => (w === 'review.xlsx' ? review : w)), '--today', TODAY, '--quiet'];
    const { stdout } = await promisify(execFile)('npm', args, { cwd: join(__dirname, '..', '..'), maxBuffer: 64 * 1024 * 1024 });
    expect(() => JSON.parse(stdout)).not.toThrow();
  }, 180_000);
});

/**
 * The built command line loads zod (the framework schema and the custom-framework reader) only when a command needs
 * it (scripts/build-cli.mjs, LAZY): a custom framework from a .json file, and a review whose stored framework is not a
 * built-in, must work through the built bin exactly as through the source.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce } from '../support/cli-build.js';
import { tempDir } from './helpers.js';
import { OUR_REVIEW } from './support/custom-framework.js';

const bin = join(process.cwd(), 'file-host', 'bin', 'partnership-review.mjs');
let dir = '';
let cleanup: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  await buildCliOnce();
  ({ dir, cleanup } = await tempDir('pr-bin-lazy-'));
}, 120_000);
afterAll(() => cleanup());

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [bin, ...args], { cwd: dir }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('zod loaded on first use by the built command line', () => {
  it('a custom framework: new, check and summarise work; a bad one is explained', async () => {
    const good = join(dir, 'custom.json');
    await writeFile(good, JSON.stringify(OUR_REVIEW));
    const path = join(dir, 'custom.xlsx');
    expect(await run('new', path, '--framework', good, '--respondent', 'Alex', '--quiet')).toMatchObject({ code: 0, stderr: '' });
    // the stored framework is not a built-in: read back through the schema
    expect((await run('check', path, '--quiet')).code).toBe(0);
    const s = await run('summarise', path, '--today', '2026-06-01', '--quiet');
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('Summary written to');
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"id": "x", "title": "X", "sections": []}');
    const b = await run('new', join(dir, 'bad.xlsx'), '--framework', bad);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/bad\.json is not a framework that can be used: /);
  });

  it('the bundle starts the schema (and zod with it) only where it is used: twice for the schema, once for the reader', async () => {
    const bundle = await readFile(join(process.cwd(), 'dist', 'cli', 'partnership-review.cjs'), 'latin1');
    expect(bundle.split('init_schema(),__toCommonJS(schema_exports)')).toHaveLength(3);
    expect(bundle.split('init_custom(),__toCommonJS(custom_exports)')).toHaveLength(2);
  });

  it('no command loads node:crypto unless it needs it (new takes Web Crypto, which Node.js loads on first use)', async () => {
    const bundle = await readFile(join(process.cwd(), 'dist', 'cli', 'partnership-review.cjs'), 'latin1');
    // loading it costs every command about 10 ms, and summarise needs none of it
    expect(bundle).not.toMatch(/require\("(node:)?crypto"\)/);
    const made = await run('new', join(dir, 'uuid.xlsx'), '--framework', 'partnership-tree', '--partnership', 'A', '--quiet');
    expect(made.code).toBe(0);
  });
});

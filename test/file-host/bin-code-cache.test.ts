/**
 * The package bin loads the built command line with V8's code cache (file-host/bin/partnership-review.mjs): the cache
 * only changes how quickly a command starts, never what it does. Each case runs a copy of the bin and the bundle in a
 * folder of its own (the bin finds the bundle at ../../dist/cli beside itself), so the shared dist/ is not touched.
 */
import { isAscii } from 'node:buffer';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce } from '../support/cli-build.js';

const root = process.cwd();
let dir: string;

beforeAll(async () => {
  await buildCliOnce();
  dir = await mkdtemp(join(tmpdir(), 'pr-bin-cache-'));
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A copy of the bin and the built bundle (and its cache, when `withCache`), in a folder of its own. */
async function install(name: string, withCache: boolean): Promise<{ bin: string; bundle: string; cache: string }> {
  const base = join(dir, name);
  await mkdir(join(base, 'file-host', 'bin'), { recursive: true });
  await mkdir(join(base, 'dist', 'cli'), { recursive: true });
  const bin = join(base, 'file-host', 'bin', 'partnership-review.mjs');
  const bundle = join(base, 'dist', 'cli', 'partnership-review.cjs');
  await cp(join(root, 'file-host', 'bin', 'partnership-review.mjs'), bin);
  await cp(join(root, 'dist', 'cli', 'partnership-review.cjs'), bundle);
  if (withCache) await cp(join(root, 'dist', 'cli', 'partnership-review.cjs.cache'), `${bundle}.cache`);
  return { bin, bundle, cache: `${bundle}.cache` };
}

async function frameworksJson(bin: string): Promise<Array<{ id: string }>> {
  const { stdout } = await promisify(execFile)(process.execPath, [bin, 'frameworks', '--json'], { cwd: dir });
  return JSON.parse(stdout) as Array<{ id: string }>;
}

const SEVEN = [
  'partnership-tree',
  'hallmarks',
  'nru-partnership',
  'delivery-tracker',
  'risk-exercise',
  'framework-review',
  'biannual-review',
];

describe('the code cache of the package bin', () => {
  it('the build leaves a cache made for the bundle it built (by this Node.js), and a run with it gives the same answer', async () => {
    const { bin, bundle, cache } = await install('built', true);
    const header = (await readFile(cache)).subarray(0, 200).toString('latin1').split('\n')[0]!;
    const source = await readFile(bundle);
    expect(isAscii(source)).toBe(true); // one byte a character: the bin decodes it as Latin-1
    expect(header.startsWith(`partnership-review code cache 1 ${process.version} ${process.arch} ${source.length} ${crc32(source)} `)).toBe(
      true,
    );
    expect((await frameworksJson(bin)).map((f) => f.id)).toEqual(SEVEN);
  });

  it('the V8 flag the bin sets is one this Node.js knows, and the cache the build made under it is used, not made again', async () => {
    const { bin, cache } = await install('flag', true);
    const before = await readFile(cache);
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, 'frameworks', '--json'], { cwd: dir });
    expect(stderr).toBe(''); // an unknown flag would be reported here ("unrecognized flag")
    expect((JSON.parse(stdout) as Array<{ id: string }>).map((f) => f.id)).toEqual(SEVEN);
    // a cache V8 rejected (made under other flags) would be written again after the command
    expect((await readFile(cache)).equals(before)).toBe(true);
  });

  it('without a cache the command runs as usual and leaves one behind, with no temporary file', async () => {
    const { bin, cache } = await install('none', false);
    expect((await frameworksJson(bin)).map((f) => f.id)).toEqual(SEVEN);
    expect((await stat(cache)).size).toBeGreaterThan(10_000);
    expect((await readdir(join(dir, 'none', 'dist', 'cli'))).sort()).toEqual(['partnership-review.cjs', 'partnership-review.cjs.cache']);
  });

  it('a damaged cache (same header, bytes changed or cut short) is never used: the command runs and the cache is made again', async () => {
    for (const [name, damage] of [
      ['flipped', (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 100), Buffer.alloc(100, 0x5a)])],
      ['cut', (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6))],
    ] as const) {
      const { bin, cache } = await install(name, true);
      const good = await readFile(cache);
      const bad = damage(good);
      await writeFile(cache, bad);
      expect((await frameworksJson(bin)).map((f) => f.id)).toEqual(SEVEN);
      const after = await readFile(cache);
      expect(after.equals(bad)).toBe(false);
      expect(after.subarray(0, 40).toString('latin1')).toBe('partnership-review code cache 1 ' + process.version.slice(0, 8));
    }
  });

  it('a cache made for another build of the bundle is not used, and is replaced', async () => {
    const { bin, bundle, cache } = await install('rebuilt', true);
    const old = await readFile(cache);
    // another build: the same bundle with one more line at its end (same behaviour, other bytes)
    const source = Buffer.concat([await readFile(bundle), Buffer.from('\n// another build\n')]);
    await writeFile(bundle, source);
    expect((await frameworksJson(bin)).map((f) => f.id)).toEqual(SEVEN);
    const now = await readFile(cache);
    expect(now.equals(old)).toBe(false);
    expect(now.toString('latin1', 0, 200)).toContain(` ${source.length} ${crc32(source)} `);
  });

  it('a copy of the bundle and its cache elsewhere (new file times, as npm pack gives) still uses the cache', async () => {
    const { bin, bundle, cache } = await install('copied', true);
    await utimes(bundle, new Date('1985-10-26T08:15:00Z'), new Date('1985-10-26T08:15:00Z'));
    const before = await readFile(cache);
    expect((await frameworksJson(bin)).map((f) => f.id)).toEqual(SEVEN);
    expect((await readFile(cache)).equals(before)).toBe(true); // not made again: it was accepted
  });

  it('a cache that cannot be written (its name taken by a folder) leaves the command working and nothing behind', async () => {
    const { bin, cache } = await install('unwritable', false);
    await mkdir(cache);
    expect((await frameworksJson(bin)).map((f) => f.id)).toEqual(SEVEN);
    expect((await stat(cache)).isDirectory()).toBe(true);
    expect((await readdir(join(dir, 'unwritable', 'dist', 'cli'))).sort()).toEqual([
      'partnership-review.cjs',
      'partnership-review.cjs.cache',
    ]);
  });

  it('says how to build the command line when the bundle is missing', async () => {
    const { bin, bundle } = await install('missing', false);
    await rm(bundle);
    const r = await promisify(execFile)(process.execPath, [bin, 'frameworks']).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the command line is not built yet');
    expect(r.stderr).toContain('run "npm run build:cli"');
  });
});

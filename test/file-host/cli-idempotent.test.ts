/**
 * Running summarise twice, or importing the same export twice, changes nothing the second time: every part is
 * byte-identical except PR_Meta's revision stamp (a summarise records one more write, by design, so a pane can tell
 * that the file changed under it). Conditional-format priorities and the shared strings' count used to grow on every run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { unzipPackage } from '../support/ooxml-validate.js';
import { formsCsv, newArgs } from '../support/review-files.js';
import { sheetParts } from '../support/sheet-canonical.js';
import { cli } from './cli-helpers.js';
import { tempDir } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-idempotent-'));
});
afterAll(() => cleanup());

/** Parts whose bytes differ between two packages (names present in only one count too). */
function changedParts(a: Uint8Array, b: Uint8Array): string[] {
  const pa = unzipPackage(a);
  const pb = unzipPackage(b);
  const names = new Set([...pa.keys(), ...pb.keys()]);
  return [...names]
    .filter((n) => !pa.get(n) || !pb.get(n) || Buffer.compare(Buffer.from(pa.get(n)!), Buffer.from(pb.get(n)!)) !== 0)
    .sort();
}

describe('the second run changes nothing', () => {
  it.each(['hallmarks', 'partnership-tree'])(
    '%s: summarise twice, import the same export twice',
    async (id) => {
      const f = builtinFrameworks().find((x) => x.id === id)!;
      const file = join(dir, `${id}.xlsx`);
      expect((await cli(...newArgs(file, f))).code).toBe(0);
      const csv = join(dir, `${id}.csv`);
      await writeFile(csv, formsCsv(f));
      expect((await cli('import', file, csv, '--quiet')).code).toBe(0);
      const imported = await readFile(file);
      const again = await cli('import', file, csv, '--quiet');
      expect(again.code, again.stderr).toBe(0);
      expect((await readFile(file)).equals(imported)).toBe(true);

      expect((await cli('summarise', file, '--quiet')).code).toBe(0);
      const once = new Uint8Array(await readFile(file));
      expect((await cli('summarise', file, '--quiet')).code).toBe(0);
      const twice = new Uint8Array(await readFile(file));
      // only PR_Meta's part, which holds the revision stamp
      expect(changedParts(once, twice)).toEqual([sheetParts(unzipPackage(twice)).get('PR_Meta')]);
    },
    120_000,
  );
});

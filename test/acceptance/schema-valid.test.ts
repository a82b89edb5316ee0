/**
 * Every XML part of every workbook the command line writes — all seven built-in frameworks through `new`, `import`,
 * `summarise` and `summarise --previous` — validates against the ECMA-376 / ISO/IEC 29500-4:2016 transitional
 * schemas in ../shared/ooxml-schemas/ (test/support/ooxml-validate.ts says how). The fixtures saved by other programs
 * are validated in test/acceptance/other-programs.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { cli } from '../file-host/cli-helpers.js';
import { tempDir } from '../file-host/helpers.js';
import { describeErrors, haveXmllint, validatePackages, type ValidationResult } from '../support/ooxml-validate.js';
import { formsCsv, newArgs } from '../support/review-files.js';

const HAVE = await haveXmllint();
if (!HAVE) console.warn('schema validation: skipped — xmllint is not installed; scripts/setup.sh installs libxml2-utils.');

let cleanup: () => Promise<void> = async () => undefined;
const packages = new Map<string, Uint8Array>();
const failures: string[] = [];
let result: ValidationResult;

beforeAll(async () => {
  if (!HAVE) return;
  let dir = '';
  ({ dir, cleanup } = await tempDir('pr-schema-'));
  for (const f of builtinFrameworks()) {
    const path = join(dir, `${f.id}.xlsx`);
    const step = async (label: string, ...args: string[]) => {
      const r = await cli(...args);
      if (r.code !== 0) failures.push(`${f.id} ${label}: exit ${r.code} ${r.stderr}`);
      packages.set(`${f.id}/${label}`, new Uint8Array(await readFile(path)));
    };
    await step('new', ...newArgs(path, f));
    if (f.sections.length > 0) {
      const csv = join(dir, `${f.id}.csv`);
      await writeFile(csv, formsCsv(f));
      await step('import', 'import', path, csv, '--quiet');
    }
    await step('summarise', 'summarise', path, '--quiet');
    // last cycle's review: another workbook of the same framework (the review itself, or a copy, is refused)
    const previous = join(dir, `${f.id}-previous.xlsx`);
    const made = [await cli(...newArgs(previous, f))];
    if (f.sections.length > 0) made.push(await cli('import', previous, join(dir, `${f.id}.csv`), '--quiet'));
    made.push(await cli('summarise', previous, '--quiet'));
    for (const r of made) if (r.code !== 0) failures.push(`${f.id} previous review: exit ${r.code} ${r.stderr}`);
    // fills the Previous Review tab too, so its XML is validated with the rest
    await step('summarise --previous', 'summarise', path, '--previous', previous, '--quiet');
  }
  result = await validatePackages(packages);
}, 600_000);

afterAll(() => cleanup());

describe.skipIf(!HAVE)('schema validation of every workbook the command line writes', () => {
  it('every command succeeded', () => {
    expect(failures).toEqual([]);
    // 7 frameworks × new, summarise, --previous, and import for the 5 with a Responses tab
    expect(packages.size).toBe(7 * 3 + builtinFrameworks().filter((f) => f.sections.length > 0).length);
  });

  it('every XML part validates', () => {
    expect(result.validated.length).toBeGreaterThan(packages.size * 10);
    expect(result.errors, describeErrors(result.errors)).toEqual([]);
    // the only XML parts without a schema here: docProps/core.xml (its schema imports Dublin Core from the web)
    expect(result.notValidated.filter((p) => !p.includes(':docProps/core.xml '))).toEqual([]);
  });
});

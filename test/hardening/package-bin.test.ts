/**
 * The package a user installs holds the built command line: `npm pack` builds it (prepack) and ships the bin with
 * dist/cli/partnership-review.cjs. Before, dist/ was left out (it is git-ignored and the package listed no files), so
 * an installed `partnership-review` only said it was not built. The bin needs no TypeScript compiler at run time.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the installed package', () => {
  it('npm pack ships the bin and the built command line, and nothing that needs tsx', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts=false'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const json = JSON.parse(out.slice(out.indexOf('['))) as Array<{ files: Array<{ path: string }> }>;
    const files = json[0]!.files.map((f) => f.path).sort();
    expect(files).toContain('file-host/bin/partnership-review.mjs');
    expect(files).toContain('dist/cli/partnership-review.cjs');
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    const bin = readFileSync(`${ROOT}/file-host/bin/partnership-review.mjs`, 'utf8');
    expect(bin).not.toMatch(/\btsx\b/);
  }, 120_000);
});

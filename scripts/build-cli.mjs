// Compiles the command line (file-host/cli/main.ts and everything it imports) into one JavaScript file,
// dist/cli/partnership-review.mjs, which the package bin runs: no TypeScript compiler at run time.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = join(root, 'dist', 'cli', 'partnership-review.mjs');

export async function buildCli() {
  await build({
    entryPoints: [join(root, 'file-host', 'cli', 'main.ts')],
    outfile: CLI_OUT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // packages written as CommonJS call require(); give the bundle one
    banner: { js: "import { createRequire as __prCreateRequire } from 'node:module'; const require = __prCreateRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
  return CLI_OUT;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
  process.stderr.write(`built ${CLI_OUT}\n`);
}

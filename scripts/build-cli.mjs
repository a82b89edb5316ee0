// Compiles the command line (file-host/cli/entry.ts and everything it imports) into one JavaScript file,
// dist/cli/partnership-review.cjs, which the package bin (file-host/bin/partnership-review.mjs) runs: no TypeScript
// compiler at run time. Two things make it start quickly (issue #10: `summarise` of a small review under 0.5 s from
// process start):
// - the built-in frameworks are checked against the schema here, once, and the bundle carries them parsed
//   (core/framework/builtins/preparsed.ts is replaced), so no command parses a built-in at start;
// - V8's code cache: after building, one `demo` run of the bin compiles what the commands use and saves it beside the
//   bundle (partnership-review.cjs.cache, keyed to the bundle's size and time and Node's version); later runs load
//   that instead of compiling 2 MB of JavaScript. Node 22 does this itself (module.enableCompileCache); Node 20 does not.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { zodEnglishOnly } from './zod-english-only.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = join(root, 'dist', 'cli', 'partnership-review.cjs');
export const CLI_CACHE = `${CLI_OUT}.cache`;
const BIN = join(root, 'file-host', 'bin', 'partnership-review.mjs');

/** The built-ins parsed by the catalogue (the schema check), built and run here once. */
async function parsedBuiltins() {
  const dir = mkdtempSync(join(tmpdir(), 'pr-build-cli-'));
  try {
    const out = join(dir, 'parse.mjs');
    await build({
      stdin: {
        contents: "import { builtinFrameworks } from './core/framework/catalogue.ts'; export default builtinFrameworks();",
        resolveDir: root,
        loader: 'ts',
      },
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'warning',
    });
    return (await import(pathToFileURL(out).href)).default;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces core/framework/builtins/preparsed.ts with the parsed built-ins. */
function preparsedPlugin(frameworks) {
  const json = JSON.stringify(frameworks);
  return {
    name: 'preparsed-builtins',
    setup(b) {
      b.onLoad({ filter: /core[\\/]framework[\\/]builtins[\\/]preparsed\.ts$/ }, () => ({
        // JSON.parse of a string literal is quicker for V8 than the same object as a literal
        contents: `export const PREPARSED_BUILTINS = JSON.parse(${JSON.stringify(json)});`,
        loader: 'js',
      }));
    },
  };
}

/**
 * zod, with the framework schema and the custom-framework reader (its only users), is loaded when first needed, not
 * at every start: a built-in framework comes parsed (above) and a stored one identical to a built-in is not parsed
 * again, so most commands never need it, and loading it was about a tenth of `frameworks` (zod's classes, and the
 * schema built from them). The three places that use them at run time import them through `require`, which esbuild
 * turns into a module started on its first call; the source itself is untouched (tests, panes and tsx import as
 * written). A source that no longer has the import below fails the build, so this never silently stops applying.
 */
const LAZY = [
  {
    file: /core[\\/]framework[\\/]catalogue\.ts$/,
    from: "import { FrameworkSchema, type Framework, type FrameworkInput } from './schema.js';",
    to: "import type { Framework, FrameworkInput } from './schema.js';\nconst FrameworkSchema = { safeParse: (...a) => require('./schema.js').FrameworkSchema.safeParse(...a) };",
  },
  {
    file: /core[\\/]reader[\\/]read-review\.ts$/,
    from: "import { FrameworkSchema, type Framework } from '../framework/schema.js';",
    to: "import type { Framework } from '../framework/schema.js';\nconst FrameworkSchema = { safeParse: (...a) => require('../framework/schema.js').FrameworkSchema.safeParse(...a) };",
  },
  {
    file: /file-host[\\/]cli[\\/]context\.ts$/,
    from: "import { parseCustomFramework } from '../../core/framework/custom.js';",
    to: "const parseCustomFramework = (...a) => require('../../core/framework/custom.js').parseCustomFramework(...a);",
  },
];

function lazySchemaPlugin() {
  return {
    name: 'lazy-schema',
    setup(b) {
      const applied = new Set();
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const rule = LAZY.find((r) => r.file.test(args.path));
        if (!rule) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes(rule.from))
          throw new Error(`build-cli: ${args.path} no longer has the line "${rule.from}": update LAZY in scripts/build-cli.mjs`);
        applied.add(rule);
        return { contents: text.replace(rule.from, rule.to), loader: 'ts' };
      });
      // a file moved or renamed would otherwise leave its rule silently unused
      b.onEnd(() => {
        const unused = LAZY.filter((r) => !applied.has(r));
        if (unused.length > 0)
          throw new Error(`build-cli: no file matched ${unused.map((r) => r.file).join(', ')}: update LAZY in scripts/build-cli.mjs`);
      });
    },
  };
}

export async function buildCli() {
  rmSync(CLI_CACHE, { force: true });
  const frameworks = await parsedBuiltins();
  await build({
    entryPoints: [join(root, 'file-host', 'cli', 'entry.ts')],
    outfile: CLI_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [preparsedPlugin(frameworks), zodEnglishOnly(root), lazySchemaPlugin()],
  });
  // one byte a character: the bin decodes an ASCII bundle as Latin-1, quicker than UTF-8 (esbuild escapes strings, but
  // leaves a few characters in regular expressions as they are: \uXXXX means the same there)
  const text = readFileSync(CLI_OUT, 'utf8');
  writeFileSync(
    CLI_OUT,
    text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
  // the code cache: one run of the bin, in a process of its own (the cache must be made with Node's default flags)
  const dir = mkdtempSync(join(tmpdir(), 'pr-build-cli-'));
  try {
    const r = spawnSync(process.execPath, [BIN, 'demo', join(dir, 'demo.xlsx')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the built command line failed its first run (demo): ${r.stderr || r.stdout}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return CLI_OUT;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
  process.stderr.write(`built ${CLI_OUT}\n`);
}

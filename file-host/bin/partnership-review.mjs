#!/usr/bin/env node
// The package bin: runs the command line as built JavaScript (dist/cli/partnership-review.cjs, made by
// "npm run build:cli", "npm run build" or scripts/setup.sh). No TypeScript compiler is needed at run time.
//
// It loads the bundle with V8's code cache (dist/cli/partnership-review.cjs.cache, made by the build's first run):
// the cached bytecode replaces compiling 1.5 MB of JavaScript at every start. The cache is used only when it was made
// for this bundle (its length and CRC-32) by this Node.js; otherwise the bundle is compiled as usual and,
// where the folder can be written, the cache is made again after the command. A cache V8 itself rejects is ignored
// the same way. Nothing the command does depends on the cache: only how quickly it starts.
import { isAscii } from 'node:buffer';
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';

// V8's interrupt budget (how much bytecode a function runs before V8 considers optimising it with TurboFan) is raised
// from 66 KB to 1 MB, before any of the command line is loaded. A command that runs for half a second spent about as
// much CPU optimising functions it then barely used, on threads that compete with the command itself: through this
// bin, a 10-respondent Hallmarks summarise is about 60 ms quicker (0.51 → 0.45 s here) and a 1,000-respondent one as
// quick as before (1.52 s). Only on the V8 of Node.js 20 and 22, where the flag is known to exist (an unknown one would
// be reported on every run). It changes when code is optimised, never what it does; the code cache below is made
// under the same flag.
if (/^1[12]\./.test(process.versions.v8)) setFlagsFromString('--interrupt-budget=1000000');

const bundle = fileURLToPath(new URL('../../dist/cli/partnership-review.cjs', import.meta.url));
const cacheFile = `${bundle}.cache`;

let source;
try {
  source = readFileSync(bundle);
} catch {
  process.stderr.write(
    'partnership-review: the command line is not built yet (dist/cli/partnership-review.cjs is missing): in the project folder run "npm run build:cli" (or "bash scripts/setup.sh"); an installed package needs installing again from a tarball made by "npm pack", which builds it.\n',
  );
  process.exit(2);
}

// The header: what the cache was made for, then its own length and CRC-32 (a cache cut short or damaged on disk is
// never handed to V8, which does not check the bytes itself)
const caching = typeof zlib.crc32 === 'function'; // Node 20.15 and later
const key = caching ? `partnership-review code cache 1 ${process.version} ${process.arch} ${source.length} ${zlib.crc32(source)}` : '';
const header = (data) => Buffer.from(`${key} ${data.length} ${zlib.crc32(data)}\n`);
function readCache() {
  try {
    const bytes = readFileSync(cacheFile);
    const end = bytes.indexOf(10);
    const data = bytes.subarray(end + 1);
    return end > 0 && bytes.subarray(0, end + 1).equals(header(data)) ? data : undefined;
  } catch {
    return undefined; // no cache: compile as usual
  }
}
const cachedData = caching ? readCache() : undefined;

const script = new Script(Module.wrap(source.toString(isAscii(source) ? 'latin1' : 'utf8')), { filename: bundle, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
await module.exports.main(process.argv.slice(2));

if (caching && (cachedData === undefined || script.cachedDataRejected)) {
  // made after the command, so it holds what the command compiled; written beside, then renamed (never half a file)
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      const data = script.createCachedData();
      writeSync(fd, header(data));
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, cacheFile);
  } catch {
    // a folder that cannot be written (an installed copy): the next run compiles as this one did
    rmSync(temp, { force: true });
  }
}

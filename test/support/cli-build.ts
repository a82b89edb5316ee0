/** The command line as the package bin runs it: built JavaScript (scripts/build-cli.mjs), built once per test file. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

let built: Promise<void> | null = null;

export function buildCliOnce(): Promise<void> {
  built ??= promisify(execFile)(process.execPath, [join(process.cwd(), 'scripts', 'build-cli.mjs')]).then(() => undefined);
  return built;
}

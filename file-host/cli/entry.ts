/**
 * The command line as the built bundle exports it (scripts/build-cli.mjs → dist/cli/partnership-review.cjs), for the
 * package bin (file-host/bin/partnership-review.mjs) to call once it has loaded the bundle.
 */
import { processIO } from './io.js';
import { run } from './run.js';

/** Runs one command with these arguments (as typed after the command's name) and sets the process's exit code. */
export async function main(argv: string[]): Promise<void> {
  process.exitCode = await run(argv, processIO());
}

/** Entry point of the `partnership-review` command line (`npm run cli -- …`, or the package bin). */
import { processIO } from './io.js';
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2), processIO());

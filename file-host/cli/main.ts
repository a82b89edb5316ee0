/** Entry point of the `partnership-review` command line run from source (`npm run cli -- …`); the package bin runs the
 *  same `main` built to JavaScript (file-host/cli/entry.ts). */
import { main } from './entry.js';

await main(process.argv.slice(2));

#!/usr/bin/env node
// The package bin: runs the command line as built JavaScript (dist/cli/partnership-review.mjs, made by
// "npm run build:cli", "npm run build" or scripts/setup.sh). No TypeScript compiler is needed at run time.
import { existsSync } from 'node:fs';

const built = new URL('../../dist/cli/partnership-review.mjs', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write(
    'partnership-review: the command line is not built yet: run "npm run build:cli" (or "bash scripts/setup.sh") in the project folder first.\n',
  );
  process.exit(2);
}
await import(built.href);

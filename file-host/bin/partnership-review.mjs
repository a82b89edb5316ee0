#!/usr/bin/env node
// The package bin: runs the TypeScript command line through tsx (installed with the project's packages).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  process.stderr.write('partnership-review: its packages are not installed: run "npm install" in the project folder first.\n');
  process.exit(2);
}
register();
await import(pathToFileURL(join(here, '..', 'cli', 'main.ts')).href);

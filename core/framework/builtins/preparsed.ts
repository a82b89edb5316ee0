/**
 * The built-in frameworks as the schema parsed them, when a build step has already done it: scripts/build-cli.mjs
 * replaces this module in the command line's bundle with the parsed frameworks (checked against the schema at build
 * time), so the command line starts without parsing them again. Everywhere else (tests, the panes) it is null and
 * the catalogue parses each built-in the first time it is asked for.
 */
import type { Framework } from '../schema.js';

export const PREPARSED_BUILTINS: readonly Framework[] | null = null;

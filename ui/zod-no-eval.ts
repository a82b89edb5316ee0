/**
 * No eval in the task pane: zod 4 compiles fast object parsers with `new Function` unless told not to, and probes
 * for it with `Function('')`, which the pane's Content-Security-Policy (no 'unsafe-eval') reports as a violation.
 * Import this module first, before any module that builds a zod schema: the choice is read when a schema is made.
 */
import { config } from 'zod';

config({ jitless: true });

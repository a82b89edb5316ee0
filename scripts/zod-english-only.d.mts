import type { Plugin } from 'esbuild';

/** Only zod's English error messages go into a bundle (see zod-english-only.mjs). */
export function zodEnglishOnly(root: string): Plugin;

// An esbuild plugin shared by the builds that bundle zod (the command line, the Sheets add-on): zod re-exports every
// language's error messages as `z.locales`, which no bundler can drop from a namespace import. The product speaks
// English only (the core writes its own messages), so only the English locale goes in: in the Sheets sidebar the
// other locales were about 206 KB of script (40 KB gzipped); in the command line they were read and compiled at
// every start.

/** @param {string} root the project folder (where node_modules/zod is found) */
export function zodEnglishOnly(root) {
  return {
    name: 'zod-english-only',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
        contents: "export { default as en } from 'zod/v4/locales/en.js';",
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

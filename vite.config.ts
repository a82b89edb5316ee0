/**
 * Builds the Excel task pane into dist/excel-addin/ (taskpane.html + assets/) and serves it during development.
 *
 * office.js: the page loads it from Office's CDN, as every Office add-in must. The dev server (npm start, the
 * browser preview) serves the same files from node_modules/@microsoft/office-js/dist at the same path on its own
 * origin, so developing needs no outside request. The production build keeps the CDN address untouched.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
export const OFFICE_JS_PATH = '/lib/1/hosted/';
export const OFFICE_JS_DIST = resolve(here, 'node_modules/@microsoft/office-js/dist');

/** Serves office.js (and the files it loads beside itself) from node_modules at the CDN's path, in the dev server only. */
function officeJsFromNodeModules(): Plugin {
  return {
    name: 'partnership-review:office-js-local',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(OFFICE_JS_PATH, (req, res, next) => {
        const rel = normalize(decodeURIComponent((req.url ?? '').split('?')[0] ?? '')).replace(/^([/\\])+/, '');
        const file = join(OFFICE_JS_DIST, rel);
        if (!file.startsWith(OFFICE_JS_DIST + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        createReadStream(file).pipe(res);
      });
    },
    transformIndexHtml(html) {
      return (
        html
          .replace(`${OFFICE_CDN}${OFFICE_JS_PATH}office.js`, `${OFFICE_JS_PATH}office.js`)
          // development only: React's fast refresh adds an inline script and hot reload a web socket
          .replace("script-src 'self' https://appsforoffice.microsoft.com", "script-src 'self' 'unsafe-inline'")
          .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:* ws://localhost:* wss://localhost:*")
      );
    },
  };
}

/**
 * The files manifest.xml names besides the pane — ribbon icons and the support page, in the repository's assets/ —
 * served at /assets/ by the dev server and copied to dist/excel-addin/assets/ by the build (`publicDir: false`
 * would otherwise leave the ribbon buttons blank and the support link dead in Excel).
 */
const ASSETS_DIR = resolve(here, 'assets');
const ASSET_TYPES: Record<string, string> = { '.png': 'image/png', '.html': 'text/html; charset=utf-8' };

function manifestAssets(): Plugin {
  return {
    name: 'partnership-review:manifest-assets',
    configureServer(server) {
      server.middlewares.use('/assets/', (req, res, next) => {
        const rel = normalize(decodeURIComponent((req.url ?? '').split('?')[0] ?? '')).replace(/^([/\\])+/, '');
        const file = join(ASSETS_DIR, rel);
        const type = ASSET_TYPES[extname(file)];
        if (!type || !file.startsWith(ASSETS_DIR + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', type);
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const name of readdirSync(ASSETS_DIR)) {
        if (!ASSET_TYPES[extname(name)]) continue;
        this.emitFile({ type: 'asset', fileName: `assets/${name}`, source: readFileSync(join(ASSETS_DIR, name)) });
      }
    },
  };
}

export default defineConfig({
  root: resolve(here, 'excel-addin/taskpane'),
  base: './',
  publicDir: false,
  plugins: [react(), officeJsFromNodeModules(), manifestAssets()],
  build: {
    outDir: resolve(here, 'dist/excel-addin'),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    // Fluent UI is most of the bundle; the budget is checked gzipped by the end-to-end test
    chunkSizeWarningLimit: 1200,
    rollupOptions: { input: { taskpane: resolve(here, 'excel-addin/taskpane/taskpane.html') } },
  },
  server: { host: '127.0.0.1', port: 3000, strictPort: true },
  preview: { host: '127.0.0.1', port: 3000, strictPort: true },
});

/**
 * `npm start`.
 * - Where desktop Excel can sideload an add-in (Windows, macOS): starts the dev server over https on
 *   localhost:3000 and sideloads manifest.xml with Office's own tool, `office-addin-debugging` (run through npx, not a
 *   dependency: it pulls in packages that break `npm install` on Linux).
 * - Elsewhere (Linux, CI, a browser only): serves the browser preview, the same task pane over an in-page
 *   workbook, on http://127.0.0.1:3000 and prints its URL.
 * `npm start -- --preview` forces the browser preview anywhere; `--port N` picks another port for it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type InlineConfig } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 3000;

/** Office's development certificates, as `npx office-addin-dev-certs install` writes them. */
function devCerts(): { key: Buffer; cert: Buffer } | null {
  const dir = join(homedir(), '.office-addin-dev-certs');
  const key = join(dir, 'localhost.key');
  const cert = join(dir, 'localhost.crt');
  return existsSync(key) && existsSync(cert) ? { key: readFileSync(key), cert: readFileSync(cert) } : null;
}

async function serve(config: InlineConfig): Promise<string> {
  const server = await createServer({ configFile: join(root, 'vite.config.ts'), ...config });
  await server.listen();
  const info = server.resolvedUrls?.local[0] ?? '';
  return new URL('taskpane.html', info).toString();
}

async function preview(): Promise<void> {
  const url = await serve({ server: { host: '127.0.0.1', port, strictPort: true } });
  console.log(`Partnership Review — browser preview (no Excel needed): ${url}`);
  console.log('Open it in a browser to try the task pane on an in-page workbook. Press Ctrl+C to stop.');
}

async function sideload(): Promise<void> {
  const certs = devCerts();
  if (!certs) {
    console.error('Excel add-ins must be served over https. Install Office\'s development certificate once with:');
    console.error('  npx office-addin-dev-certs install');
    console.error('then run npm start again. (To try the pane in a browser instead: npm start -- --preview)');
    process.exitCode = 1;
    return;
  }
  // already listening on 3000, so office-addin-debugging (given the port) starts no dev server of its own
  const url = await serve({ server: { host: 'localhost', port: 3000, strictPort: true, https: certs } });
  console.log(`Task pane served at ${url}; sideloading manifest.xml into desktop Excel…`);
  const child = spawn('npx', ['--yes', 'office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server-port', '3000'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  child.on('exit', (code) => {
    if (code) console.error(`office-addin-debugging stopped with code ${code}. The dev server keeps running; press Ctrl+C to stop.`);
  });
}

const canSideload = process.platform === 'win32' || process.platform === 'darwin';
if (canSideload && !args.includes('--preview')) await sideload();
else await preview();

/**
 * `npm start`.
 * - Where desktop Excel can sideload an add-in (Windows, macOS): starts the dev server over https on
 *   localhost:3000 and sideloads manifest.xml with Office's own tool, `office-addin-debugging` (run through npx at an
 *   exact version, not a dependency: it pulls in packages that break `npm install` on Linux).
 * - Elsewhere (Linux, CI, a browser only): serves the browser preview, the same task pane over an in-page
 *   workbook, on http://127.0.0.1:3000 and prints its URL.
 * `npm start -- --preview` forces the browser preview anywhere; `--port N` picks another port for it.
 * It records itself in .npm-start/<port>.json for `npm stop` (scripts/stop.ts), and on Ctrl+C or a stop signal
 * closes the server, ends the sideloading tool and removes that record.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createServer, type InlineConfig, type ViteDevServer } from 'vite';
import { OFFICE_ADDIN_DEBUGGING, OFFICE_ADDIN_DEV_CERTS, removeState, ROOT as root, writeState } from './start-state.js';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const previewPort = portArg >= 0 ? Number(args[portArg + 1]) : 3000;

let server: ViteDevServer | null = null;
let sideloader: ChildProcess | null = null;
let recordedPort: number | null = null;

/** Ends what this process started: the sideloading tool, the server, the record for npm stop. */
async function shutdown(): Promise<void> {
  if (recordedPort !== null) removeState(recordedPort);
  if (sideloader && sideloader.exitCode === null) sideloader.kill('SIGTERM');
  await server?.close();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void shutdown());

/** Office's development certificates, as `npx office-addin-dev-certs install` writes them. */
function devCerts(): { key: Buffer; cert: Buffer } | null {
  const dir = join(homedir(), '.office-addin-dev-certs');
  const key = join(dir, 'localhost.key');
  const cert = join(dir, 'localhost.crt');
  return existsSync(key) && existsSync(cert) ? { key: readFileSync(key), cert: readFileSync(cert) } : null;
}

async function serve(port: number, config: InlineConfig, sideloaded: boolean): Promise<string> {
  server = await createServer({ configFile: join(root, 'vite.config.ts'), ...config });
  await server.listen();
  writeState({ pid: process.pid, port, sideloaded, started: new Date().toISOString() });
  recordedPort = port;
  const info = server.resolvedUrls?.local[0] ?? '';
  return new URL('taskpane.html', info).toString();
}

async function preview(): Promise<void> {
  const url = await serve(previewPort, { server: { host: '127.0.0.1', port: previewPort, strictPort: true } }, false);
  console.log(`Partnership Review — browser preview (no Excel needed): ${url}`);
  console.log('Open it in a browser to try the task pane on an in-page workbook. Press Ctrl+C (or run npm stop) to stop.');
}

async function sideload(): Promise<void> {
  const certs = devCerts();
  if (!certs) {
    console.error("Excel add-ins must be served over https. Install Office's development certificate once with:");
    console.error(`  npx --yes ${OFFICE_ADDIN_DEV_CERTS} install`);
    console.error('then run npm start again. (To try the pane in a browser instead: npm start -- --preview)');
    process.exitCode = 1;
    return;
  }
  // already listening on 3000, so office-addin-debugging (given the port) starts no dev server of its own
  const url = await serve(3000, { server: { host: 'localhost', port: 3000, strictPort: true, https: certs } }, true);
  console.log(`Task pane served at ${url}; sideloading manifest.xml into desktop Excel…`);
  sideloader = spawn(
    'npx',
    ['--yes', OFFICE_ADDIN_DEBUGGING, 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server-port', '3000'],
    {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    },
  );
  sideloader.on('exit', (code) => {
    if (code)
      console.error(
        `office-addin-debugging stopped with code ${code}. The dev server keeps running; press Ctrl+C or run npm stop to stop.`,
      );
  });
}

const canSideload = process.platform === 'win32' || process.platform === 'darwin';
if (canSideload && !args.includes('--preview')) await sideload();
else await preview();

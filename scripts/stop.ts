/**
 * `npm stop`: stops what `npm start` started from this checkout — the server process recorded in
 * .npm-start/<port>.json and every process below it (on Windows with `taskkill /T`) — and, where npm start sideloaded
 * the add-in into desktop Excel, removes the sideload with the same pinned `office-addin-debugging`.
 * `npm stop -- --port N` stops only the start on port N. A record whose process has gone is cleared.
 *
 * The process is asked to stop first (SIGTERM: it closes its server and ends its helpers); whatever is still there
 * after five seconds, the process or any of its children, is killed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { OFFICE_ADDIN_DEBUGGING, readStates, removeState, ROOT, type StartState } from './start-state.js';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const onlyPort = portArg >= 0 ? Number(args[portArg + 1]) : null;
const windows = process.platform === 'win32';

/** The process is there and not a zombie (a finished child its parent has not collected holds nothing). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc (macOS, Windows): kill(0) is the answer
  }
}

/** Every process below `pid`, from `ps` (POSIX). */
function descendants(pid: number): number[] {
  let table = '';
  try {
    table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const line of table.split('\n')) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    if (!p || pp === undefined || Number.isNaN(pp)) continue;
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const out: number[] = [];
  const queue = [...(children.get(pid) ?? [])];
  while (queue.length > 0) {
    const p = queue.shift()!;
    out.push(p);
    queue.push(...(children.get(p) ?? []));
  }
  return out;
}

/** True when the recorded process still runs scripts/start.ts (a recycled process id is left alone). */
function isOurStart(pid: number): boolean {
  if (windows) return true; // tasklist does not show command lines; the record is removed on every clean exit
  try {
    const cmd = execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    return cmd.includes('start.ts');
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function stopTree(pid: number): Promise<number> {
  if (windows) {
    spawnSync('taskkill', ['/PID', String(pid), '/T', '/F'], { stdio: 'ignore' });
    return 1;
  }
  const tree = [pid, ...descendants(pid)];
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // gone meanwhile
  }
  for (let waited = 0; waited < 5000 && tree.some(running); waited += 100) await sleep(100);
  // what would not stop, and anything it started meanwhile
  for (const p of new Set([...tree, ...descendants(pid)])) {
    if (!running(p)) continue;
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  return tree.length;
}

function unsideload(): void {
  console.log('Removing the sideloaded add-in from desktop Excel…');
  const r = spawnSync('npx', ['--yes', OFFICE_ADDIN_DEBUGGING, 'stop', 'manifest.xml', 'desktop'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: windows,
  });
  if (r.status !== 0)
    console.error(
      `${OFFICE_ADDIN_DEBUGGING} stop ended with code ${r.status ?? r.signal}: remove the add-in in Excel by hand if it is still listed.`,
    );
}

const states: StartState[] = readStates().filter((s) => onlyPort === null || s.port === onlyPort);
if (states.length === 0) {
  console.log(onlyPort === null ? 'Nothing to stop: npm start is not running from this folder.' : `Nothing to stop on port ${onlyPort}.`);
} else {
  for (const s of states) {
    if (!running(s.pid) || !isOurStart(s.pid)) {
      console.log(`npm start on port ${s.port} (process ${s.pid}) had already ended; its record is cleared.`);
    } else {
      const n = await stopTree(s.pid);
      console.log(`Stopped npm start on port ${s.port}: process ${s.pid}${n > 1 ? ` and ${n - 1} below it` : ''}.`);
    }
    if (s.sideloaded) unsideload();
    removeState(s.port);
  }
}

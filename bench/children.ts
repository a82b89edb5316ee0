/**
 * Starting the benchmark's child processes (`child.ts`) and reading what they print: progress lines
 * `BENCH_STEP <json>` as each step finishes, then one `BENCH_RESULT <json>`. A child that runs past its time limit is
 * killed; the steps it finished are still returned, so a slow step is reported with the time it was given.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULT_MARK = 'BENCH_RESULT ';
export const STEP_MARK = 'BENCH_STEP ';
const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'child.ts');

export interface ChildOutcome<T> {
  result: T | null;
  steps: unknown[];
  /** set when the child was killed at its time limit */
  timedOutAfterMs: number | null;
  /** set when the child failed */
  error: string | null;
}

/** Lines of a child's stdout → its steps and result. */
export function parseChildOutput<T>(out: string): { result: T | null; steps: unknown[] } {
  let result: T | null = null;
  const steps: unknown[] = [];
  for (const line of out.split('\n')) {
    if (line.startsWith(RESULT_MARK)) result = JSON.parse(line.slice(RESULT_MARK.length)) as T;
    else if (line.startsWith(STEP_MARK)) steps.push(JSON.parse(line.slice(STEP_MARK.length)));
  }
  return { result, steps };
}

export function runChild<T>(args: string[], timeoutMs: number): Promise<ChildOutcome<T>> {
  return spawnChild<T>(['--expose-gc', '--import', 'tsx', CHILD, ...args], timeoutMs);
}

/** A child built to JavaScript (`child.ts` bundled), run with plain node: no TypeScript compiler in the process. */
export function runChildScript<T>(script: string, args: string[], timeoutMs: number): Promise<ChildOutcome<T>> {
  return spawnChild<T>(['--expose-gc', script, ...args], timeoutMs);
}

function spawnChild<T>(nodeArgs: string[], timeoutMs: number): Promise<ChildOutcome<T>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nodeArgs, {
      cwd: join(dirname(CHILD), '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ result: null, steps: [], timedOutAfterMs: null, error: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const { result, steps } = parseChildOutput<T>(out);
      const error =
        timedOut || (code === 0 && result)
          ? null
          : `exit ${code}: ${err.trim().split('\n').slice(0, 6).join(' | ') || 'no result printed'}`;
      resolve({ result, steps, timedOutAfterMs: timedOut ? timeoutMs : null, error });
    });
  });
}

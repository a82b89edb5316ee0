/**
 * `npm start` then `npm stop` (issue 14): the browser preview (what npm start serves where there is no desktop Excel,
 * as here) listens on its port; `npm stop` ends it and everything under it. Checked from outside, not with the
 * stop script's own helpers: npm start runs in a process group of its own, and afterwards `ps` lists no process of
 * that group and nothing accepts a connection on the port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './e2e-support.js';

/** Whether something accepts a TCP connection on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      ok(true);
    });
    socket.once('error', () => ok(false));
  });
}

/** The live (not zombie) processes of a process group, as `ps` lists them: "pid state command". */
function group(pgid: number): string[] {
  const out = spawnSync('ps', ['-A', '-o', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => Number(f[1]) === pgid && !f[2]!.startsWith('Z'))
    .map((f) => [f[0], f[2], ...f.slice(3)].join(' '));
}

function printed(child: ChildProcess, pattern: RegExp, ms: number): Promise<string> {
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`not printed within ${ms} ms: ${pattern}\n${out}`)), ms);
    const take = (d: Buffer) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[0]);
      }
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    child.once('exit', (code) => fail(new Error(`npm start ended (${code}) before printing ${pattern}:\n${out}`)));
  });
}

describe('npm start, then npm stop', () => {
  it('leaves nothing listening on the port and no process of npm start behind', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    expect(await listening(port)).toBe(false);
    // a process group of its own (detached), so that what it leaves behind can be found — and cleared if the test fails
    const start = spawn('npm', ['start', '--', '--preview', '--port', String(port)], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((ok) => start.once('exit', (code) => ok(code)));
    try {
      expect(await printed(start, /http:\/\/127\.0\.0\.1:\d+\/taskpane\.html/, 120_000)).toBe(`http://127.0.0.1:${port}/taskpane.html`);
      expect(await listening(port)).toBe(true);
      const before = group(start.pid!);
      // npm, the shell it runs the script in, tsx and the node process serving the pane (at least)
      expect(before.length, before.join('\n')).toBeGreaterThanOrEqual(3);
      expect(
        before.some((p) => p.includes('scripts/start.ts')),
        before.join('\n'),
      ).toBe(true);
      expect(existsSync(join(ROOT, '.npm-start', `${port}.json`))).toBe(true);

      const stop = spawnSync('npm', ['stop', '--', '--port', String(port)], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      expect(stop.status, stop.stderr).toBe(0);
      expect(stop.stdout).toContain(`Stopped npm start on port ${port}: process `);

      expect(await Promise.race([exited, new Promise((ok) => setTimeout(() => ok('still running'), 15_000))])).not.toBe('still running');
      expect(await listening(port)).toBe(false);
      await expect.poll(() => group(start.pid!), { timeout: 10_000 }).toEqual([]);
      expect(existsSync(join(ROOT, '.npm-start', `${port}.json`))).toBe(false);
    } finally {
      try {
        process.kill(-start.pid!, 'SIGKILL');
      } catch {
        // nothing left, as it should be
      }
    }
  }, 180_000);

  it('says so when there is nothing to stop', () => {
    const stop = spawnSync('npm', ['stop', '--', '--port', '1'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(stop.status, stop.stderr).toBe(0);
    expect(stop.stdout).toContain('Nothing to stop on port 1.');
  }, 60_000);
});

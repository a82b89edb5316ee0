/**
 * What `npm start` leaves for `npm stop`: one file per running start in .npm-start/ at the root of this checkout,
 * named by its port, saying which process to stop and whether it sideloaded the add-in into Excel. Also the exact
 * versions of Office's command-line tools that `npm start` and `npm stop` fetch with npx (never dependencies:
 * office-addin-debugging pulls in keytar, whose native build breaks `npm install` on Linux).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const STATE_DIR = join(ROOT, '.npm-start');

/** Office's sideloading tool, pinned: `npx --yes office-addin-debugging@<this>`. */
export const OFFICE_ADDIN_DEBUGGING = 'office-addin-debugging@7.0.0';
/** Office's development certificate tool, pinned. */
export const OFFICE_ADDIN_DEV_CERTS = 'office-addin-dev-certs@3.0.0';

export interface StartState {
  /** the process running scripts/start.ts (the server lives in it; its children are its helpers) */
  pid: number;
  port: number;
  /** manifest.xml was sideloaded into desktop Excel, to be removed again by npm stop */
  sideloaded: boolean;
  /** when it started (ISO 8601) */
  started: string;
}

const fileFor = (port: number) => join(STATE_DIR, `${port}.json`);

export function writeState(state: StartState): void {
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(fileFor(state.port), JSON.stringify(state, null, 2));
}

export function removeState(port: number): void {
  rmSync(fileFor(port), { force: true });
}

/** Every start recorded in this checkout (a file that cannot be read as one is skipped). */
export function readStates(): StartState[] {
  let names: string[] = [];
  try {
    names = readdirSync(STATE_DIR).filter((n) => /^\d+\.json$/.test(n));
  } catch {
    return [];
  }
  const out: StartState[] = [];
  for (const name of names) {
    try {
      const s = JSON.parse(readFileSync(join(STATE_DIR, name), 'utf8')) as Partial<StartState>;
      if (Number.isInteger(s.pid) && Number.isInteger(s.port)) {
        out.push({ pid: s.pid!, port: s.port!, sideloaded: s.sideloaded === true, started: String(s.started ?? '') });
      }
    } catch {
      // half-written or hand-edited: nothing we can act on
    }
  }
  return out;
}

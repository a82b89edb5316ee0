/**
 * What a command may do to the outside world besides its files: print results (stdout), print progress and
 * errors (stderr), and read today's date. Injected, so tests run commands in-process with a fixed date.
 */
import { isoFromParts } from '../../core/util/dates.js';

export interface CliIO {
  /** a result line (stdout) */
  out(text: string): void;
  /** a progress, warning or error line (stderr) */
  err(text: string): void;
  /** today's date, ISO, from the clock (the command line is the edge where the clock may be read) */
  clockToday(): string;
}

export function processIO(): CliIO {
  // output piped into a command that stops reading (`| head`) is not an error
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
  return {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    clockToday: () => {
      const d = new Date();
      return isoFromParts(d.getFullYear(), d.getMonth() + 1, d.getDate())!;
    },
  };
}

/** The financial year (April to March) a date falls in, as councils in England name a cycle: "2026/27". */
export function financialYear(iso: string): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const start = month >= 4 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

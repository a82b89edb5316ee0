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

/**
 * Text as it may reach a terminal: control characters (other than new lines and tabs) are shown escaped, so a CSV or
 * workbook cannot move the cursor, clear the screen, plant links or reorder text through what the command prints:
 * ESC → \x1b, CR → \r, C1 controls and bidirectional overrides → \u202e and so on.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    if (c === '\r') return '\\r';
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/** The same IO, every line passed through `printable`. */
export function printableIO(io: CliIO): CliIO {
  return { out: (t) => io.out(printable(t)), err: (t) => io.err(printable(t)), clockToday: () => io.clockToday() };
}

/**
 * A path as a POSIX shell needs it in a command printed for pasting ("Next: partnership-review check …"): as it is
 * when every character is one the shell takes literally, else in single quotes with each ' written '\'' ("my
 * review's.xlsx" → 'my review'\''s.xlsx'); a name beginning with "-" gets ./ in front, so it is not read as an option.
 */
export function shellPath(path: string): string {
  const p = path.startsWith('-') ? `./${path}` : path;
  if (/^[\p{L}\p{N}_@%+=:,./-]+$/u.test(p)) return p;
  return `'${p.replace(/'/g, `'\\''`)}'`;
}

/**
 * Command-line arguments: a command, its positional paths and options, checked per command so that a mistyped
 * option is one clear line instead of being ignored.
 */
import { parseArgs } from 'node:util';
import { todayProblem } from '../../core/operations/limits-of-use.js';
import { isIsoDate } from '../../core/util/dates.js';
import { EXCEL_MAX_CELL_TEXT } from '../../core/sheet-plan/limits.js';

export const COMMANDS = ['frameworks', 'new', 'import', 'check', 'summarise', 'score', 'report', 'plan', 'demo'] as const;
export type Command = (typeof COMMANDS)[number];

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Options {
  json: boolean;
  framework?: string;
  partnership: string[];
  respondent: string[];
  respondents?: number;
  cycle?: string;
  previous?: string;
  /** report: where to write the .docx */
  out?: string;
  today?: string;
  protect: boolean;
  force: boolean;
  quiet: boolean;
  /** import: take the export's value where a person changed the cell since the last import */
  preferExport: boolean;
}

export interface ParsedArgs {
  command: Command | 'help' | 'version';
  paths: string[];
  options: Options;
}

const OPTION_SPEC = {
  json: { type: 'boolean' },
  framework: { type: 'string' },
  partnership: { type: 'string', multiple: true },
  respondent: { type: 'string', multiple: true },
  respondents: { type: 'string' },
  cycle: { type: 'string' },
  previous: { type: 'string' },
  out: { type: 'string' },
  today: { type: 'string' },
  'no-protect': { type: 'boolean' },
  force: { type: 'boolean' },
  'prefer-export': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type OptionName = keyof typeof OPTION_SPEC;

/** Which options and how many paths each command takes (`--today`, `--quiet` and `--help` go with any); `more`: the
 *  last path may be given several times. */
const PER_COMMAND: Record<Command, { options: OptionName[]; paths: string[]; more?: boolean }> = {
  frameworks: { options: ['json'], paths: [] },
  new: { options: ['framework', 'partnership', 'respondent', 'respondents', 'cycle', 'no-protect'], paths: ['<review.xlsx>'] },
  import: { options: ['prefer-export'], paths: ['<review.xlsx>', '<responses.csv|responses.xlsx>'] },
  check: { options: ['json'], paths: ['<review.xlsx>'] },
  summarise: { options: ['json', 'previous'], paths: ['<review.xlsx>'] },
  score: { options: ['json', 'previous'], paths: ['<review.xlsx>'] },
  report: { options: ['out', 'previous', 'force'], paths: ['<review.xlsx>'] },
  plan: { options: ['json', 'cycle'], paths: ['<plan.xlsx>', '<review.xlsx>'], more: true },
  demo: { options: ['framework', 'force'], paths: ['<review.xlsx>'] },
};

const ALWAYS: OptionName[] = ['today', 'quiet', 'help'];

/** The options that take a value, and of those the ones whose value is a file. */
const VALUE_OPTIONS = new Set(Object.entries(OPTION_SPEC).flatMap(([k, o]) => (o.type === 'string' ? [`--${k}`] : [])));
const PATH_OPTIONS = new Set(['--out', '--previous', '--framework']);
const SHORT_OPTIONS = new Set<string>(Object.values(OPTION_SPEC).flatMap((o) => ('short' in o ? [o.short] : [])));

/** A word beginning with one "-" that reads as a file name (it holds a "." or a folder separator) rather than as
 *  short options (-q, -h): "-review.xlsx". It is refused with how to give it, never guessed to be a file, so that
 *  the same words always mean the same thing (and a mistyped option is never taken for a file name). */
function dashFileProblem(argv: string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') return null; // everything after it is a file name
    if (!/^-[^-]/.test(word) || !/[./\\]/.test(word)) continue;
    if ([...word.slice(1)].every((c) => SHORT_OPTIONS.has(c))) continue;
    const before = argv[i - 1] ?? '';
    if (VALUE_OPTIONS.has(before)) {
      return `${before} is followed by "${word}", which begins with "-" and so reads as an option: write ${before}=${word}${PATH_OPTIONS.has(before) ? ` or ${before} ./${word}` : ''}.`;
    }
    return `"${word}" begins with "-", so it reads as an option, not a file name: give it as ./${word} (or put -- after every option and before the file names).`;
  }
  return null;
}

export function parseCommandLine(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTION_SPEC, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    const dashFile = dashFileProblem(argv);
    if (dashFile) throw new UsageError(dashFile);
    const msg = (e as Error).message
      .replace(/\. To specify a positional argument.*$/s, '')
      .replace(/^Unknown option/, 'unknown option')
      .replace(/\s*\n\s*/g, ' ')
      .replace(/\.+$/, '');
    throw new UsageError(`${msg}.`);
  }
  const v = parsed.values;
  const [first, ...rest] = parsed.positionals;
  const base: Options = {
    json: Boolean(v.json),
    partnership: (v.partnership ?? []).map((s) => s.trim()).filter(Boolean),
    respondent: (v.respondent ?? []).map((s) => s.trim()).filter(Boolean),
    protect: !v['no-protect'],
    force: Boolean(v.force),
    quiet: Boolean(v.quiet),
    preferExport: Boolean(v['prefer-export']),
  };
  if (v.version) return { command: 'version', paths: [], options: base };
  if (!first || v.help) return { command: 'help', paths: first ? [first] : [], options: base };
  // "summarize" is accepted as well as "summarise"
  const name = first === 'summarize' ? 'summarise' : first;
  if (!(COMMANDS as readonly string[]).includes(name)) {
    throw new UsageError(`"${first}" is not a command. The commands are: ${COMMANDS.join(', ')}.`);
  }
  const command = name as Command;
  const allowed = new Set<string>([...PER_COMMAND[command].options, ...ALWAYS]);
  for (const [k, val] of Object.entries(v)) {
    if (val === undefined || val === false || (Array.isArray(val) && val.length === 0)) continue;
    if (!allowed.has(k)) throw new UsageError(`${command} does not take --${k}.`);
  }
  const want = PER_COMMAND[command].paths;
  const more = PER_COMMAND[command].more ? '…' : '';
  if (rest.length < want.length)
    throw new UsageError(
      `${command} needs ${want.join(' and ')}${more ? ' (one or more)' : ''}: partnership-review ${command} ${want.join(' ')}${more || '.'}`,
    );
  if (rest.length > want.length && !more) {
    const extra = rest[want.length]!;
    // after "--" every word is a file name: an option written there is one too many, not an option
    const terminator = parsed.tokens.find((t) => t.kind === 'option-terminator');
    const afterTerminator = terminator !== undefined && extra.startsWith('-');
    throw new UsageError(
      `${command} takes ${want.length === 0 ? 'no file names' : want.join(' and ')}; "${extra}" is one too many${afterTerminator ? `: everything after -- is read as a file name, so put options such as ${extra} before --` : ''}.`,
    );
  }

  // every text option lands in a cell: Excel keeps at most 32,767 characters there, so a longer one is refused, not cut
  const texts: [string, string[]][] = [
    ['--cycle', v.cycle === undefined ? [] : [v.cycle]],
    ['--partnership', base.partnership],
    ['--respondent', base.respondent],
  ];
  for (const [flag, values] of texts) {
    const long = values.find((s) => s.trim().length > EXCEL_MAX_CELL_TEXT);
    if (long !== undefined) {
      throw new UsageError(
        `${flag} is ${long.trim().length.toLocaleString('en-GB')} characters long; a spreadsheet cell holds at most 32,767. Give a shorter one.`,
      );
    }
  }

  const options: Options = { ...base };
  if (v.framework !== undefined) options.framework = v.framework.trim();
  if (v.cycle !== undefined) {
    if (v.cycle.trim() === '') throw new UsageError('--cycle needs a label, for example --cycle 2026/27.');
    options.cycle = v.cycle.trim();
  }
  if (v.previous !== undefined) options.previous = v.previous;
  if (v.out !== undefined) {
    if (v.out.trim() === '') throw new UsageError('--out needs a file name, for example --out report.docx.');
    options.out = v.out.trim();
  }
  if (v.respondents !== undefined) {
    const n = Number(v.respondents);
    if (!/^\d+$/.test(v.respondents.trim()) || n < 0 || n > 5000) {
      throw new UsageError(
        `--respondents needs a whole number from 0 to 5000, not "${v.respondents}" (0: no placeholder rows, for a review to import into).`,
      );
    }
    options.respondents = n;
  }
  if (v.today !== undefined) {
    if (!isIsoDate(v.today.trim()))
      throw new UsageError(`--today needs a date written YYYY-MM-DD (for example 2026-03-31), not "${v.today}".`);
    const range = todayProblem(v.today.trim());
    if (range) throw new UsageError(`--today: ${range}`);
    options.today = v.today.trim();
  }
  return { command, paths: rest, options };
}

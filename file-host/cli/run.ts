/**
 * The command line as a function: arguments in, exit code out, files touched only through the XlsxHost (which
 * saves beside the file, then renames). Every error a person can fix is one line on stderr and exit code 2.
 */
import { LayoutChangedError, NotAReviewError, ReviewRequestError } from '../../core/operations/types.js';
import { FileProblem } from '../file-safety.js';
import { parseCommandLine, UsageError } from './args.js';
import { makeContext } from './context.js';
import { USAGE } from './help.js';
import { printableIO, type CliIO } from './io.js';
import { frameworksCommand } from './commands/frameworks.js';
import { newCommand } from './commands/new.js';
import { importCommand } from './commands/import.js';
import { checkCommand } from './commands/check.js';
import { summariseCommand } from './commands/summarise.js';
import { demoCommand } from './commands/demo.js';
import { planCommand } from './commands/plan.js';
import { XmlError } from '../xlsx/xml.js';
import { ZipError } from '../xlsx/zip.js';

export const VERSION = '0.1.0';
const NAME = 'partnership-review';

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

export async function run(argv: string[], rawIo: CliIO): Promise<number> {
  // text from files (names, headers, answers, file names) is printed with control characters escaped
  const io = printableIO(rawIo);
  let reviewPath = '';
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.command === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (parsed.command === 'version') {
      io.out(`${NAME} ${VERSION}`);
      return 0;
    }
    const ctx = makeContext(io, parsed.options);
    const [a, b] = parsed.paths;
    reviewPath = a ?? '';
    switch (parsed.command) {
      case 'frameworks':
        return await frameworksCommand(ctx);
      case 'new':
        return await newCommand(ctx, a!);
      case 'import':
        return await importCommand(ctx, a!, b!);
      case 'check':
        return await checkCommand(ctx, a!);
      case 'summarise':
        return await summariseCommand(ctx, a!);
      case 'score':
        return await summariseCommand(ctx, a!, { write: false });
      case 'report': {
        // the Word writer (docx) is loaded only for this command: every other command starts without it
        const { reportCommand } = await import('./commands/report.js');
        return await reportCommand(ctx, a!);
      }
      case 'plan':
        return await planCommand(ctx, a!, parsed.paths.slice(1));
      case 'demo':
        return await demoCommand(ctx, a!);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${NAME}: ${e.message} Run "${NAME} --help" for the commands.`);
      return 2;
    }
    if (e instanceof FileProblem) {
      io.err(`${NAME}: ${oneLine(e.message)}`);
      return e.exitCode;
    }
    if (e instanceof NotAReviewError) {
      io.err(`${NAME}: ${reviewPath ? `${reviewPath} is not a Partnership Review workbook: ` : ''}${oneLine(e.message)}`);
      return 2;
    }
    if (e instanceof ReviewRequestError || e instanceof LayoutChangedError) {
      io.err(`${NAME}: ${oneLine(e.message)}${reviewPath ? ` (${reviewPath} has not been changed.)` : ''}`);
      return 2;
    }
    if (e instanceof XmlError || e instanceof ZipError) {
      // a part read outside the host's guard: still a damaged file, not a fault of the command line
      io.err(
        `${NAME}: a workbook given cannot be read: a part of it is damaged (${oneLine(e.message)}). Open it in Excel or LibreOffice and save it again, then try again; nothing was changed.`,
      );
      return 2;
    }
    const err = e as Error;
    io.err(
      `${NAME}: unexpected error: ${oneLine(err?.message ?? String(e))}. Nothing was saved. Please report this with the command you ran.`,
    );
    if (process.env['PARTNERSHIP_REVIEW_DEBUG']) io.err(err?.stack ?? '');
    return 3;
  }
}

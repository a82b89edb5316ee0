/** What every command gets: its options, the date to work to, and where to print. */
import type { Framework } from '../../core/framework/schema.js';
import { getFramework, builtinFrameworkIds } from '../../core/framework/catalogue.js';
import { parseCustomFramework } from '../../core/framework/custom.js';
import type { OnProgress } from '../../core/operations/types.js';
import { FileProblem, readExisting } from '../file-safety.js';
import type { Options } from './args.js';
import type { CliIO } from './io.js';

export interface CommandContext {
  io: CliIO;
  options: Options;
  /** ISO date: --today, else the clock */
  today: string;
  /** a progress line on stderr (silent with --quiet) */
  progress(message: string): void;
  /** the same, in the shape core's run functions call */
  onProgress: OnProgress;
}

export function makeContext(io: CliIO, options: Options): CommandContext {
  const progress = (message: string) => {
    if (!options.quiet) io.err(message);
  };
  return {
    io,
    options,
    today: options.today ?? io.clockToday(),
    progress,
    onProgress: (e) => progress(e.message),
  };
}

/** `--framework`: a built-in id, or the path of a custom framework written as JSON. */
export async function resolveFramework(value: string | undefined, command: string): Promise<string | Framework> {
  if (!value)
    throw new FileProblem(
      `${command} needs --framework <id>; the built-in frameworks are: ${builtinFrameworkIds().join(', ')} (or give a custom framework .json file).`,
    );
  if (/\.json$/i.test(value)) {
    const text = (await readExisting(value, 'framework .json file')).toString('utf8');
    const result = parseCustomFramework(text);
    if (!result.ok) throw new FileProblem(`${value} is not a framework that can be used: ${result.errors.join(' ')}`);
    return result.framework;
  }
  try {
    return getFramework(value).id;
  } catch {
    throw new FileProblem(
      `There is no built-in framework "${value}". Choose one of: ${builtinFrameworkIds().join(', ')} (run "partnership-review frameworks" to see them).`,
    );
  }
}

export function frameworkOf(f: string | Framework): Framework {
  return typeof f === 'string' ? getFramework(f) : f;
}

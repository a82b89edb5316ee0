/**
 * Touching files safely: one clear line for every way a file can be unusable, never a half-written workbook
 * (write beside it, then rename), and never a file that is open in Excel or LibreOffice.
 */
import { constants, unlinkSync } from 'node:fs';
import { access, lstat, open, readFile, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';

/** A problem a person can fix, with the exit code the command line should end with. */
export class FileProblem extends Error {
  override name = 'FileProblem';
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** Word formats: Word names its owner file differently from Excel (below). */
const WORD_EXTENSIONS = /^\.(docx|doc|rtf)$/i;

/** The owner files LibreOffice and Microsoft Office leave beside a document while it is open, for THIS file only:
 *  LibreOffice `.~lock.<name>#`; Excel (and PowerPoint) `~$` followed by the whole file name (`~$Book1.xlsx` for
 *  Book1.xlsx); Word `~$` followed by the name without its first two characters when the name before the extension
 *  has 8 or more, without its first one when it has 7 (`~$view report.docx` for review report.docx). The Office rules
 *  are the ones LibreOffice writes and reads to share locks with Microsoft Office (svl/source/misc/
 *  msodocumentlockfile.cxx, found by testing MS Office 2016, pinned by its tests testExcelLockFileURL and
 *  testWordLockFileURL). An owner file that could only belong to another file (`~$ok1.xlsx` is Excel's for ok1.xlsx)
 *  never stops this one. */
export function lockFilesFor(path: string): Array<{ path: string; app: string }> {
  const dir = dirname(path);
  const name = basename(path);
  const out = [{ path: join(dir, `.~lock.${name}#`), app: 'LibreOffice' }];
  const ext = extname(name);
  if (WORD_EXTENSIONS.test(ext)) {
    const stem = name.length - ext.length;
    out.push({ path: join(dir, `~$${stem >= 8 ? name.slice(2) : stem === 7 ? name.slice(1) : name}`), app: 'Word' });
  } else {
    out.push({ path: join(dir, `~$${name}`), app: 'Excel' });
  }
  return out;
}

export async function assertNotOpenElsewhere(path: string): Promise<void> {
  for (const lock of lockFilesFor(path)) {
    if (await exists(lock.path)) {
      throw new FileProblem(
        `${path} is open in ${lock.app} (its lock file ${basename(lock.path)} is beside it): close it there and try again; if it is not open anywhere, delete that lock file.`,
      );
    }
  }
}

/** Whether `path` may be written: its write bits (`bits`: any set; root passes `access` whatever they say, so a file or
 *  folder no one may write is refused even for root), then `access`. */
async function writableByMode(path: string, bits: boolean): Promise<boolean> {
  if (!bits) return false;
  try {
    await access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** What a file looked like when it was read, to notice another program writing it before we do. */
export interface FileStamp {
  path: string;
  mtimeMs: number;
  size: number;
}

export async function stampOf(path: string): Promise<FileStamp | null> {
  try {
    const st = await stat(path);
    return { path, mtimeMs: st.mtimeMs, size: st.size };
  } catch {
    return null;
  }
}

/** Refuse to write over a file that changed on disk since it was read (someone saved it meanwhile). */
export async function assertUnchangedSince(stamp: FileStamp): Promise<void> {
  const now = await stampOf(stamp.path);
  if (!now || now.mtimeMs !== stamp.mtimeMs || now.size !== stamp.size) {
    throw new FileProblem(
      `${stamp.path} was changed by another program while this command was working on it: nothing was written; run the command again.`,
    );
  }
}

/** The bytes of a file that must exist, with a clear line when it does not. */
export async function readExisting(path: string, what = 'file'): Promise<Buffer> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new FileProblem(`${path} was not found: check the name and the folder.`);
  }
  if (st.isDirectory()) throw new FileProblem(`${path} is a folder, not a ${what}: give the path of the ${what} itself.`);
  try {
    return await readFile(path);
  } catch (e) {
    throw new FileProblem(
      `${path} could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): check that you may open it.`,
    );
  }
}

/** Refuse a workbook that may not be written (read-only, or not ours to write), before any work is done. */
export async function assertWritable(path: string): Promise<void> {
  let target = path;
  try {
    target = await realpath(path);
  } catch {
    return; // missing: reported by whoever reads it
  }
  const st = await stat(target);
  if (!(await writableByMode(target, (st.mode & 0o222) !== 0))) {
    // name the target only when the path itself is a link (not for "./x.xlsx", a relative path or a linked folder)
    const isLink = (await lstat(path)).isSymbolicLink();
    throw new FileProblem(
      `${path} is read-only${isLink ? ` (it links to ${target})` : ''}: nothing was changed. Make it writable (in its Properties, or "chmod u+w"), or work on a copy, then run the command again.`,
    );
  }
}

/** The folder a new file goes into must exist (checked before any work is done). */
export async function assertFolderExists(path: string): Promise<void> {
  const folder = dirname(path);
  try {
    if ((await stat(folder)).isDirectory()) return;
  } catch {
    // fall through
  }
  throw new FileProblem(`${path} could not be written: the folder ${folder} does not exist.`);
}

/** The folder that takes the temporary file when `path` is written — the folder of the link's target when `path` is
 *  a symbolic link (see writeAtomically), the nearest existing folder when it is still to be made (`demo`) — must let
 *  a new file be made in it: checked before any work is done, so a read-only folder is not found out at the end.
 *  A folder with no write permission for anyone is refused even where the system would let this user write there
 *  (an administrator, root), as a read-only workbook is (assertWritable). On Windows the read-only mark of a folder
 *  means nothing to writing into it (Windows sets it on folders such as Documents), so only writing tells. */
export async function assertFolderWritable(path: string): Promise<void> {
  const target = await linkTarget(path);
  let folder = dirname(target);
  let st;
  for (;;) {
    try {
      st = await stat(folder);
      break;
    } catch {
      const up = dirname(folder);
      if (up === folder) return;
      folder = up;
    }
  }
  if (!st.isDirectory()) return; // a file where a folder should be: reported when writing
  if (!(await writableByMode(folder, process.platform === 'win32' || (st.mode & 0o222) !== 0))) {
    const own = resolve(dirname(target));
    const why =
      resolve(folder) === own
        ? `${own} is read-only (the file is written there under a temporary name first, then renamed into place)`
        : `${resolve(folder)}, where its folder ${own} would be made, is read-only`;
    throw new FileProblem(
      `${path}${target !== path ? ` (it links to ${target})` : ''} cannot be written: the folder ${why}. Nothing was changed. Make the folder writable (in its Properties, or "chmod u+w" on it), or work on a copy in a folder you may write to, then run the command again.`,
    );
  }
}

export async function assertAbsent(path: string): Promise<void> {
  if (await exists(path)) {
    throw new FileProblem(`${path} already exists: choose another name, or move that file away first (it has not been changed).`);
  }
}

/** Where writing `path` lands: a symbolic link (or a chain of them) followed to its target — also a target that does
 *  not exist yet, which is then created there — so the link stays a link. */
export async function linkTarget(path: string): Promise<string> {
  let at = path;
  for (let hops = 0; hops < 40; hops++) {
    let st;
    try {
      st = await lstat(at);
    } catch {
      return at; // nothing there (yet): write it here
    }
    if (!st.isSymbolicLink()) return hops === 0 ? path : await realpath(at).catch(() => at);
    at = resolve(dirname(at), await readlink(at));
  }
  throw new FileProblem(`${path} could not be written: it is a symbolic link that leads round in a loop.`);
}

/** Whether two paths name the same file (through links, or hard links); false when either is missing. */
export async function sameFileOnDisk(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Temporary files being written: removed if the command is interrupted (Ctrl+C, a hang-up or kill). */
const inFlight = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of inFlight) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  inFlight.clear();
  process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
}
function track(tmp: string): void {
  if (inFlight.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  inFlight.add(tmp);
}
function untrack(tmp: string): void {
  inFlight.delete(tmp);
  if (inFlight.size === 0) for (const s of SIGNALS) process.off(s, onSignal);
}

/** Write a file so that a failure leaves any existing file untouched: a temporary file in the same folder,
 *  flushed to disk, then renamed over the target; interrupted, the temporary file is removed. */
export async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
  await assertNotOpenElsewhere(path);
  // a symbolic link is followed: its target is updated in place (or created) and the link stays a link
  const target = await linkTarget(path);
  if (target !== path) await assertNotOpenElsewhere(target);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp.xlsx`);
  let mode: number | undefined;
  try {
    mode = (await stat(target)).mode & 0o777;
  } catch {
    mode = undefined;
  }
  if (mode !== undefined && (mode & 0o222) === 0) {
    throw new FileProblem(`${path} is read-only: nothing was changed. Make it writable, or work on a copy, then run the command again.`);
  }
  let created = false;
  try {
    const fh = await open(tmp, 'wx', mode ?? 0o644);
    created = true;
    track(tmp);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
    untrack(tmp);
  } catch (e) {
    if (created) await unlink(tmp).catch(() => undefined);
    untrack(tmp);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FileProblem(`${path} could not be written: the folder ${dirname(target)} does not exist.`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new FileProblem(`${path} could not be written: you may not write to ${dirname(target)}.`);
    if (code === 'ENOSPC') throw new FileProblem(`${path} could not be written: the disk is full (nothing was changed).`);
    throw new FileProblem(`${path} could not be written (${code ?? (e as Error).message}); nothing was changed.`);
  }
}

import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, copyFile, lstat, mkdir, readFile, readdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { FileProblem, assertNotOpenElsewhere, lockFilesFor, writeAtomically } from '../../file-host/file-safety.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { tempDir } from './helpers.js';
import { buildCliOnce } from '../support/cli-build.js';
import { cli } from './cli-helpers.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-safety-'));
});
afterAll(() => cleanup());

describe('lock files', () => {
  it('knows the owner files of LibreOffice and Excel: Excel adds ~$ before the whole name', () => {
    expect(lockFilesFor('/x/review 2026.xlsx').map((l) => l.path)).toEqual(['/x/.~lock.review 2026.xlsx#', '/x/~$review 2026.xlsx']);
    expect(lockFilesFor('/x/Book1.xlsx').map((l) => l.path)).toEqual(['/x/.~lock.Book1.xlsx#', '/x/~$Book1.xlsx']);
    expect(lockFilesFor('/x/lk.xlsx').map((l) => l.path)).toEqual(['/x/.~lock.lk.xlsx#', '/x/~$lk.xlsx']);
    expect(lockFilesFor('/x/a.xlsm').map((l) => `${l.app} ${l.path}`)).toEqual(['LibreOffice /x/.~lock.a.xlsm#', 'Excel /x/~$a.xlsm']);
  });

  it('Word (the report) drops the first two characters of a name of 8 or more before the extension, one of 7', () => {
    const word = (p: string) => lockFilesFor(p).map((l) => `${l.app} ${l.path}`);
    expect(word('/x/review report.docx')).toEqual(['LibreOffice /x/.~lock.review report.docx#', 'Word /x/~$view report.docx']);
    expect(word('/x/12345678.docx')).toEqual(['LibreOffice /x/.~lock.12345678.docx#', 'Word /x/~$345678.docx']);
    expect(word('/x/1234567.docx')).toEqual(['LibreOffice /x/.~lock.1234567.docx#', 'Word /x/~$234567.docx']);
    expect(word('/x/123456.DOCX')).toEqual(['LibreOffice /x/.~lock.123456.DOCX#', 'Word /x/~$123456.DOCX']);
  });

  it('passes when none is there', async () => {
    await expect(assertNotOpenElsewhere(join(dir, 'free.xlsx'))).resolves.toBeUndefined();
  });

  it('an owner file of another workbook does not stop this one; its own does', async () => {
    const { dir: sub, cleanup: done } = await tempDir('pr-owners-');
    onTestFinished(done);
    for (const name of ['lk.xlsx', 'aaok1.xlsx', 'ok1.xlsx']) {
      const made = await cli('new', join(sub, name), '--framework', 'partnership-tree', '--quiet');
      expect(made.code, made.stderr).toBe(0);
    }
    // "~$.xlsx" would be Excel's for a file named ".xlsx"; "~$ok1.xlsx" is Excel's for ok1.xlsx, not for aaok1.xlsx
    await writeFile(join(sub, '~$.xlsx'), 'owner');
    await writeFile(join(sub, '~$ok1.xlsx'), 'owner');
    expect((await cli('check', join(sub, 'lk.xlsx'), '--quiet')).code).toBe(0);
    expect((await cli('check', join(sub, 'aaok1.xlsx'), '--quiet')).code).toBe(0);
    const ok1 = await cli('check', join(sub, 'ok1.xlsx'), '--quiet');
    expect(ok1.code).toBe(2);
    expect(ok1.stderr).toBe(
      `partnership-review: ${join(sub, 'ok1.xlsx')} is open in Excel (its lock file ~$ok1.xlsx is beside it): close it there and try again; if it is not open anywhere, delete that lock file.`,
    );
    await writeFile(join(sub, '~$aaok1.xlsx'), 'owner');
    expect((await cli('check', join(sub, 'aaok1.xlsx'), '--quiet')).stderr).toContain('its lock file ~$aaok1.xlsx is beside it');
  });

  it('the report is not written while Word has it open (~$ and the name without its first two characters)', async () => {
    const { dir: sub, cleanup: done } = await tempDir('pr-word-owner-');
    onTestFinished(done);
    const review = join(sub, 'review.xlsx');
    expect((await cli('new', review, '--framework', 'partnership-tree', '--quiet')).code).toBe(0);
    const report = join(sub, 'review report.docx');
    await writeFile(report, 'the report as Word has it');
    await writeFile(join(sub, '~$view report.docx'), 'owner');
    const r = await cli('report', review, '--force', '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `partnership-review: ${report} is open in Word (its lock file ~$view report.docx is beside it): close it there and try again; if it is not open anywhere, delete that lock file.`,
    );
    expect(await readFile(report, 'utf8')).toBe('the report as Word has it');
  });
});

describe('writeAtomically', () => {
  it('replaces the file and leaves nothing else behind', async () => {
    const path = join(dir, 'a.xlsx');
    await writeFile(path, 'old');
    await writeAtomically(path, Buffer.from('new'));
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.xlsx']);
  });

  it('leaves the original untouched when the write fails (the target is a folder)', async () => {
    const path = join(dir, 'folder.xlsx');
    await mkdir(path);
    await expect(writeAtomically(path, Buffer.from('x'))).rejects.toThrow(FileProblem);
    expect((await readdir(dir)).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('never deletes a file of the same name as its temporary one', async () => {
    const path = join(dir, 'b.xlsx');
    await writeFile(path, 'original');
    const tmp = join(dir, `.b.xlsx.${process.pid}.tmp.xlsx`);
    await writeFile(tmp, 'somebody else');
    await expect(writeAtomically(path, Buffer.from('new'))).rejects.toThrow(/nothing was changed/);
    expect(await readFile(path, 'utf8')).toBe('original');
    expect(await readFile(tmp, 'utf8')).toBe('somebody else');
  });

  it('refuses while the file is open in LibreOffice', async () => {
    const path = join(dir, 'c.xlsx');
    await writeFile(path, 'original');
    await writeFile(join(dir, '.~lock.c.xlsx#'), ',user,host,');
    await expect(writeAtomically(path, Buffer.from('new'))).rejects.toThrow(/c\.xlsx is open in LibreOffice/);
    expect(await readFile(path, 'utf8')).toBe('original');
  });
});

describe('XlsxHost.save', () => {
  it('will not write over a workbook another program saved after it was opened', async () => {
    const path = join(dir, 'shared.xlsx');
    const first = XlsxHost.create();
    await first.apply({
      tabs: [
        {
          name: 'Notes',
          role: 'summary',
          mode: 'create',
          blocks: [{ row: 1, col: 1, owner: 'input', cells: [[{ v: 'v1' }]] }],
          formats: [],
          columnWidths: [],
          merges: [],
          validations: [],
          conditionalFormats: [],
          charts: [],
        },
      ],
      namedRanges: [],
    });
    await first.save(path);
    const host = await XlsxHost.open(path);
    // someone else saves the file meanwhile (same bytes, a later time)
    const theirs = await readFile(path);
    await writeFile(path, theirs);
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    await expect(host.save(path)).rejects.toThrow(
      /shared\.xlsx was changed by another program while this command was working on it: nothing was written/,
    );
    expect((await readFile(path)).equals(theirs)).toBe(true);
    // saving twice from the same host is fine
    const again = await XlsxHost.open(path);
    await again.save(path);
    await again.save(path);
  });
});

describe('symbolic links that lead nowhere or back to the review', () => {
  it('a link whose target does not exist yet: the target is created and the link stays a link', async () => {
    const sub = join(dir, 'dangling');
    await mkdir(join(sub, 'real'), { recursive: true });
    const link = join(sub, 'new.xlsx');
    await symlink('real/made.xlsx', link);
    await writeAtomically(link, Buffer.from('made'));
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(join(sub, 'real', 'made.xlsx'), 'utf8')).toBe('made');
    expect((await readdir(join(sub, 'real'))).sort()).toEqual(['made.xlsx']);
  });

  it('report --out through a link to the review itself is refused and the review is unchanged', async () => {
    const sub = join(dir, 'report-link');
    await mkdir(sub);
    const review = join(sub, 'review.xlsx');
    const made = await cli('new', review, '--framework', 'partnership-tree', '--quiet');
    expect(made.code, made.stderr).toBe(0);
    const before = await readFile(review);
    await symlink('review.xlsx', join(sub, 'board.docx'));
    const r = await cli('report', review, '--out', join(sub, 'board.docx'), '--force', '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('board.docx is the review workbook itself');
    expect((await readFile(review)).equals(before)).toBe(true);
  });
});

describe('a folder that cannot take the temporary file', () => {
  const isRoot = process.getuid?.() === 0;
  const line = (path: string, folder: string) =>
    `partnership-review: ${path} cannot be written: the folder ${folder} is read-only (the file is written there under a temporary name first, then renamed into place). Nothing was changed. Make the folder writable (in its Properties, or "chmod u+w" on it), or work on a copy in a folder you may write to, then run the command again.`;

  /** A folder holding a review, then made read-only (no write bit for anyone: refused for root too, as a read-only file is). */
  async function readOnlyFolder(): Promise<{ sub: string; review: string; before: Buffer }> {
    const { dir: sub, cleanup: done } = await tempDir('pr-ro-folder-');
    onTestFinished(async () => {
      await chmod(sub, 0o755);
      await done();
    });
    const review = join(sub, 'review.xlsx');
    expect((await cli('new', review, '--framework', 'partnership-tree', '--quiet')).code).toBe(0);
    await writeFile(join(sub, 'answers.csv'), 'Name,ASPIRE\nAlex,3\n');
    await chmod(sub, 0o555);
    return { sub, review, before: await readFile(review) };
  }

  it('summarise and import are refused before any work, naming the folder; the workbook (itself writable) is unchanged', async () => {
    const { sub, review, before } = await readOnlyFolder();
    expect((await stat(review)).mode & 0o200).toBe(0o200);
    for (const args of [
      ['summarise', review],
      ['import', review, join(sub, 'answers.csv')],
    ]) {
      const r = await cli(...args); // without --quiet: no progress line either, the refusal comes first
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(line(review, sub));
    }
    expect((await readFile(review)).equals(before)).toBe(true);
    expect((await readdir(sub)).sort()).toEqual(['answers.csv', 'review.xlsx']);
    // reading only is fine
    expect((await cli('check', review, '--quiet')).code).toBe(0);
    expect((await cli('score', review, '--quiet')).code).toBe(0);
  });

  it('new, demo (also into a folder still to be made), report and plan are refused before any work', async () => {
    const { sub, review } = await readOnlyFolder();
    const made = join(sub, 'new.xlsx');
    expect((await cli('new', made, '--framework', 'hallmarks')).stderr).toBe(line(made, sub));
    const report = join(sub, 'review report.docx');
    expect((await cli('report', review)).stderr).toBe(line(report, sub));
    const plan = join(sub, 'plan.xlsx');
    expect((await cli('plan', plan, review)).stderr).toBe(line(plan, sub));
    const demo = join(sub, 'later', 'demo.xlsx');
    expect((await cli('demo', demo)).stderr).toBe(
      `partnership-review: ${demo} cannot be written: the folder ${sub}, where its folder ${join(sub, 'later')} would be made, is read-only. Nothing was changed. Make the folder writable (in its Properties, or "chmod u+w" on it), or work on a copy in a folder you may write to, then run the command again.`,
    );
    expect((await readdir(sub)).sort()).toEqual(['answers.csv', 'review.xlsx']);
  });

  it('through a symbolic link, the folder that counts is the target’s: the link’s own folder may be read-only', async () => {
    const { sub, review, before } = await readOnlyFolder();
    const { dir: other, cleanup: done } = await tempDir('pr-ro-link-');
    onTestFinished(async () => {
      await chmod(other, 0o755);
      await done();
    });
    // a link in a writable folder to the review in the read-only one: refused, naming the target and its folder
    const toReadOnly = join(other, 'link.xlsx');
    await symlink(review, toReadOnly);
    const r = await cli('summarise', toReadOnly);
    expect(r.stderr).toBe(line(toReadOnly, sub).replace(`${toReadOnly} cannot`, `${toReadOnly} (it links to ${review}) cannot`));
    expect((await readFile(review)).equals(before)).toBe(true);
    // a link in a read-only folder to a review in a writable one: written, and the link stays a link
    const target = join(other, 'target.xlsx');
    expect((await cli('new', target, '--framework', 'partnership-tree', '--quiet')).code).toBe(0);
    await chmod(sub, 0o755);
    const fromReadOnly = join(sub, 'via.xlsx');
    await symlink(target, fromReadOnly);
    await chmod(sub, 0o555);
    const s = await cli('summarise', fromReadOnly, '--quiet');
    expect(s.code, s.stderr).toBe(0);
    expect((await lstat(fromReadOnly)).isSymbolicLink()).toBe(true);
  });

  it('a folder whose owner may not write in it, though others may (as root: run as another user, root may write there)', async (ctx) => {
    const { dir: sub, cleanup: done } = await tempDir('pr-ro-owner-');
    onTestFinished(async () => {
      await chmod(sub, 0o755);
      await done();
    });
    const review = join(sub, 'review.xlsx');
    expect((await cli('new', review, '--framework', 'partnership-tree', '--quiet')).code).toBe(0);
    const before = await readFile(review);
    let r: { code: number; stderr: string };
    if (!isRoot) {
      await chmod(sub, 0o577);
      r = await cli('summarise', review);
    } else {
      // root may write into any folder, so the command is run as the unprivileged user 65534, who owns the folder and
      // the review; the built bundle is copied where that user may read it
      const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
      if (!setpriv) return ctx.skip('running as root without setpriv: cannot run the command as a user the folder refuses');
      await buildCliOnce();
      const { dir: copy, cleanup: gone } = await tempDir('pr-ro-bin-');
      onTestFinished(gone);
      await chmod(copy, 0o755);
      await mkdir(join(copy, 'file-host', 'bin'), { recursive: true });
      await mkdir(join(copy, 'dist', 'cli'), { recursive: true });
      await copyFile(
        join(process.cwd(), 'file-host', 'bin', 'partnership-review.mjs'),
        join(copy, 'file-host', 'bin', 'partnership-review.mjs'),
      );
      await copyFile(join(process.cwd(), 'dist', 'cli', 'partnership-review.cjs'), join(copy, 'dist', 'cli', 'partnership-review.cjs'));
      for (const d of [join(copy, 'file-host'), join(copy, 'file-host', 'bin'), join(copy, 'dist'), join(copy, 'dist', 'cli')])
        await chmod(d, 0o755);
      await chown(review, 65534, 65534);
      await chown(sub, 65534, 65534);
      await chmod(sub, 0o577);
      r = await promisify(execFile)(setpriv, [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        join(copy, 'file-host', 'bin', 'partnership-review.mjs'),
        'summarise',
        review,
      ]).then(
        ({ stderr }) => ({ code: 0, stderr }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr.replace(/\n$/, '') }),
      );
    }
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(line(review, sub));
    expect((await readFile(review)).equals(before)).toBe(true);
  });
});

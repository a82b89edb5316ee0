import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lstat, mkdir, readFile, readdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileProblem, assertNotOpenElsewhere, lockFilesFor, writeAtomically } from '../../file-host/file-safety.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { tempDir } from './helpers.js';
import { cli } from './cli-helpers.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-safety-'));
});
afterAll(() => cleanup());

describe('lock files', () => {
  it('knows the owner files of LibreOffice and Excel (long names lose their first two letters)', () => {
    expect(lockFilesFor('/x/review 2026.xlsx').map((l) => l.path)).toEqual([
      '/x/.~lock.review 2026.xlsx#',
      '/x/~$review 2026.xlsx',
      '/x/~$view 2026.xlsx',
    ]);
  });

  it('passes when none is there', async () => {
    await expect(assertNotOpenElsewhere(join(dir, 'free.xlsx'))).resolves.toBeUndefined();
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

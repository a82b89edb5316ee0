/**
 * LibreOffice headless for the tests: a fresh profile that recalculates every formula when it loads an .xlsx
 * (`/org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode` = 0, "always"), and conversions to .xlsx or PDF.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/** The soffice program, or null when LibreOffice is not installed. */
export function soffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    try {
      const out = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (out) return out;
    } catch {
      // not this one
    }
  }
  return null;
}

export function hasProgram(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    return true;
  } catch {
    return false;
  }
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A new LibreOffice user profile that always recalculates on load. */
export async function freshProfile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pr-lo-profile-'));
  await mkdir(join(dir, 'user'), { recursive: true });
  await writeFile(join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  return dir;
}

/** Convert files with LibreOffice headless into `outDir` (same base names, new extension). */
export async function convert(
  files: string[],
  to: 'xlsx' | 'pdf',
  outDir: string,
  profile: string,
): Promise<{ stdout: string; stderr: string }> {
  const program = soffice();
  if (!program) throw new Error('LibreOffice (soffice) is not installed');
  const filter = to === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : 'pdf:calc_pdf_Export';
  return promisify(execFile)(
    program,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      filter,
      '--outdir',
      outDir,
      ...files,
    ],
    { timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
  );
}

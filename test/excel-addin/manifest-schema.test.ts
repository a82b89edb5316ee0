/**
 * manifest.xml validates offline against Microsoft's manifest schemas (../shared/office-manifest-schemas, see its
 * README), as `npm run validate` checks; and a manifest breaking the schema is refused (the check can fail).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SCHEMA = join(ROOT, '..', 'shared', 'office-manifest-schemas', 'OfficeAppManifestV1_1.xsd');

function validate(file: string): { ok: boolean; out: string } {
  try {
    const out = execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, out };
  } catch (e) {
    return { ok: false, out: String((e as { stderr?: unknown }).stderr ?? e) };
  }
}

describe('manifest.xml against the Office add-in manifest schemas', () => {
  it('validates', () => {
    const r = validate(join(ROOT, 'manifest.xml'));
    expect(r.ok, r.out).toBe(true);
  });

  it('refuses a manifest without its Id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pr-manifest-'));
    const broken = readFileSync(join(ROOT, 'manifest.xml'), 'utf8').replace(/<Id>[^<]*<\/Id>/, '');
    writeFileSync(join(dir, 'manifest.xml'), broken);
    const r = validate(join(dir, 'manifest.xml'));
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/fails to validate|Element/);
  });
});

/**
 * Least privilege (issue 7): the add-ins ask for the fewest permissions that work, and every one is justified in
 * writing where a reviewer will look (README.md or SECURITY.md). SECURITY.md also says what data is touched, that
 * it leaves the workbook for nowhere, and how to report a problem.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { repoPath } from './support/paths.js';

const read = (p: string): string => readFileSync(repoPath(p), 'utf8');

/** The two scopes the Sheets add-on needs: its own spreadsheet only, and its menu/sidebar. */
const JUSTIFIED_SCOPES = ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui'];

/** README and SECURITY together: where scopes and permissions must be justified. */
function justificationText(): string {
  return `${read('README.md')}\n${read('SECURITY.md')}`;
}

/** The line(s) of the justification text that mention `needle`, for the "why" check. */
function linesMentioning(text: string, needle: string): string[] {
  return text.split('\n').filter((l) => l.includes(needle));
}

describe('Google Sheets: appsscript.json', () => {
  const manifest = JSON.parse(read('appsscript.json')) as { oauthScopes?: string[]; [k: string]: unknown };

  it('asks for exactly the two justified scopes, and no broader one', () => {
    expect([...(manifest.oauthScopes ?? [])].sort()).toEqual([...JUSTIFIED_SCOPES].sort());
    // never the whole of Drive or every spreadsheet, never mail, never outside requests
    for (const s of manifest.oauthScopes ?? []) {
      expect(s).not.toMatch(/\/auth\/(drive|spreadsheets$|gmail|script\.external_request|userinfo|calendar)/);
    }
  });

  it('declares no outside request permission, library, advanced service or web app', () => {
    expect(manifest['urlFetchWhitelist']).toBeUndefined();
    expect(manifest['dependencies']).toBeUndefined();
    expect(manifest['webapp']).toBeUndefined();
    expect(manifest['executionApi']).toBeUndefined();
  });

  it.each(JUSTIFIED_SCOPES)('justifies %s in README.md or SECURITY.md, with a reason', (scope) => {
    const short = scope.replace('https://www.googleapis.com/auth/', '');
    const lines = linesMentioning(justificationText(), short);
    expect(lines.length, `${short} is not mentioned in README.md or SECURITY.md`).toBeGreaterThan(0);
    // a reason, not just the name: the line says what the scope is for
    expect(lines.some((l) => l.replace(short, '').replace(/[`|*\s]/g, '').length > 20)).toBe(true);
  });
});

describe('Excel: manifest.xml', () => {
  const xml = read('manifest.xml');
  const app = (new XMLParser({ ignoreAttributes: true }).parse(xml) as { OfficeApp: Record<string, unknown> }).OfficeApp;

  it('asks for ReadWriteDocument: the open workbook only (no ReadWriteMailbox, no WriteDocument-plus)', () => {
    expect(app['Permissions']).toBe('ReadWriteDocument');
    expect(xml.match(/<Permissions>/g)).toHaveLength(1);
  });

  it('justifies ReadWriteDocument in README.md or SECURITY.md, with a reason', () => {
    const lines = linesMentioning(justificationText(), 'ReadWriteDocument');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((l) => /workbook/i.test(l))).toBe(true);
  });

  it('lists no app domain other than the add-in’s own origin', () => {
    const domains = [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => new URL(m[1]!).origin);
    const source = /<SourceLocation DefaultValue="([^"]+)"/.exec(xml)![1]!;
    for (const d of domains) expect(d).toBe(new URL(source).origin);
  });
});

describe('SECURITY.md', () => {
  const sec = read('SECURITY.md');

  it('says what data the add-in touches', () => {
    expect(sec).toMatch(/##\s+What data/i);
    expect(sec).toMatch(/open workbook/i);
    expect(sec).toMatch(/comments/i);
  });

  it('says the data leaves the workbook for nowhere: no network requests, no telemetry', () => {
    expect(sec).toMatch(/##\s+Where the data goes/i);
    expect(sec).toMatch(/\bNowhere\b/);
    expect(sec).toMatch(/no network requests/i);
    expect(sec).toMatch(/telemetry/i);
    expect(sec).toMatch(/connect-src 'self'/);
  });

  it('says how to report a problem, privately', () => {
    expect(sec).toMatch(/##\s+Reporting a problem/i);
    expect(sec).toMatch(/privately/i);
  });

  it('justifies every permission it lists in a table row with a reason', () => {
    const rows = sec.split('\n').filter((l) => /^\|/.test(l) && !/^\|\s*-/.test(l) && !/\|\s*where\s*\|/i.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows) {
      const cells = r.split('|').map((c) => c.trim()).filter(Boolean);
      expect(cells, r).toHaveLength(3);
      expect(cells[2]!.length, `no reason given in: ${r}`).toBeGreaterThan(20);
    }
  });
});

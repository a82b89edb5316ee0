/**
 * Least privilege (issue 7, made checkable in issue 14): what the add-ins declare is what their built code needs — no
 * more, no less. The Apps Script bundle (sheets-addon/build.ts, the code `clasp push` uploads) and the built task
 * pane (the run's one production build) are scanned for the host services they call; each service maps to the
 * permission Google's and Microsoft's references give for it (tables below, written out by hand with the source of
 * each line); the permissions declared in appsscript.json and manifest.xml must equal what is needed. Every one is
 * also justified in writing where a reviewer will look (README.md and SECURITY.md), and SECURITY.md says what data is
 * touched, that it leaves the workbook for nowhere, and how to report a problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSidebar, builtTaskpane } from './support/builds.js';
import { repoPath } from './support/paths.js';

const read = (p: string): string => readFileSync(repoPath(p), 'utf8');
const AUTH = 'https://www.googleapis.com/auth/';

/**
 * Apps Script services and the scope each call needs, from the "Authorization" line of each method in Google's Apps
 * Script reference (developers.google.com/apps-script/reference). `null`: the service needs no scope. The
 * SpreadsheetApp calls that reach only the spreadsheet the script is bound to are covered by spreadsheets.currentonly
 * (Google: "for scripts bound to a spreadsheet"); opening or creating any other one needs the whole spreadsheets scope.
 */
const APPS_SCRIPT_SCOPES: Record<string, string | null> = {
  'SpreadsheetApp.getActiveSpreadsheet': `${AUTH}spreadsheets.currentonly`,
  'SpreadsheetApp.getActive': `${AUTH}spreadsheets.currentonly`,
  'SpreadsheetApp.getActiveSheet': `${AUTH}spreadsheets.currentonly`,
  'SpreadsheetApp.flush': `${AUTH}spreadsheets.currentonly`,
  'SpreadsheetApp.getUi': `${AUTH}script.container.ui`,
  'SpreadsheetApp.openById': `${AUTH}spreadsheets`,
  'SpreadsheetApp.openByUrl': `${AUTH}spreadsheets`,
  'SpreadsheetApp.open': `${AUTH}spreadsheets`,
  'SpreadsheetApp.create': `${AUTH}spreadsheets`,
  'HtmlService.createHtmlOutputFromFile': null, // shown with Ui.showSidebar, whose scope is script.container.ui
  'HtmlService.createHtmlOutput': null,
  'HtmlService.createTemplateFromFile': null,
  'Session.getEffectiveUser': `${AUTH}userinfo.email`,
  'Session.getActiveUser': `${AUTH}userinfo.email`,
  'Session.getScriptTimeZone': null,
  'Session.getActiveUserLocale': null,
  'LockService.getDocumentLock': null,
  'LockService.getScriptLock': null,
  'LockService.getUserLock': null,
  'Utilities.formatDate': null,
  'PropertiesService.getDocumentProperties': null,
  'CacheService.getDocumentCache': null,
  'UrlFetchApp.fetch': `${AUTH}script.external_request`,
  'DriveApp.getFileById': `${AUTH}drive`,
  'MailApp.sendEmail': `${AUTH}script.send_mail`,
  'GmailApp.sendEmail': `${AUTH}gmail.send`,
  'ScriptApp.newTrigger': `${AUTH}script.scriptapp`,
};
/** Global Apps Script services: a call `Service.method(` on any of them is looked up in the table above. */
const SERVICES = [
  'SpreadsheetApp',
  'HtmlService',
  'Session',
  'LockService',
  'Utilities',
  'PropertiesService',
  'CacheService',
  'UrlFetchApp',
  'DriveApp',
  'DocumentApp',
  'SlidesApp',
  'FormApp',
  'MailApp',
  'GmailApp',
  'CalendarApp',
  'ContactsApp',
  'ScriptApp',
  'Drive',
  'Sheets',
];

/** `Service.method(` calls in bundled code (a name inside a longer one, `x.Session.get(`, is not a global service). */
function serviceCalls(code: string): string[] {
  const re = new RegExp(`(?<![\\w$.])(${SERVICES.join('|')})\\.([A-Za-z]\\w*)\\s*\\(`, 'g');
  return [...new Set([...code.matchAll(re)].map((m) => `${m[1]}.${m[2]}`))].sort();
}

/** The Office permission levels of a task pane add-in, lowest first (Microsoft's ST_Permissions1: each includes the ones before it, but WriteDocument does not include reading). */
const OFFICE_LEVELS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'] as const;

/** README and SECURITY together: where scopes and permissions must be justified. */
function justificationText(): string {
  return `${read('README.md')}\n${read('SECURITY.md')}`;
}

/** The line(s) of the justification text that mention `needle`, for the "why" check. */
function linesMentioning(text: string, needle: string): string[] {
  return text.split('\n').filter((l) => l.includes(needle));
}

describe('Google Sheets: appsscript.json against the built Apps Script code', () => {
  const manifest = JSON.parse(read('appsscript.json')) as { oauthScopes?: string[]; [k: string]: unknown };
  let calls: string[] = [];

  beforeAll(async () => {
    calls = serviceCalls(readFileSync(join(await builtSidebar(), 'Code.js'), 'utf8'));
  }, 300_000);

  it('finds the services the add-on calls (a hand list: a new one must be looked up before it ships)', () => {
    expect(calls).toEqual([
      'HtmlService.createHtmlOutputFromFile',
      'LockService.getDocumentLock',
      'Session.getEffectiveUser',
      'SpreadsheetApp.flush',
      'SpreadsheetApp.getActiveSpreadsheet',
      'SpreadsheetApp.getUi',
      'Utilities.formatDate',
    ]);
  });

  it('declares exactly the scopes those calls need: nothing missing (a call would fail) and nothing more', () => {
    const unknown = calls.filter((c) => !(c in APPS_SCRIPT_SCOPES));
    expect(unknown, 'calls with no scope in the table: look them up in Google’s reference').toEqual([]);
    const needed = [...new Set(calls.map((c) => APPS_SCRIPT_SCOPES[c]).filter((x): x is string => x !== null))].sort();
    expect(needed).toEqual([`${AUTH}script.container.ui`, `${AUTH}spreadsheets.currentonly`, `${AUTH}userinfo.email`]);
    expect([...(manifest.oauthScopes ?? [])].sort()).toEqual(needed);
  });

  it('reaches no spreadsheet but its own, no Drive, no mail, no outside address', () => {
    for (const s of manifest.oauthScopes ?? []) {
      expect(s).not.toMatch(/\/auth\/(drive|spreadsheets$|gmail|script\.external_request|script\.send_mail|calendar)/);
    }
  });

  it('declares no outside request permission, library, advanced service or web app', () => {
    expect(manifest['urlFetchWhitelist']).toBeUndefined();
    expect(manifest['dependencies']).toBeUndefined();
    expect(manifest['webapp']).toBeUndefined();
    expect(manifest['executionApi']).toBeUndefined();
  });

  it.each(JSON.parse(read('appsscript.json')).oauthScopes as string[])(
    'justifies %s in README.md and SECURITY.md, with a reason',
    (scope) => {
      const short = scope.replace(AUTH, '');
      for (const doc of ['README.md', 'SECURITY.md']) {
        const lines = linesMentioning(read(doc), `\`${short}\``);
        expect(lines.length, `${short} is not in ${doc}`).toBeGreaterThan(0);
        // a reason, not just the name: the line says what the scope is for
        expect(lines.some((l) => l.replace(short, '').replace(/[`|*\s]/g, '').length > 20)).toBe(true);
      }
    },
  );
});

describe('Excel: manifest.xml against the built task pane', () => {
  const xml = read('manifest.xml');
  const app = (new XMLParser({ ignoreAttributes: true }).parse(xml) as { OfficeApp: Record<string, unknown> }).OfficeApp;
  let code = '';

  beforeAll(async () => {
    const assets = join(await builtTaskpane(), 'assets');
    code = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(assets, f), 'utf8'))
      .join('\n');
  }, 600_000);

  it('reads and writes the open workbook through Excel.run, so it needs ReadWriteDocument (the one level with both)', () => {
    expect(code).toContain('Excel.run');
    // reads: properties loaded and synced; writes: values and formulas set, tabs added
    expect(code).toMatch(/\.load\(/);
    expect(code).toMatch(/\.(values|formulas)=/);
    expect(code).toMatch(/worksheets\.add\(/);
    const needed = OFFICE_LEVELS.indexOf('ReadWriteDocument');
    expect(OFFICE_LEVELS.indexOf(app['Permissions'] as (typeof OFFICE_LEVELS)[number])).toBe(needed);
    expect(xml.match(/<Permissions>/g)).toHaveLength(1);
  });

  it('uses nothing beyond the open workbook: no mailbox, no copy of the whole file, no other document', () => {
    expect(code).not.toMatch(
      /Office\.context\.mailbox|getFileAsync|Office\.context\.document\.getFilePropertiesAsync|OfficeRuntime\.auth|getAccessToken/,
    );
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
      const cells = r
        .split('|')
        .map((c) => c.trim())
        .filter(Boolean);
      expect(cells, r).toHaveLength(3);
      expect(cells[2]!.length, `no reason given in: ${r}`).toBeGreaterThan(20);
    }
  });
});

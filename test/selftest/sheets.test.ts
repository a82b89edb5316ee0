/**
 * The self-test inside the BUILT Sheets add-on (Apps Script fake, run as Apps Script runs it), from the server
 * function the sidebar calls and from the menu.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportText } from '../../core/selftest/report.js';
import { buildSheetsAddon } from '../../sheets-addon/build.js';
import { FakeAppsScript } from '../sheets-addon/fake-apps-script.js';
import { loadAddon } from '../sheets-addon/load-addon.js';

let code: string;
beforeAll(async () => {
  code = readFileSync((await buildSheetsAddon()).codeJs, 'utf8');
});

describe('self-test in Google Sheets (fake)', () => {
  it('passes over the fake, keeps the person’s tabs and removes the scratch tabs', () => {
    const fake = new FakeAppsScript();
    fake.spreadsheet
      ._sheet('Sheet1')
      .getRange(1, 1, 1, 1)
      .setValues([['mine']]);
    const pr = loadAddon(code, fake);
    const r = pr.prSelfTest();
    const text = reportText(r);
    expect(r.failed, text).toBe(0);
    expect(r.env.host).toBe('Google Sheets');
    // the fake does not calculate formulas: the one check it cannot pass is said, not hidden
    expect(r.checks.filter((c) => c.state === 'not checked').map((c) => c.name)).toEqual(['Values of formulas']);
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(fake.spreadsheet._sheet('Sheet1').getRange(1, 1, 1, 1).getValues()).toEqual([['mine']]);
    expect([...fake.spreadsheet._named.keys()]).toEqual([]);
  });

  it('fails visibly when Sheets drops data validation', () => {
    const fake = new FakeAppsScript({ drop: { validation: true } });
    const r = loadAddon(code, fake).prSelfTest();
    const failed = r.checks.filter((c) => c.state === 'fail');
    expect(failed.map((c) => c.name)).toEqual(['Data validation']);
    expect(failed[0]!.detail).toMatch(/^Responses!D6: a list rule expected, found none\./);
    expect(r.ok).toBe(false);
    expect(reportText(r)).toMatch(/^Partnership Review self-test: 1 of \d+ checks failed\n/);
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  });

  it('runs from the menu and shows its report in a message box', () => {
    const fake = new FakeAppsScript();
    const pr = loadAddon(code, fake);
    pr.onOpen();
    expect(fake._menus[0]!._items.map((i) => i.caption)).toContain('Run self-test');
    pr.menuSelfTest();
    const shown = fake._alerts.at(-1)!;
    expect(shown.split('\n').slice(0, 3)).toEqual([
      'Partnership Review self-test',
      'Partnership Review self-test: 1 checks could not be made',
      'Host: Google Sheets',
    ]);
    expect(shown).toMatch(/\nPASS {2}Read back – Data validation\n/);
  });
});

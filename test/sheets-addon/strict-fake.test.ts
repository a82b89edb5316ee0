/**
 * The Apps Script fake refuses what real Sheets refuses (each rule with the documentation it follows), so an adapter
 * regression fails a test instead of the first real user's run.
 */
import { describe, expect, it } from 'vitest';
import { FakeAppsScript } from './fake-apps-script.js';

const SOLID = 'SOLID';

describe('the strict Apps Script fake', () => {
  it('checks argument counts and types against @types/google-apps-script', () => {
    const fake = new FakeAppsScript();
    const s = fake.spreadsheet.getSheets()[0]!;
    const list = s.getRangeList(['A1:B2']);
    expect(() => (list.setBorder as (...a: unknown[]) => unknown)(true)).toThrow(
      /don't match the method signature for RangeList.setBorder/,
    );
    expect(() => list.setBorder(true, true, true, true, true, true, '#BFBFBF', SOLID)).not.toThrow();
    expect(() => list.setBorder(false, false, false, false, false, false)).not.toThrow();
    expect(() => (s.setFrozenRows as (a: unknown) => void)('1')).toThrow(/Sheet.setFrozenRows/);
    const p = s.getRange(1, 1).protect();
    expect(() => (p.addEditors as (a: unknown) => unknown)('a@example.org')).toThrow(/Protection.addEditors/);
    expect(() => (s.getRange as (...a: unknown[]) => unknown)(1, 1, 1, 1, 1)).toThrow(/Sheet.getRange/);
  });

  it('refuses to freeze part of a merged cell, and to merge across the frozen edge', () => {
    const fake = new FakeAppsScript();
    const s = fake.spreadsheet.getSheets()[0]!;
    s.getRange(2, 1, 1, 3).merge();
    expect(() => s.setFrozenColumns(1)).toThrow("Sorry, you can't freeze columns which contain only part of a merged cell.");
    expect(() => s.setFrozenColumns(3)).not.toThrow();
    s.setFrozenRows(5);
    expect(() => s.getRange(5, 4, 2, 1).merge()).toThrow(/can't merge frozen and non-frozen/);
    expect(() => s.getRange(4, 4, 2, 1).merge()).not.toThrow();
    expect(() => s.getRange(1, 3, 1, 2).mergeAcross()).toThrow(/can't merge frozen and non-frozen/);
  });

  it('never removes the owner or the current user from a protection', () => {
    const fake = new FakeAppsScript({
      owner: 'owner@example.org',
      editors: ['coordinator@example.org', 'ann@example.org'],
      user: 'coordinator@example.org',
    });
    const p = fake.spreadsheet.getSheets()[0]!.getRange(6, 1, 1, 5).protect();
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.org', 'coordinator@example.org']);
  });

  it('throws when removing the group the current user edits through, unless they were added first', () => {
    const fake = new FakeAppsScript({ owner: 'owner@example.org', user: 'coordinator@example.org', viaGroup: 'team@example.org' });
    const s = fake.spreadsheet.getSheets()[0]!;
    const bare = s.getRange(6, 1, 1, 5).protect();
    expect(() => bare.removeEditors(bare.getEditors())).toThrow(/can't remove yourself/);
    const sample = s.getRange(7, 1, 1, 5).protect();
    sample.addEditor(fake.Session.getEffectiveUser());
    sample.removeEditors(sample.getEditors());
    expect(sample.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.org', 'coordinator@example.org']);
  });

  it('lets only an editor of a protection write into it or remove it; a warning-only one stops no one', () => {
    const owner = new FakeAppsScript({ owner: 'owner@example.org', editors: ['colleague@example.org'] });
    const s = owner.spreadsheet.getSheets()[0]!;
    const p = s.getRange(1, 1, 2, 2).protect();
    p.removeEditors(p.getEditors());
    const warn = s.getRange(5, 1).protect().setWarningOnly(true);
    // the same spreadsheet, now run by the colleague
    (owner as unknown as { _user: string })._user = 'colleague@example.org';
    expect(p.canEdit()).toBe(false);
    expect(() => s.getRange(1, 1).setValues([['x']])).toThrow(/protected cell/);
    expect(() => p.remove()).toThrow(/protected cell/);
    expect(() => s.getRange(3, 1).setValues([['x']])).not.toThrow();
    expect(warn.canEdit()).toBe(true);
    expect(() => s.getRange(5, 1).setValues([['x']])).not.toThrow();
    expect(() => owner.spreadsheet.deleteSheet(s)).toThrow(/protected cell/);
  });

  it('returns the existing protection from Sheet.protect()', () => {
    const fake = new FakeAppsScript();
    const s = fake.spreadsheet.getSheets()[0]!;
    const a = s.protect().setDescription('first');
    const b = s.protect();
    expect(b.getDescription()).toBe('first');
    expect(s._protections).toHaveLength(1);
    expect(a.getDescription()).toBe(b.getDescription());
  });

  it('compares tab names without case, and refuses empty or over-long ones', () => {
    const fake = new FakeAppsScript();
    fake.spreadsheet.insertSheet('Responses');
    expect(() => fake.spreadsheet.insertSheet('responses')).toThrow(/already exists/);
    expect(() => fake.spreadsheet.insertSheet('  ')).toThrow(/cannot be empty/);
    expect(() => fake.spreadsheet.insertSheet('x'.repeat(101))).toThrow(/at most 100/);
    expect(fake.spreadsheet.getSheetByName('RESPONSES')!.getName()).toBe('Responses');
    expect(() => fake.spreadsheet.getSheets()[0]!.setName('RESPONSES')).toThrow(/already exists/);
  });

  it('does not fit a row to wrapped text in merged cells', () => {
    const fake = new FakeAppsScript();
    const s = fake.spreadsheet.getSheets()[0]!;
    s.getRange(3, 2, 1, 4).mergeAcross();
    s.setRowHeights(3, 1, 90);
    s.autoResizeRows(2, 3);
    expect(s._rowHeights.get(3)).toBe(90);
    expect([...s._fittedRows].sort()).toEqual([2, 4]);
  });
});

import { describe, expect, it } from 'vitest';
import { LayoutChangedError, NotAReviewError, ReviewRequestError } from '../../core/operations/types.js';
import { errorOutcome, LAYOUT_CHANGED_FIX, NOT_A_REVIEW_FIX, sentence } from '../../ui/errors.js';

describe('sentence', () => {
  it('capitalises, collapses spaces and ends with a full stop once', () => {
    expect(sentence('  the tab  is missing ')).toBe('The tab is missing.');
    expect(sentence('Done!')).toBe('Done!');
    expect(sentence('')).toBe('');
  });
});

describe('errorOutcome', () => {
  it('NotAReviewError: its message and how to fix it', () => {
    const o = errorOutcome(new NotAReviewError('This workbook has no PR_Meta tab, so it was not made by Partnership Review'));
    expect(o).toEqual({
      ok: false,
      message: `This workbook has no PR_Meta tab, so it was not made by Partnership Review. ${NOT_A_REVIEW_FIX}`,
      problems: [],
      tabsWritten: [],
    });
  });
  it('LayoutChangedError: try again, nothing changed', () => {
    const o = errorOutcome(new LayoutChangedError('Responses!B1 changed while the summary was being built.'));
    expect(o.message).toBe(`Responses!B1 changed while the summary was being built. ${LAYOUT_CHANGED_FIX}`);
  });
  it('ReviewRequestError: its own fix, and that nothing changed', () => {
    const o = errorOutcome(new ReviewRequestError('A tab called Responses already exists: rename it or use a new workbook.'));
    expect(o.message).toBe('A tab called Responses already exists: rename it or use a new workbook. Nothing was changed.');
  });
  it('is recognised by name after crossing a bridge (no class)', () => {
    const o = errorOutcome({ name: 'NotAReviewError', message: 'not a review' });
    expect(o.message).toBe(`Not a review. ${NOT_A_REVIEW_FIX}`);
  });
  it('anything else: "Something went wrong", first line only, never a stack', () => {
    const e = new TypeError("Cannot read properties of undefined (reading 'x')");
    e.stack = 'TypeError: boom\n    at foo (file.js:1:1)';
    expect(errorOutcome(e).message).toBe("Something went wrong: Cannot read properties of undefined (reading 'x'). Nothing was changed.");
    expect(errorOutcome(new Error('first line\n    at secret (x.js:2:3)')).message).toBe(
      'Something went wrong: First line. Nothing was changed.',
    );
    expect(errorOutcome(undefined).message).toBe('Something went wrong: an unexpected error. Nothing was changed.');
    expect(errorOutcome('RichApi.Error: busy').message).toBe('Something went wrong: RichApi.Error: busy. Nothing was changed.');
  });
});

/** The Instructions tab says how the plan is drafted: the rules the add-in applies where the papers set none. */
import { describe, expect, it } from 'vitest';
import { getFramework } from '../../core/framework/catalogue.js';
import { buildInstructionsTab } from '../../core/sheet-plan/instructions.js';

function lines(id: string): string[] {
  const tab = buildInstructionsTab(getFramework(id), { cycle: '2026/27', inputTabs: [], generatedTabs: [] });
  return tab.blocks[0]!.cells.map((r) => String(r[0]!.v ?? ''));
}

describe('Instructions: how the Improvement Plan is drafted', () => {
  it('hallmarks: per hallmark and partnership, capped at 6 per partnership, set on Review Settings', () => {
    const l = lines('hallmarks');
    const at = l.indexOf('How the Improvement Plan is drafted');
    expect(at).toBeGreaterThan(0);
    expect(l[at + 1]).toBe(
      'One action is drafted for each hallmark that holds an item that is red, amber or divided for each partnership, naming its weakest items and the comments that explain them; the Source items column cites every weak item of that hallmark.',
    );
    expect(l[at + 2]).toBe(
      'The weakest come first (lowest score on its scale, then divided opinion, then a fall since the last review), and at most 6 for each partnership are drafted: change "Areas drafted into the plan, at most" on Review Settings. Weak items left out are listed on the Summary under "Also weak, not yet planned".',
    );
    expect(l[at + 3]).toMatch(
      /^Dates are our defaults \(the paper sets none\): to be completed 6 months and progress report 3 months after/,
    );
  });

  it('delivery tracker: themes with achievement 2 or less, and the Theme Review actions first, word for word', () => {
    const l = lines('delivery-tracker');
    const at = l.indexOf('How the Improvement Plan is drafted');
    expect(l[at + 1]).toMatch(
      /^One action is drafted for each theme that has progress tracker rows with an achievement of 2 or less \(the champions' confirmed score where there is one, otherwise the co-ordinator's\), naming/,
    );
    expect(l[at + 3]).toBe(
      'Actions the group agreed (the Action for Improvement on the Theme Review tab, and the key actions and support needed the champions gave a row on the Progress Tracker tab) become rows word for word, ahead of the drafted action for the same theme, and are never capped.',
    );
  });
});

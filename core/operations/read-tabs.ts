/**
 * Every tab name layout 1 can have (the fixed names and the register tabs of the built-in frameworks), plus the
 * metadata tab: what every operation reads, in one `host.read`, so Excel needs one sync to read.
 * A custom framework's own register tab is read by a second, small read (see `readReviewSnapshot` in run.ts).
 */
import { builtinFrameworks } from '../framework/catalogue.js';
import { TAB } from '../sheet-plan/layout.js';

function names(): string[] {
  const out: string[] = [TAB.instructions, TAB.entry, TAB.notes];
  for (const f of builtinFrameworks()) {
    if (f.register) {
      out.push(f.register.tab);
      if (f.register.groupSummary) out.push(f.register.groupSummary.tab);
    }
  }
  out.push(TAB.settings, TAB.previous, TAB.summary, TAB.plan, TAB.meta);
  return out.filter((n, i) => out.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i);
}

export const READ_TABS: readonly string[] = Object.freeze(names());

/**
 * Scratch tabs for the self-test: the tool's operations, unchanged, run under prefixed tab names.
 *
 * The operations use the fixed tab names of layout version 1 (core/sheet-plan/layout.ts TAB) and would refuse to
 * create a review in a workbook that already holds one. Rather than thread a tab-name map through every builder,
 * reader and formula (a change to most of core, for a test), the self-test runs the very same flows inside a
 * *scratch view* of the workbook: a flow transformer that sits between a flow and its driver and
 * - shows the flow only the tabs whose names start with the prefix, with the prefix taken off (so the flow sees an
 *   empty workbook, then its own review, and never a person's tabs);
 * - puts the prefix on every tab the flow writes, on the sheet names inside its formulas, on its preconditions and
 *   on its workbook names (named ranges are workbook-wide: `PR_Score_ASPIRE` would replace a person's own);
 * - drops tab positions and the tab to show at the end, so a person's tabs keep their order and their view.
 * What the flow computes, and what PR_Meta records, are exactly what they would be in a workbook of its own. The
 * plans as sent to the host are kept, so the self-test can compare what the host kept with what it was asked for.
 */
import type { ReadRequest, Snapshot, TabSnapshot } from '../host/types.js';
import type { Flow, Step } from '../operations/flow.js';
import type { PlanCell, SheetPlan } from '../sheet-plan/types.js';
import { sheetRef } from '../util/a1.js';

/** Excel's and Sheets' limit on a tab name. */
const MAX_TAB = 31;
/** The longest tab name layout 1 gives a built-in framework ("Improvement Plan", "Progress Tracker"). */
const LONGEST_TAB = 16;

export interface ScratchNames {
  /** put before every tab name, e.g. "PRST-k3f9 " */
  tabPrefix: string;
  /** put before every workbook name, e.g. "PRST_k3f9_" */
  namePrefix: string;
}

/**
 * Scratch names from a token (letters and digits; the caller derives it from the time). The prefix starts with
 * "PRST-" (Partnership Review self-test) and carries the token, and the self-test refuses to start if any tab
 * already starts with it, so it cannot meet a person's tab.
 */
export function scratchNames(token: string): ScratchNames {
  const t = token.replace(/[^A-Za-z0-9]/g, '').slice(0, 6) || '0';
  const names = { tabPrefix: `PRST-${t} `, namePrefix: `PRST_${t}_` };
  if (names.tabPrefix.length + LONGEST_TAB > MAX_TAB) throw new Error('the scratch prefix is too long'); // cannot happen: 6 + 5 + 1 + 16 = 28
  return names;
}

/** Every scratch tab and workbook name the view has written, and the plans as the host received them. */
export class ScratchView {
  readonly sent: SheetPlan[] = [];
  readonly tabsMade = new Set<string>();
  readonly namesMade = new Set<string>();
  constructor(readonly names: ScratchNames) {}

  host(tab: string): string {
    return `${this.names.tabPrefix}${tab}`;
  }

  /** The flow's name for a host tab, or null when the tab is not a scratch tab. */
  fromHost(tab: string): string | null {
    return tab.startsWith(this.names.tabPrefix) ? tab.slice(this.names.tabPrefix.length) : null;
  }

  request(r: ReadRequest): ReadRequest {
    const tabs = r.tabs === 'all' ? 'all' : r.tabs.map((t) => this.host(t));
    if (!r.heads) return { tabs };
    return { tabs, heads: Object.fromEntries(Object.entries(r.heads).map(([t, n]) => [this.host(t), n])) };
  }

  snapshot(s: Snapshot): Snapshot {
    const tabNames = s.tabNames.map((n) => this.fromHost(n)).filter((n): n is string => n !== null);
    const tabs: Record<string, TabSnapshot> = {};
    for (const [name, t] of Object.entries(s.tabs)) {
      const own = this.fromHost(name);
      if (own !== null) tabs[own] = { ...t, name: own, index: tabNames.indexOf(own) };
    }
    return { tabNames, tabs };
  }

  /** Sheet references in a formula (`Responses!A1`, `'Improvement Plan'!B2`) to the scratch tabs the view knows. */
  formula(f: string, known: Set<string>): string {
    let out = '';
    let i = 0;
    const ref = /^(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!/;
    while (i < f.length) {
      const ch = f[i]!;
      if (ch === '"') {
        // a string literal ("" inside is a quote): copied as it is
        let j = i + 1;
        while (j < f.length && !(f[j] === '"' && f[j + 1] !== '"')) j += f[j] === '"' ? 2 : 1;
        out += f.slice(i, j + 1);
        i = j + 1;
        continue;
      }
      const m = ref.exec(f.slice(i));
      const prev = i > 0 ? f[i - 1]! : '';
      if (m && !/[A-Za-z0-9_.]/.test(prev)) {
        const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
        if (known.has(name.toLowerCase())) {
          out += `${sheetRef(this.host(name))}!`;
          i += m[0].length;
          continue;
        }
      }
      out += ch;
      i++;
    }
    return out;
  }

  plan(p: SheetPlan, known: Set<string>): SheetPlan {
    for (const t of p.tabs) known.add(t.name.toLowerCase());
    const cell = (c: PlanCell): PlanCell => ('f' in c ? { f: this.formula(c.f, known), v: c.v } : c);
    const out: SheetPlan = {
      tabs: p.tabs.map((t) => {
        const { position: _position, ...rest } = t;
        return { ...rest, name: this.host(t.name), blocks: t.blocks.map((b) => ({ ...b, cells: b.cells.map((row) => row.map(cell)) })) };
      }),
      namedRanges: p.namedRanges.map((n) => ({ ...n, name: `${this.names.namePrefix}${n.name}`, sheet: this.host(n.sheet) })),
    };
    if (p.preconditions) out.preconditions = p.preconditions.map((c) => ({ ...c, sheet: this.host(c.sheet) }));
    for (const t of out.tabs) this.tabsMade.add(t.name);
    for (const n of out.namedRanges) this.namesMade.add(n.name);
    this.sent.push(out);
    return out;
  }
}

/**
 * Run `inner` in the scratch view: its reads and writes go through `view`; every other step passes unchanged.
 * `known` collects the flow's tab names, so formulas pointing at them are moved to the scratch tabs.
 */
export function* inScratch<T>(inner: Flow<T>, view: ScratchView, known: Set<string>): Flow<T> {
  let last: { value: unknown } | { error: unknown } = { value: undefined };
  for (;;) {
    const next: IteratorResult<Step, T> = 'error' in last ? inner.throw(last.error) : inner.next(last.value);
    if (next.done) return next.value;
    const step: Step = next.value;
    try {
      if (step.kind === 'read') {
        const snap = view.snapshot((yield { kind: 'read', request: view.request(step.request) }) as Snapshot);
        for (const n of snap.tabNames) known.add(n.toLowerCase());
        last = { value: snap };
      } else if (step.kind === 'apply') {
        last = { value: yield { kind: 'apply', plan: view.plan(step.plan, known) } };
      } else {
        last = { value: yield step };
      }
    } catch (error) {
      last = { error };
    }
  }
}

/**
 * Per-respondent protection, a Sheets-only option: when the owner asks for protection at creation, each respondent
 * row whose respondent holds an e-mail address ("Ann Smith <ann@example.org>", or just the address) gets a
 * protection of its own with that person as its only editor (the spreadsheet's owner can always edit), so people
 * scoring together in one shared sheet cannot overwrite each other's rows. Rows without an address stay under the
 * tab's ordinary protection. Pure: it adds `protection.owned` to the entry tab of a create plan.
 */
import type { PlanCell, ProtectionSpec, SheetPlan, TabPlan } from '../../core/sheet-plan/types.js';

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** The first e-mail address in a respondent's name cell, or null. */
export function respondentEmail(text: string): string | null {
  const m = EMAIL.exec(text);
  return m ? m[0] : null;
}

function text(cell: PlanCell | undefined): string {
  return cell && !('f' in cell) && typeof cell.v === 'string' ? cell.v : '';
}

function protectRows(tab: TabPlan): TabPlan {
  const protection = tab.protection;
  if (tab.role !== 'entry' || !protection?.protect) return tab;
  const rows = tab.blocks.find((b) => b.owner === 'input');
  if (!rows) return tab;
  const width = rows.cells[0]?.length ?? 0;
  const owned: NonNullable<ProtectionSpec['owned']> = [];
  rows.cells.forEach((cells, i) => {
    const name = text(cells[0]);
    const email = respondentEmail(name);
    if (!email || width === 0) return;
    const row = rows.row + i;
    owned.push({
      range: { row, col: rows.col, rows: 1, cols: width },
      editors: [email],
      description: `${tab.name} row ${row}: only ${name} (and the spreadsheet's owner) can change this row.`,
    });
  });
  if (owned.length === 0) return tab;
  return { ...tab, protection: { ...protection, owned: [...(protection.owned ?? []), ...owned] } };
}

export function withRespondentProtection(plan: SheetPlan): SheetPlan {
  return { ...plan, tabs: plan.tabs.map(protectRows) };
}

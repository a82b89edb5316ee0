/**
 * Per-respondent protection, a Sheets-only option: when the owner asks for protection at creation, each respondent
 * row whose respondent holds an e-mail address ("Ann Smith <ann@example.org>", or just the address) gets a
 * protection of its own with that person as its editor, so people scoring together in one shared sheet cannot
 * overwrite each other's rows. Sheets keeps two more editors on every protection whatever a script asks: the
 * spreadsheet's owner and the person running the script (who created the review). Rows without an address stay
 * under the tab's ordinary, warning-only protection. Pure: it adds `protection.owned` to the entry tab of a create plan.
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
      description: `${tab.name} row ${row}: only ${name}, the spreadsheet's owner and whoever created the review can change this row.`,
    });
  });
  if (owned.length === 0) return tab;
  return { ...tab, protection: { ...protection, owned: [...(protection.owned ?? []), ...owned] } };
}

export function withRespondentProtection(plan: SheetPlan): SheetPlan {
  return { ...plan, tabs: plan.tabs.map(protectRows) };
}

/** What the pane says about who can still change a respondent's row (null when no row was limited). */
export function protectionSentence(plan: SheetPlan): string | null {
  const tab = plan.tabs.find((t) => (t.protection?.owned ?? []).length > 0);
  if (!tab) return null;
  return `Each respondent's row on ${tab.name} that holds an e-mail address can now be changed only by that respondent, the spreadsheet's owner and you (Google Sheets always lets the owner and the person who set a protection edit); other rows warn whoever edits them. Respondents need edit access to this spreadsheet to type in their row.`;
}

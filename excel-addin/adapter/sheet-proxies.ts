/** One worksheet proxy per tab name for the whole apply, so queued calls reuse it across syncs. */
import type { ExcelContext, ExcelWorksheet } from './office-types.js';

export class SheetProxies {
  private readonly byName = new Map<string, ExcelWorksheet>();

  get(ctx: ExcelContext, name: string): ExcelWorksheet {
    let ws = this.byName.get(name);
    if (!ws) {
      ws = ctx.workbook.worksheets.getItem(name);
      this.byName.set(name, ws);
    }
    return ws;
  }

  /** Adds a tab named `hostName` that stands for the plan's tab `name` (a tab being rebuilt beside the old one). */
  addAs(ctx: ExcelContext, name: string, hostName: string): ExcelWorksheet {
    const ws = ctx.workbook.worksheets.add(hostName);
    this.byName.set(name, ws);
    return ws;
  }

  add(ctx: ExcelContext, name: string): ExcelWorksheet {
    const ws = ctx.workbook.worksheets.add(name);
    this.byName.set(name, ws);
    return ws;
  }
}

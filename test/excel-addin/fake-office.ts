/// <reference types="office-js" />
/**
 * A recording Office.js fake (office-addin-mock is not installed): only the members the adapter uses, typed against
 * `@types/office-js` (`Pick<Excel.X, …>` in fake-worksheet.ts and fake-range.ts). Like Excel, every call is queued and nothing happens until
 * `context.sync()`: then the queued calls run in order against an in-memory workbook (`FakeWorkbookState`), loaded
 * properties are filled in, and a property read before its load has synced throws. Each sync's payload is measured
 * as the JSON of the calls it carried, so tests can check what Excel on the web would have been sent.
 */
import type { ExcelRun } from '../../excel-addin/adapter/office-types.js';
import { loaded, q, type Pending, type RecordedCall } from './fake-calls.js';
import { fakeError, FakeSheetState, FakeWorkbookState } from './fake-state.js';
import type { FakeRange } from './fake-range.js';
import { FakeWorksheet } from './fake-worksheet.js';

export { FakeWorkbookState, FakeSheetState };
export type { RecordedCall };

export class FakeContext {
  pending: Pending[] = [];
  constructor(readonly office: FakeOffice) {}

  queue(target: string, op: string, args: unknown[], run: () => void, internal = false): void {
    const call = { target, op, args };
    if (!internal) this.office.calls.push(call);
    this.pending.push({ call, run, internal });
  }

  private wb: FakeWorkbook | undefined;
  get workbook(): FakeWorkbook {
    return (this.wb ??= new FakeWorkbook(this));
  }

  async sync(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const bytes = JSON.stringify(batch.filter((p) => !p.internal).map((p) => p.call)).length;
    this.office.syncBytes.push(bytes);
    this.office.syncs += 1;
    if (this.office.failNextSync) {
      const e = this.office.failNextSync;
      this.office.failNextSync = undefined;
      throw e;
    }
    for (const p of batch) p.run(); // a failing call stops the batch: earlier calls stay applied, as in Excel
  }
}

class FakeWorkbook {
  constructor(private readonly ctx: FakeContext) {}
  private sheets: FakeWorksheets | undefined;
  private namesProxy: FakeNames | undefined;
  get worksheets(): FakeWorksheets {
    return (this.sheets ??= new FakeWorksheets(this.ctx));
  }
  get names(): FakeNames {
    return (this.namesProxy ??= new FakeNames(this.ctx));
  }
  get application(): Pick<Excel.Application, 'suspendApiCalculationUntilNextSync'> {
    const ctx = this.ctx;
    return {
      suspendApiCalculationUntilNextSync: () => ctx.queue('application', 'suspendApiCalculationUntilNextSync', [], () => undefined),
    };
  }
}

/** Throws like Office.js when a property is read before its load has synced. */
class FakeWorksheets {
  private loadedItems: FakeWorksheet[] | undefined;
  constructor(private readonly ctx: FakeContext) {}

  load(props: string): this {
    this.ctx.queue('worksheets', 'load', [props], () => {
      this.loadedItems = this.ctx.office.state.sheets.map((s, i) => FakeWorksheet.loadedFrom(this.ctx, s, i));
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    return loaded(this.loadedItems, 'worksheets.items');
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name, false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name, true);
  }

  add(name: string): FakeWorksheet {
    this.ctx.queue('worksheets', 'add', [name], () => {
      const st = this.ctx.office.state;
      if (st.find(name)) throw fakeError('ItemAlreadyExists', `A tab called ${name} already exists`);
      st.sheets.push(new FakeSheetState(name));
    });
    return new FakeWorksheet(this.ctx, name, false);
  }
}

class FakeNames {
  private loadedNames: string[] | undefined;
  constructor(private readonly ctx: FakeContext) {}
  load(props: string): this {
    this.ctx.queue('names', 'load', [props], () => void (this.loadedNames = [...this.ctx.office.state.names.keys()]));
    return this;
  }
  get items(): { name: string }[] {
    return loaded(this.loadedNames, 'names.items').map((name) => ({ name }));
  }
  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.ctx.queue(`names.getItem(${q(name)})`, 'delete', [], () => {
          if (!this.ctx.office.state.names.delete(name)) throw fakeError('ItemNotFound', `no name ${name}`);
        }),
    };
  }
  add(name: string, reference: FakeRange | string): void {
    const ref = typeof reference === 'string' ? reference : `${reference.ws.sheetName}!${reference.address}`;
    this.ctx.queue('names', 'add', [name, ref], () => {
      if (this.ctx.office.state.names.has(name)) throw fakeError('ItemAlreadyExists', `name ${name} exists`);
      this.ctx.office.state.names.set(name, ref);
    });
  }
}

/** The fake Excel: pass `fake.run` where the adapter expects `Excel.run`. */
export class FakeOffice {
  readonly calls: RecordedCall[] = [];
  syncs = 0;
  readonly syncBytes: number[] = [];
  /** makes the next `context.sync()` reject with this error (tests of error messages) */
  failNextSync: (Error & { code?: string }) | undefined;
  /** called at the start of each `Excel.run`, before the batch (tests of concurrent edits) */
  beforeRun: ((state: FakeWorkbookState) => void) | undefined;

  constructor(public state: FakeWorkbookState = FakeWorkbookState.with()) {}

  readonly run: ExcelRun = async (batch) => {
    this.beforeRun?.(this.state);
    const ctx = new FakeContext(this);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  /** `Office.context.requirements.isSetSupported` for an Excel that has ExcelApi up to `max`. */
  static requirements(max: string): (name: string, version?: string) => boolean {
    const minor = (v: string): number => Number(v.split('.')[1] ?? 0);
    return (name, version = '1.1') => name === 'ExcelApi' && minor(version) <= minor(max);
  }

  get largestSyncBytes(): number {
    return Math.max(0, ...this.syncBytes);
  }

  resetCounters(): void {
    this.calls.length = 0;
    this.syncs = 0;
    this.syncBytes.length = 0;
  }

  callsNamed(op: string): RecordedCall[] {
    return this.calls.filter((c) => c.op === op);
  }
}

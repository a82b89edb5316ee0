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
import { assertTabName, fakeError, FakeSheetState, FakeWorkbookState } from './fake-state.js';
import type { FakeRange } from './fake-range.js';
import { FakeWorksheet } from './fake-worksheet.js';
import { checkApi, checkLoad } from './office-js-types.js';

export { FakeWorkbookState, FakeSheetState };
export type { RecordedCall };

export class FakeContext {
  pending: Pending[] = [];
  /** bytes of loaded values the current sync sends back */
  responseBytes = 0;
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
    if (bytes > this.office.requestLimitBytes) {
      // Excel on the web: "The request payload size has exceeded the limit" (5 MB); nothing in the batch runs
      this.office.refusedRequests += 1;
      throw fakeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${bytes} bytes).`);
    }
    if (this.office.failNextSync) {
      const e = this.office.failNextSync;
      this.office.failNextSync = undefined;
      throw e;
    }
    this.responseBytes = 0;
    const failAt = this.office.failAtSync;
    if (failAt && failAt.sync === this.office.syncs) {
      // a call part-way through this batch fails: the calls before it stay applied, as in Excel
      let done = 0;
      for (const p of batch) {
        if (!p.internal && done++ >= failAt.afterCalls) throw fakeError('GeneralException', failAt.message ?? 'Excel is busy');
        p.run();
      }
      throw fakeError('GeneralException', failAt.message ?? 'Excel is busy');
    }
    for (const p of batch) p.run(); // a failing call stops the batch: earlier calls stay applied, as in Excel
    if (this.responseBytes > this.office.responseLimitBytes) {
      // Excel on the web: "The response payload size has exceeded the limit" (5 MB); nothing is sent back
      this.office.refusedResponses += 1;
      throw fakeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${this.responseBytes} bytes).`,
      );
    }
    this.office.responseSizes.push(this.responseBytes);
  }
}

/**
 * `Excel.FunctionResult` of a worksheet function Excel works out (`workbook.functions`): only `DATE`, which is the
 * day's serial in the workbook's own date system (`FakeWorkbookState.date1904`).
 */
class FakeFunctionResult {
  private result: number | undefined;
  constructor(
    private readonly ctx: FakeContext,
    private readonly compute: () => number,
    private readonly call: string,
  ) {}
  load(props: string): this {
    checkLoad('FunctionResult', props, this.ctx.office.api);
    this.ctx.queue(this.call, 'load', [props], () => void (this.result = this.compute()));
    return this;
  }
  get value(): number {
    return loaded(this.result, `${this.call}.value`);
  }
}

/** Days from 30/12/1899 to a day, as Excel's DATE counts them in the 1900 date system (tests use days after 1/3/1900). */
function days1900(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

class FakeWorkbook {
  constructor(private readonly ctx: FakeContext) {}
  private sheets: FakeWorksheets | undefined;
  private loaded1904: boolean | undefined;

  /**
   * `use1904DateSystem` is in the preview API only ("ExcelApi BETA (PREVIEW ONLY)" in the Office.js reference; not in
   * @types/office-js nor the released office.js): refused as Excel refuses an API it does not have, unless this fake
   * stands for an Excel running the preview office.js (`preview`).
   */
  load(props: string): this {
    const names = props.split(',').map((p) => p.trim());
    if (names.includes('use1904DateSystem')) {
      if (!this.ctx.office.preview)
        throw fakeError(
          'ApiNotFound',
          'fake Office.js: ApiNotFound: Excel.Workbook.use1904DateSystem is in ExcelApi BETA (preview only), in no released Excel',
        );
      const rest = names.filter((n) => n !== 'use1904DateSystem');
      if (rest.length > 0) checkLoad('Workbook', rest.join(','), this.ctx.office.api);
      this.ctx.queue('workbook', 'load', [props], () => void (this.loaded1904 = this.ctx.office.state.date1904));
      return this;
    }
    checkLoad('Workbook', props, this.ctx.office.api);
    throw new Error(`fake Office.js: workbook.load('${props}') is not modelled`);
  }

  get use1904DateSystem(): boolean {
    return loaded(this.loaded1904, 'workbook.use1904DateSystem');
  }

  get functions(): { date(year: number, month: number, day: number): FakeFunctionResult } {
    const ctx = this.ctx;
    return {
      date: (year, month, day) => {
        checkApi('Functions', 'date', ctx.office.api);
        // Excel's DATE: the day's serial in the workbook's date system (0 is 01/01/1904 in the 1904 system)
        return new FakeFunctionResult(
          ctx,
          () => days1900(year, month, day) - (ctx.office.state.date1904 ? 1462 : 0),
          `functions.date(${year},${month},${day})`,
        );
      },
    };
  }
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
      suspendApiCalculationUntilNextSync: () => {
        checkApi('Application', 'suspendApiCalculationUntilNextSync', ctx.office.api);
        ctx.queue('application', 'suspendApiCalculationUntilNextSync', [], () => undefined);
      },
    };
  }
}

/** Throws like Office.js when a property is read before its load has synced. */
class FakeWorksheets {
  private loadedItems: FakeWorksheet[] | undefined;
  constructor(private readonly ctx: FakeContext) {}

  load(props: string): this {
    // 'items/name,items/visibility' → only name and visibility are readable on each item
    const wanted = new Set(checkLoad('WorksheetCollection', props, this.ctx.office.api).map((p) => p.replace(/^items\//, '')));
    this.ctx.queue('worksheets', 'load', [props], () => {
      this.loadedItems = this.ctx.office.state.sheets.map((s, i) => FakeWorksheet.loadedFrom(this.ctx, s, i, wanted));
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
    checkApi('WorksheetCollection', 'getItemOrNullObject', this.ctx.office.api);
    return new FakeWorksheet(this.ctx, name, true);
  }

  add(name: string): FakeWorksheet {
    checkApi('WorksheetCollection', 'add', this.ctx.office.api);
    this.ctx.queue('worksheets', 'add', [name], () => {
      const st = this.ctx.office.state;
      assertTabName(name); // and unique without regard to case
      if (st.find(name)) throw fakeError('ItemAlreadyExists', `A tab called ${name} already exists`);
      st.sheets.push(new FakeSheetState(name));
    });
    return new FakeWorksheet(this.ctx, name, false);
  }
}

class FakeNames {
  private loadedNames: [string, string][] | undefined;
  private withFormula = false;
  constructor(private readonly ctx: FakeContext) {}
  load(props: string): this {
    this.withFormula = checkLoad('NamedItemCollection', props, this.ctx.office.api).includes('items/formula');
    this.ctx.queue('names', 'load', [props], () => void (this.loadedNames = [...this.ctx.office.state.names.entries()]));
    return this;
  }
  /** each name, and its `formula` (`=Tab!A1:B2`) when loaded */
  get items(): { name: string; formula: string }[] {
    const wanted = this.withFormula;
    return loaded(this.loadedNames, 'names.items').map(([name, ref]) => ({
      name,
      get formula(): string {
        if (!wanted) throw fakeError('PropertyNotLoaded', 'namedItem.formula was not loaded');
        return `=${ref}`;
      },
    }));
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
    checkApi('NamedItemCollection', 'add', this.ctx.office.api);
    const ref = typeof reference === 'string' ? reference.replace(/^=/, '') : `${reference.ws.sheetName}!${reference.at}`;
    this.ctx.queue('names', 'add', [name, ref], () => {
      if (this.ctx.office.state.names.has(name)) throw fakeError('ItemAlreadyExists', `name ${name} exists`);
      this.ctx.office.state.names.set(name, ref);
    });
  }
}

export interface FakeDrop {
  validation?: boolean;
  conditionalFormats?: boolean;
}

/** The fake Excel: pass `fake.run` where the adapter expects `Excel.run`. */
export class FakeOffice {
  readonly calls: RecordedCall[] = [];
  syncs = 0;
  readonly syncBytes: number[] = [];
  /** bytes of values each sync sent back */
  readonly responseSizes: number[] = [];
  /** responses refused as too large */
  refusedResponses = 0;
  /** Excel on the web refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded) */
  responseLimitBytes = 5_000_000;
  /** requests refused as too large */
  refusedRequests = 0;
  /** and a request over 5 MB (RequestPayloadSizeLimitExceeded): Office's resource limits, "Excel add-ins" */
  requestLimitBytes = 5_000_000;
  /**
   * makes the `sync`-th `context.sync()` (counted over this fake's life, from 1) fail after its first `afterCalls`
   * calls have run — a write that fails part-way (tests of putting back)
   */
  failAtSync: { sync: number; afterCalls: number; message?: string } | undefined;
  /** makes the next `context.sync()` reject with this error (tests of error messages) */
  failNextSync: (Error & { code?: string }) | undefined;
  /** called at the start of each `Excel.run`, before the batch (tests of concurrent edits) */
  beforeRun: ((state: FakeWorkbookState) => void) | undefined;

  /** what this Excel silently loses: the calls are accepted, nothing is kept (the self-test must then fail visibly) */
  readonly drop: FakeDrop;
  /** the highest ExcelApi set this Excel has ("1.8"): a member of a newer set fails as ApiNotFound; undefined: all */
  readonly api: string | undefined;
  /** an Excel running the preview office.js: its preview-only members (`use1904DateSystem`) answer */
  readonly preview: boolean;

  constructor(
    public state: FakeWorkbookState = FakeWorkbookState.with(),
    options: { drop?: FakeDrop; api?: string; preview?: boolean } = {},
  ) {
    this.drop = { ...options.drop };
    this.api = options.api;
    this.preview = options.preview ?? false;
  }

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

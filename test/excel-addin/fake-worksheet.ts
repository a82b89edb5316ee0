/// <reference types="office-js" />
/** The fake's worksheet proxies: a tab, its protection and its charts (see fake-office.ts). */
import { loaded, q } from './fake-calls.js';
import type { FakeContext } from './fake-office.js';
import { assertTabName, type ChartEntry, fakeError, type FakeSheetState, MAX_COLS, MAX_ROWS, parseAddress } from './fake-state.js';
import { FakeFoundRange, FakeRange, recorder } from './fake-range.js';
import { checkApi, checkAssignment, checkLoad } from './office-js-types.js';

export class FakeWorksheet implements Pick<Excel.Worksheet, 'activate' | 'isNullObject' | 'name' | 'position' | 'visibility' | 'tabColor'> {
  private snapshot: { name: string; visibility: 'Visible' | 'Hidden' | 'VeryHidden'; position: number } | undefined;
  /** the properties load() asked for: only these are readable after the sync, as in Office.js */
  private loadedProps = new Set<string>();
  private nullResolved: boolean | undefined;
  readonly target: string;

  constructor(
    readonly ctx: FakeContext,
    readonly sheetName: string,
    readonly orNull: boolean,
  ) {
    this.target = `worksheets.${orNull ? 'getItemOrNullObject' : 'getItem'}(${q(sheetName)})`;
    if (orNull) {
      ctx.queue(
        this.target,
        'resolve',
        [],
        () => {
          this.nullResolved = !ctx.office.state.find(sheetName);
        },
        true,
      );
    }
  }

  static loadedFrom(ctx: FakeContext, s: FakeSheetState, position: number, props: Set<string>): FakeWorksheet {
    const ws = new FakeWorksheet(ctx, s.name, false);
    ws.snapshot = { name: s.name, visibility: s.visibility, position };
    ws.loadedProps = props;
    return ws;
  }

  /** A read of a property that was not loaded throws PropertyNotLoaded, as Office.js does. */
  private prop<K extends 'name' | 'visibility' | 'position'>(k: K): NonNullable<FakeWorksheet['snapshot']>[K] {
    const snap = loaded(this.snapshot, `worksheet.${k}`);
    if (!this.loadedProps.has(k)) throw fakeError('PropertyNotLoaded', `worksheet.${k} was not loaded (load('${k}') first)`);
    return snap[k];
  }

  /**
   * A worksheet got with getItemOrNullObject that turns out not to exist allows nothing but isNullObject and load:
   * the Office.js documentation describes the null object, not calls through it, so the fake takes the strictest
   * reading and fails them (in the sync, as Excel reports errors).
   */
  /** on an Excel without the member's requirement set, the call fails (ApiNotFound) */
  api(member: string, type = 'Worksheet'): void {
    checkApi(type, member, this.ctx.office.api);
  }

  mustExist(what: string): void {
    if (this.isNull()) throw fakeError('InvalidOperation', `${what} was called through a worksheet that does not exist (a null object)`);
  }

  /** the sheet now (at sync time); throws ItemNotFound like Excel for getItem on a missing tab */
  state(): FakeSheetState {
    const s = this.ctx.office.state.find(this.sheetName);
    if (!s) throw fakeError('ItemNotFound', `The requested resource doesn't exist (tab ${this.sheetName})`);
    return s;
  }

  isNull(): boolean {
    return this.orNull && !this.ctx.office.state.find(this.sheetName);
  }

  get isNullObject(): boolean {
    return loaded(this.nullResolved, 'worksheet.isNullObject');
  }

  load(props: string): this {
    const paths = checkLoad('Worksheet', props, this.ctx.office.api);
    this.ctx.queue(this.target, 'load', [props], () => {
      if (this.isNull()) return;
      const s = this.state();
      this.snapshot = { name: s.name, visibility: s.visibility, position: this.ctx.office.state.sheets.indexOf(s) };
      for (const p of paths) this.loadedProps.add(p);
    });
    return this;
  }

  private set(prop: string, value: unknown, run: (s: FakeSheetState) => void): void {
    this.ctx.queue(this.target, `${prop}=`, [value], () => run(this.state()));
  }

  get name(): string {
    return this.prop('name');
  }
  /** Renaming a tab: Excel's tab-name rules, unique without regard to case; workbook names follow the tab. */
  set name(v: string) {
    this.set('name', v, (s) => {
      const st = this.ctx.office.state;
      assertTabName(v);
      const clash = st.find(v);
      if (clash && clash !== s) throw fakeError('ItemAlreadyExists', `A tab called ${v} already exists`);
      const prefix = `${s.name.toLowerCase()}!`;
      for (const [n, ref] of [...st.names]) if (ref.toLowerCase().startsWith(prefix)) st.names.set(n, `${v}!${ref.slice(prefix.length)}`);
      if (st.active === s.name) st.active = v;
      s.name = v;
    });
  }
  get visibility(): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.prop('visibility');
  }
  set visibility(v: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    this.api('visibility');
    this.set('visibility', v, (s) => {
      const visible = this.ctx.office.state.sheets.filter((x) => x.visibility === 'Visible' && x !== s);
      if (v !== 'Visible' && visible.length === 0) throw fakeError('InvalidOperation', 'cannot hide the last visible tab');
      s.visibility = v;
    });
  }
  get position(): number {
    return this.prop('position');
  }
  set position(n: number) {
    this.api('position');
    this.set('position', n, (s) => {
      const list = this.ctx.office.state.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(n, list.length), 0, s);
    });
  }
  get tabColor(): string {
    throw new Error('the adapter never reads tabColor');
  }
  set tabColor(c: string) {
    this.api('tabColor');
    this.set('tabColor', c, (s) => void (s.tabColor = c));
  }

  delete(): void {
    this.api('delete');
    this.ctx.queue(this.target, 'delete', [], () => {
      this.mustExist('delete');
      const st = this.ctx.office.state;
      const s = this.state();
      if (st.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
        throw fakeError('InvalidOperation', 'a workbook must keep at least one visible tab');
      }
      st.sheets.splice(st.sheets.indexOf(s), 1);
      for (const [n, ref] of [...st.names]) if (ref.toLowerCase().startsWith(`${s.name.toLowerCase()}!`)) st.names.delete(n);
    });
  }

  activate(): void {
    this.api('activate');
    this.ctx.queue(this.target, 'activate', [], () => {
      const s = this.state();
      if (s.visibility !== 'Visible') throw fakeError('InvalidOperation', 'cannot activate a hidden tab');
      this.ctx.office.state.active = s.name;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this, address);
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    this.api('getUsedRangeOrNullObject');
    return new FakeRange(this, undefined, true);
  }

  private protectionProxy: FakeProtection | undefined;
  get protection(): FakeProtection {
    this.api('protection');
    return (this.protectionProxy ??= new FakeProtection(this));
  }

  get freezePanes(): Pick<Excel.WorksheetFreezePanes, 'freezeAt' | 'freezeRows' | 'freezeColumns' | 'unfreeze'> & {
    getLocationOrNullObject(): FakeFoundRange;
  } {
    this.api('freezePanes');
    const t = `${this.target}.freezePanes`;
    const q2 = (op: string, args: unknown[], run: (s: FakeSheetState) => void): void => {
      this.api(op, 'WorksheetFreezePanes');
      this.ctx.queue(t, op, args, () => run(this.state()));
    };
    return {
      freezeAt: (r: Excel.Range | string) => {
        const address = typeof r === 'string' ? r : (r as unknown as FakeRange).at;
        q2('freezeAt', [address], (s) => {
          const b = parseAddress(address);
          if (b.r1 !== 1 || b.c1 !== 1) throw fakeError('InvalidArgument', 'freezeAt expects a range from A1');
          s.freeze = { rows: b.r2, cols: b.c2 };
        });
      },
      freezeRows: (n?: number) => q2('freezeRows', [n], (s) => void (s.freeze = { rows: n ?? 1, cols: 0 })),
      freezeColumns: (n?: number) => q2('freezeColumns', [n], (s) => void (s.freeze = { rows: 0, cols: n ?? 1 })),
      unfreeze: () => q2('unfreeze', [], (s) => void (s.freeze = null)),
      // the frozen cells (ExcelApi 1.7): whole rows when only rows are frozen, whole columns when only columns are
      getLocationOrNullObject: () => {
        this.api('getLocationOrNullObject', 'WorksheetFreezePanes');
        return new FakeFoundRange(this.ctx, `${t}.getLocationOrNullObject()`, 'Range', () => {
          this.mustExist('freezePanes.getLocationOrNullObject');
          const s = this.state();
          const f = s.freeze;
          if (!f || (f.rows === 0 && f.cols === 0)) return null;
          return { sheet: s.name, areas: [{ r1: 1, c1: 1, r2: f.rows > 0 ? f.rows : MAX_ROWS, c2: f.cols > 0 ? f.cols : MAX_COLS }] };
        });
      },
    };
  }

  private chartsProxy: FakeCharts | undefined;
  get charts(): FakeCharts {
    this.api('charts');
    return (this.chartsProxy ??= new FakeCharts(this));
  }

  /** Manual page breaks (ExcelApi 1.9): `add` takes the cell the new page starts at; recorded as row numbers. */
  get horizontalPageBreaks(): Pick<Excel.PageBreakCollection, 'add' | 'removePageBreaks'> {
    this.api('horizontalPageBreaks');
    const t = `${this.target}.horizontalPageBreaks`;
    const ws = this;
    return {
      add: (at: Excel.Range | string) => {
        if (typeof at !== 'string' || !/^[A-Z]{1,3}[1-9]\d*$/.test(at))
          throw new Error(`fake Office.js: InvalidArgument: page break at ${typeof at === 'string' ? at : 'a Range object'}`);
        ws.ctx.queue(t, 'add', [at], () => {
          const s = ws.state();
          s.rowBreaks = [...(s.rowBreaks ?? []), Number(/\d+$/.exec(at)![0])];
        });
        return {} as Excel.PageBreak;
      },
      removePageBreaks: () => ws.ctx.queue(t, 'removePageBreaks', [], () => void (ws.state().rowBreaks = [])),
    };
  }

  get pageLayout(): Pick<
    Excel.PageLayout,
    'orientation' | 'zoom' | 'setPrintTitleRows' | 'setPrintTitleColumns' | 'setPrintArea' | 'headersFooters'
  > {
    this.api('pageLayout');
    const t = `${this.target}.pageLayout`;
    const ws = this;
    const put = (op: string, key: string, v: unknown): void => ws.ctx.queue(t, op, [v], () => void (ws.state().pageLayout[key] = v));
    const set = (prop: 'orientation' | 'zoom', v: unknown): void => {
      checkAssignment('PageLayout', prop, v, ws.ctx.office.api);
      put(`${prop}=`, prop, v);
    };
    return {
      get orientation(): Excel.PageOrientation {
        throw new Error('the adapter never reads pageLayout');
      },
      set orientation(v: Excel.PageOrientation) {
        set('orientation', v);
      },
      get zoom(): Excel.PageLayoutZoomOptions {
        throw new Error('the adapter never reads pageLayout');
      },
      set zoom(v: Excel.PageLayoutZoomOptions) {
        set('zoom', v);
      },
      get headersFooters(): Excel.HeaderFooterGroup {
        const footers = {} as Excel.HeaderFooter;
        for (const key of ['leftFooter', 'rightFooter'] as const) {
          Object.defineProperty(footers, key, {
            set: (v: string) => {
              checkAssignment('HeaderFooter', key, v, ws.ctx.office.api);
              put(`headersFooters.defaultForAllPages.${key}=`, key, v);
            },
          });
        }
        return { defaultForAllPages: footers } as Excel.HeaderFooterGroup;
      },
      setPrintTitleRows: (rows: Excel.Range | string) => put('setPrintTitleRows', 'titleRows', rows),
      setPrintTitleColumns: (columns: Excel.Range | string) => put('setPrintTitleColumns', 'titleColumns', columns),
      setPrintArea: (area: Excel.Range | Excel.RangeAreas | string) => put('setPrintArea', 'area', area),
    };
  }
}

class FakeProtection implements Pick<Excel.WorksheetProtection, 'protected' | 'options' | 'protect' | 'unprotect'> {
  private value: boolean | undefined;
  private loadedOptions: { options: Excel.WorksheetProtectionOptions } | undefined;
  constructor(private readonly ws: FakeWorksheet) {}
  load(props: string): this {
    const paths = checkLoad('WorksheetProtection', props, this.ws.ctx.office.api);
    this.ws.ctx.queue(`${this.ws.target}.protection`, 'load', [props], () => {
      this.ws.mustExist('protection.load');
      const s = this.ws.state();
      this.value = s.protected;
      if (paths.includes('options')) this.loadedOptions = { options: { ...s.protectionOptions } };
    });
    return this;
  }
  get protected(): boolean {
    return loaded(this.value, 'protection.protected');
  }
  /** the options the tab was protected with (what Excel keeps for it) */
  get options(): Excel.WorksheetProtectionOptions {
    return loaded(this.loadedOptions, 'protection.options').options;
  }
  protect(options?: Excel.WorksheetProtectionOptions): void {
    this.ws.api('protect', 'WorksheetProtection');
    if (options !== undefined) checkAssignment('WorksheetProtection', 'options', options, this.ws.ctx.office.api);
    this.ws.ctx.queue(`${this.ws.target}.protection`, 'protect', [options], () => {
      const s = this.ws.state();
      if (s.protected) throw fakeError('InvalidOperation', 'the tab is already protected');
      s.protected = true;
      s.protectionOptions = options;
    });
  }
  unprotect(): void {
    this.ws.ctx.queue(`${this.ws.target}.protection`, 'unprotect', [], () => {
      const s = this.ws.state();
      if (s.password) throw fakeError('AccessDenied', 'the tab is protected with a password');
      s.protected = false;
    });
  }
}

/** Assignments anywhere under the proxy become queued calls; `onSet(path, value)` runs at sync. */
class FakeCharts {
  private loadedItems: FakeChartItem[] | undefined;
  constructor(private readonly ws: FakeWorksheet) {}
  private get target(): string {
    return `${this.ws.target}.charts`;
  }
  load(props: string): this {
    const paths = new Set(checkLoad('ChartCollection', props, this.ws.ctx.office.api).map((p) => p.replace(/^items\//, '')));
    this.ws.ctx.queue(this.target, 'load', [props], () => {
      this.ws.mustExist('charts.load');
      this.loadedItems = this.ws.state().charts.map((c) => new FakeChartItem(c, paths));
    });
    return this;
  }
  get items(): FakeChartItem[] {
    return loaded(this.loadedItems, 'charts.items');
  }
  getItemAt(i: number): { delete(): void } {
    return {
      delete: () =>
        this.ws.ctx.queue(`${this.target}.getItemAt(${i})`, 'delete', [], () => {
          const s = this.ws.state();
          if (!s.charts[i]) throw fakeError('ItemNotFound', `no chart ${i}`);
          s.charts.splice(i, 1);
        }),
    };
  }
  add(type: string, source: FakeRange, seriesBy?: string): Excel.Chart {
    this.ws.api('add', 'ChartCollection');
    let entry: ChartEntry | undefined;
    this.ws.ctx.queue(this.target, 'add', [type, source.at, seriesBy], () => {
      entry = { type, source: source.at ?? '', seriesBy, props: {} };
      this.ws.state().charts.push(entry);
    });
    const target = `${this.target}.add(${q(type)})`;
    const rec = recorder<Record<string, unknown>>(
      this.ws.ctx,
      target,
      (path, value) => {
        if (!entry) throw new Error('chart set before it was added');
        entry.props[path] = value;
      },
      'Chart',
    );
    return new Proxy(rec, {
      get: (o, prop) =>
        prop === 'setPosition'
          ? (start: string) => {
              this.ws.api('setPosition', 'Chart');
              this.ws.ctx.queue(target, 'setPosition', [start], () => void (entry!.props['position'] = start));
            }
          : Reflect.get(o, prop),
    }) as unknown as Excel.Chart;
  }
}

/** A loaded chart: only the properties load() named are readable (`name`, `chartType`, `title/text`). */
class FakeChartItem {
  constructor(
    private readonly entry: ChartEntry,
    private readonly paths: Set<string>,
  ) {}
  private read<T>(path: string, v: T): T {
    if (!this.paths.has(path))
      throw fakeError('PropertyNotLoaded', `chart.${path.replace(/\//g, '.')} was not loaded (load('items/${path}') first)`);
    return v;
  }
  get name(): string {
    const n = this.entry.props['name'];
    return this.read('name', typeof n === 'string' ? n : '');
  }
  get chartType(): string {
    return this.read('chartType', this.entry.type);
  }
  get title(): { text: string } {
    const t = this.entry.props['title.text'];
    const read = this.read.bind(this);
    return {
      get text(): string {
        return read('title/text', typeof t === 'string' ? t : '');
      },
    };
  }
}

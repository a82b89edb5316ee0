/**
 * The task pane's entry: waits for `Office.onReady`, then picks the bridge. Inside Excel the pane runs the core
 * operations against the open workbook through the Office.js adapter; anywhere else (`host: null`, or office.js
 * absent) it runs them against an in-page workbook drawn beside the pane: the browser preview — except when the
 * page was opened by Office and office.js did not load, which it says plainly.
 */
import '../../ui/zod-no-eval.js'; // first: zod must not try eval under the pane's CSP
import { insideOffice, OFFICE_JS_BLOCKED } from './office-check.js';

const clock = () => new Date();

function officeReady(): Promise<string | null> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve(null);
  return Office.onReady().then(
    (info) => (info && info.host ? String(info.host) : null),
    () => null,
  );
}

function officeBodyBackground(): string | null {
  try {
    return Office.context?.officeTheme?.bodyBackgroundColor ?? null;
  } catch {
    return null; // hosts without officeTheme
  }
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('the task pane page has no #root element');
  const host = await officeReady();
  if (host === null && insideOffice(window.location.search)) {
    container.textContent = OFFICE_JS_BLOCKED;
    container.setAttribute('role', 'alert');
    container.style.padding = '12px';
    return;
  }
  if (host === 'Excel') {
    const [{ makeExcelBridge }, { mountTaskPane }] = await Promise.all([import('../bridge-excel.js'), import('../../ui/mount.js')]);
    mountTaskPane(container, makeExcelBridge(clock), { clock, officeBodyBackground: officeBodyBackground() });
    return;
  }
  const [{ startPreview }, { PreviewApp }, { mountThemed }] = await Promise.all([
    import('../../ui/preview/start-preview.js'),
    import('../../ui/preview/PreviewApp.js'),
    import('../../ui/mount.js'),
  ]);
  const preview = startPreview(clock);
  mountThemed(container, <PreviewApp bridge={preview.bridge} host={preview.host} clock={clock} />);
}

void start();

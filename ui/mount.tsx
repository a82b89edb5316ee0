/**
 * Putting the task pane on a page: the one entry every host uses (Excel's task pane, the Google Sheets sidebar, the
 * browser preview), so each only chooses its bridge. The theme follows the host: pass Office's body background
 * colour inside Office; elsewhere the browser's settings decide.
 */
import './zod-no-eval.js'; // first: zod must not try eval under the pane's CSP
import { StrictMode, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './App.js';
import type { HostBridge } from './bridge.js';
import { HostThemeRoot } from './components/HostThemeRoot.js';

export interface MountOptions {
  /** the clock, read only at the edge (default cycle, "today") */
  clock?: () => Date;
  /** `Office.context.officeTheme.bodyBackgroundColor` inside Office */
  officeBodyBackground?: string | null;
}

/** Renders anything inside the themed root (the preview renders the workbook beside the pane). */
export function mountThemed(container: HTMLElement, content: ReactNode, options: MountOptions = {}): Root {
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <HostThemeRoot officeBodyBackground={options.officeBodyBackground ?? null}>{content}</HostThemeRoot>
    </StrictMode>,
  );
  return root;
}

/** Renders the task pane talking to `bridge`. */
export function mountTaskPane(container: HTMLElement, bridge: HostBridge, options: MountOptions = {}): Root {
  const clock = options.clock ?? (() => new Date());
  return mountThemed(container, <App bridge={bridge} clock={clock} />, options);
}

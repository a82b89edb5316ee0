/**
 * The sidebar's entry: the same React task pane as Excel's, with the google.script.run bridge.
 * Google Sheets has no theme API for sidebars, so the pane follows the browser's light/dark setting.
 * `ui/zod-no-eval.js` is imported first, as in the Excel task pane, so no zod schema is ever compiled with eval.
 */
import '../../ui/zod-no-eval.js'; // first: zod must not try eval under the sidebar's CSP (no 'unsafe-eval')
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../ui/App.js';
import { HostThemeRoot } from '../../ui/components/HostThemeRoot.js';
import { GoogleScriptBridge } from './bridge-google.js';

const clock = (): Date => new Date();

const container = document.getElementById('root');
if (!container) throw new Error('the sidebar page has no #root element');
createRoot(container).render(
  <StrictMode>
    <HostThemeRoot>
      <App bridge={new GoogleScriptBridge()} clock={clock} />
    </HostThemeRoot>
  </StrictMode>,
);

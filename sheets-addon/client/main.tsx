/**
 * The sidebar's entry: the same React task pane as Excel's, with the google.script.run bridge.
 * Google Sheets has no theme API for sidebars, so the pane follows the browser's light/dark setting.
 */
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

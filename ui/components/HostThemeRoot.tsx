/** The theme root that follows the host (Office theme colours or the browser's settings). */
import type { ReactNode } from 'react';
import { ThemeRoot } from './ThemeRoot.js';
import { useHostTheme } from './useHostTheme.js';

export function HostThemeRoot(props: { officeBodyBackground?: string | null; children: ReactNode }) {
  const theme = useHostTheme(props.officeBodyBackground);
  return <ThemeRoot theme={theme}>{props.children}</ThemeRoot>;
}

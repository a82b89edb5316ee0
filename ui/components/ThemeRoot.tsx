/**
 * FluentProvider with the light, dark or high-contrast theme the host asks for. The page background is set on an
 * inner element: Fluent copies the provider's own class to the portal nodes of dropdowns and tooltips, so a
 * full-height class there would cover the page.
 */
import type { ReactNode } from 'react';
import { FluentProvider, makeStyles, teamsHighContrastTheme, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { ThemeName } from '../theme.js';

const themes = { light: webLightTheme, dark: webDarkTheme, highContrast: teamsHighContrastTheme } as const;

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

export function ThemeRoot(props: { theme: ThemeName; children: ReactNode }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={themes[props.theme]} data-theme={props.theme} lang="en-GB">
      <div className={styles.page}>{props.children}</div>
    </FluentProvider>
  );
}

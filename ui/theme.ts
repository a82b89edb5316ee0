/**
 * Which Fluent theme the pane uses: it follows the host. In Office, `Office.context.officeTheme` gives the body
 * background colour (dark themes have a dark background); in a browser, `prefers-color-scheme`. Windows high
 * contrast (`forced-colors: active`) wins over both, because a person chose it for their eyes.
 */
export type ThemeName = 'light' | 'dark' | 'highContrast';

export interface ThemeSignals {
  /** `(forced-colors: active)` matches */
  forcedColors: boolean;
  /** `(prefers-color-scheme: dark)` matches */
  prefersDark: boolean;
  /** `Office.context.officeTheme.bodyBackgroundColor`, when running inside Office */
  officeBodyBackground?: string | null;
}

/** Relative luminance (WCAG) of #RGB or #RRGGBB; null when the colour cannot be read. */
export function luminance(hex: string): number | null {
  let h = hex.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(h)) h = h.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(h)) return null;
  const ch = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
}

export function pickTheme(s: ThemeSignals): ThemeName {
  if (s.forcedColors) return 'highContrast';
  if (s.officeBodyBackground) {
    const l = luminance(s.officeBodyBackground);
    if (l !== null) return l < 0.2 ? 'dark' : 'light';
  }
  return s.prefersDark ? 'dark' : 'light';
}

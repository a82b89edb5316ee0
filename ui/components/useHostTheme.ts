/**
 * The theme that follows the host: Office's theme colours when running in Office, otherwise the browser's
 * `prefers-color-scheme`, with Windows high contrast (`forced-colors`) first. Re-renders when the browser's
 * settings change.
 */
import { useEffect, useState } from 'react';
import { pickTheme, type ThemeName } from '../theme.js';

function media(query: string): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
}

function current(officeBodyBackground: string | null | undefined): ThemeName {
  return pickTheme({
    forcedColors: media('(forced-colors: active)')?.matches ?? false,
    prefersDark: media('(prefers-color-scheme: dark)')?.matches ?? false,
    officeBodyBackground: officeBodyBackground ?? null,
  });
}

export function useHostTheme(officeBodyBackground?: string | null): ThemeName {
  const [theme, setTheme] = useState<ThemeName>(() => current(officeBodyBackground));
  useEffect(() => {
    const update = () => setTheme(current(officeBodyBackground));
    update();
    const lists = [media('(forced-colors: active)'), media('(prefers-color-scheme: dark)')].filter((m): m is MediaQueryList => m !== null);
    for (const m of lists) m.addEventListener('change', update);
    return () => {
      for (const m of lists) m.removeEventListener('change', update);
    };
  }, [officeBodyBackground]);
  return theme;
}

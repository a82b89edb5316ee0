import { describe, expect, it } from 'vitest';
import { luminance, pickTheme } from '../../ui/theme.js';

describe('luminance', () => {
  it('is 0 for black and 1 for white, either notation', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#fff')).toBe(1);
  });
  it('matches WCAG for a mid grey (#808080 ≈ 0.2159)', () => {
    expect(luminance('#808080')).toBeCloseTo(0.2159, 4);
  });
  it('is null for what is not a colour', () => {
    expect(luminance('transparent')).toBeNull();
    expect(luminance('#12345')).toBeNull();
  });
});

describe('pickTheme', () => {
  it('high contrast wins over everything', () => {
    expect(pickTheme({ forcedColors: true, prefersDark: true, officeBodyBackground: '#ffffff' })).toBe('highContrast');
  });
  it('follows Office: Black (#262626) and Dark Grey (#666666) are dark; White and Colourful are light', () => {
    expect(pickTheme({ forcedColors: false, prefersDark: false, officeBodyBackground: '#262626' })).toBe('dark');
    expect(pickTheme({ forcedColors: false, prefersDark: false, officeBodyBackground: '#666666' })).toBe('dark');
    expect(pickTheme({ forcedColors: false, prefersDark: true, officeBodyBackground: '#FFFFFF' })).toBe('light');
    expect(pickTheme({ forcedColors: false, prefersDark: true, officeBodyBackground: '#e6e6e6' })).toBe('light');
  });
  it('falls back to the browser when Office gives nothing readable', () => {
    expect(pickTheme({ forcedColors: false, prefersDark: true, officeBodyBackground: null })).toBe('dark');
    expect(pickTheme({ forcedColors: false, prefersDark: false, officeBodyBackground: 'not a colour' })).toBe('light');
    expect(pickTheme({ forcedColors: false, prefersDark: true })).toBe('dark');
  });
});

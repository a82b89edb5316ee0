/** Telling, without office.js, that the pane was opened by Office (for when office.js failed to load). */

/**
 * Office opens an add-in's page with `_host_Info` in its address (e.g. `?_host_Info=Excel$Win32$16.01$en-US`), so
 * the page knows it is inside Office even when office.js itself failed to load (blocked by a proxy or policy). Then
 * the browser preview would look fine and never touch the workbook: say what is wrong instead.
 */
export function insideOffice(search: string): boolean {
  return /(^|[?&])_host_Info=/i.test(search);
}

export const OFFICE_JS_BLOCKED =
  'Partnership Review could not load Office’s add-in script (office.js from appsforoffice.microsoft.com), so it cannot reach this workbook. ' +
  'Check that your network or IT policy allows that address, then close and reopen the add-in.';

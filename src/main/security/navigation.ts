/**
 * Navigation policy shared by the Electron shell (will-navigate, window open) and tests:
 * the window only ever shows the app's own entry page. Any other URL — remote sites, other local
 * files, javascript: or data: URLs — is refused; the app never opens links itself.
 */
export function isAppUrl(candidate: string, appEntryUrl: string): boolean {
  let target: URL;
  let entry: URL;
  try {
    target = new URL(candidate);
    entry = new URL(appEntryUrl);
  } catch {
    return false;
  }
  if (target.protocol !== entry.protocol) return false;
  if (target.protocol === 'file:') return target.pathname === entry.pathname;
  return target.origin === entry.origin;
}

/** Every permission (camera, geolocation, notifications, clipboard-read, ...) is refused. */
export function permissionAllowed(_permission: string): boolean {
  return false;
}

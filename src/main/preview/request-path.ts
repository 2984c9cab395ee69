/**
 * The decoded path of a request target, or null when it is not one a browser would send: unparsable,
 * a malformed percent escape (`%E0%A4%A`, `%zz`), or a control character (NUL included) once decoded.
 * The server answers null with 400, never with 500.
 */
export function requestPathname(target: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(target, 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  return /[\u0000-\u001f\u007f]/.test(decoded) ? null : decoded;
}

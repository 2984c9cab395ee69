/**
 * The renderer's Content-Security-Policy: only the app's own files, no inline script, no remote
 * origin of any kind, no plugins, no framing, no form posts. The same string is in the renderer's
 * index.html meta tag (test-enforced) and sent as a header by the shell and the preview server
 * (frame-ancestors only works as a header).
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "media-src 'none'",
].join('; ');

export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;

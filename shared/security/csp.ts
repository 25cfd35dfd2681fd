/**
 * The one Content-Security-Policy for the renderer, sent by Electron's app:// protocol and by
 * the browser harness alike. Only our own bundle may run or style the page; no remote origin
 * anywhere, no inline script or style, no eval, no plugins, no framing, no forms posting
 * anywhere. `connect-src 'self'`: in Electron data goes through IPC, in the harness to its API.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The playground page's Content-Security-Policy: everything from the gateway itself ('self'),
 * nothing inline but one nonce-carrying `<style>` element, and no other origin at all.
 *
 * - `script-src 'self'`: the bundle only. The page's configuration is a JSON data block, which
 *   the browser never runs, so no script hash or nonce is needed.
 * - `style-src 'self' 'nonce-…'`: the stylesheet, plus the one `<style>` element that
 *   react-remove-scroll adds while one of GraphiQL's dialogs is open (it carries the nonce).
 *   Style properties that React and CodeMirror set from script are not inline styles for CSP.
 * - `font-src` and `img-src` also allow `data:`: GraphiQL's stylesheet carries its fonts (Roboto,
 *   Fira Code) and a few small images inline as data: URLs — bytes of the file, never a request.
 * - `connect-src 'self'`: GraphQL goes to this gateway and nowhere else.
 */
export function playgroundContentSecurityPolicy(styleNonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The playground page's Content-Security-Policy: everything from the gateway itself ('self'),
 * nothing inline but one nonce-carrying `<style>` element, and no other origin at all.
 *
 * - `script-src 'self'`: the bundle only. The page's configuration is a JSON data block, which
 *   the browser never runs, so no script hash or nonce is needed.
 * - `style-src 'self' 'nonce-…'`: the stylesheet, plus the `<style>` elements that
 *   react-remove-scroll (while one of GraphiQL's dialogs is open) and Monaco (themes, decorations)
 *   add: the page's script gives each the nonce. Style properties that React and Monaco set from
 *   script are not inline styles for CSP.
 * - `style-src-attr 'unsafe-inline'`: style *attributes* only — unavoidable with Monaco, which
 *   draws the editors' lines as HTML strings carrying `style="…"` (widths, positions). It does
 *   not allow any `<style>` element or stylesheet (style-src still governs those), and a style
 *   attribute can fetch nothing: images and fonts come only from 'self' and data:.
 * - `worker-src 'self'`: Monaco's three web workers (editor, JSON, GraphQL), files of the bundle.
 * - `font-src` and `img-src` also allow `data:`: GraphiQL's stylesheet carries its fonts (Roboto,
 *   Fira Code) and a few small images inline as data: URLs — bytes of the file, never a request.
 * - `connect-src 'self'`: GraphQL goes to this gateway and nowhere else.
 */
export function playgroundContentSecurityPolicy(styleNonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "style-src-attr 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

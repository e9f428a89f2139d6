import type { PortalBundle } from './build-portal.js';

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The one HTML page: the bundle's script and stylesheet and where the gateway is. */
export function renderPortalPage(bundle: PortalBundle, gatewayUrl: string): string {
  const stylesheet = bundle.stylesheet ? `<link rel="stylesheet" href="/assets/${bundle.stylesheet.name}">` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="govgraph-gateway" content="${escapeAttribute(gatewayUrl)}">
<title>深圳市网上办事大厅</title>
<link rel="icon" href="data:,">
${stylesheet}
<script type="module" src="/assets/${bundle.script.name}"></script>
</head>
<body>
<noscript>请启用 JavaScript 以使用网上办事大厅。</noscript>
<div id="root"></div>
</body>
</html>
`;
}

/**
 * What the page may do: its own script and style, images it made itself (a chosen photo's
 * preview), and requests to the gateway's origin only. Nothing inline, nothing from elsewhere.
 */
export function portalContentSecurityPolicy(gatewayUrl: string): string {
  const gateway = new URL(gatewayUrl).origin;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src ${gateway}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

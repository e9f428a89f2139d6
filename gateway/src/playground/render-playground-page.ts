import type { PlaygroundPageConfig } from './client/page-config.js';
import { PAGE_CONFIG_ELEMENT_ID } from './client/page-config.js';

export interface PlaygroundPageParts {
  scriptName: string;
  stylesheetName: string;
  config: PlaygroundPageConfig;
}

/** Where the page finds its assets: relative, so the same page works at /playground and /graphql. */
export const ASSETS_RELATIVE_URL = 'playground/assets/';

/**
 * The playground's HTML: the stylesheet, the bundle, and the configuration as a JSON data block.
 * Every URL is relative to the gateway; nothing inline runs.
 */
export function renderPlaygroundPage({ scriptName, stylesheetName, config }: PlaygroundPageParts): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>govgraph playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS_RELATIVE_URL}${encodeURI(stylesheetName)}">
<script type="application/json" id="${PAGE_CONFIG_ELEMENT_ID}">${jsonForScriptElement(config)}</script>
<script defer src="${ASSETS_RELATIVE_URL}${encodeURI(scriptName)}"></script>
</head>
<body>
<div id="playground"><p class="graphiql-container">Loading the playground…</p></div>
<noscript>The govgraph playground needs JavaScript. The GraphQL endpoint is POST /graphql with application/json.</noscript>
</body>
</html>
`;
}

/** JSON that cannot end its `<script>` element or open a comment: every `<`, `>` and `&` escaped. */
function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

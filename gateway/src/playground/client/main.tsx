import 'graphiql/graphiql.css';
import './playground.css';
import { createRoot } from 'react-dom/client';
import { PAGE_CONFIG_ELEMENT_ID, type PlaygroundPageConfig } from './page-config.js';
import { PlaygroundApp } from './playground-app.js';

declare global {
  // Read by get-nonce (through react-remove-scroll, under GraphiQL's dialogs) for the <style> it adds.
  var __webpack_nonce__: string | undefined;
}

function readPageConfig(): PlaygroundPageConfig {
  const element = document.getElementById(PAGE_CONFIG_ELEMENT_ID);
  if (!element?.textContent) throw new Error(`#${PAGE_CONFIG_ELEMENT_ID} is missing from the page`);
  return JSON.parse(element.textContent) as PlaygroundPageConfig;
}

const config = readPageConfig();
globalThis.__webpack_nonce__ = config.styleNonce;
const root = document.getElementById('playground');
if (!root) throw new Error('#playground is missing from the page');
createRoot(root).render(<PlaygroundApp config={config} />);

import 'graphiql/style.css';
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

/**
 * Every `<style>` element created on the page carries the CSP nonce: Monaco adds a few for its
 * themes and decorations, and has no option to set one itself.
 */
function nonceStyleElements(nonce: string): void {
  const createElement = document.createElement.bind(document) as (tagName: string, options?: ElementCreationOptions) => HTMLElement;
  document.createElement = ((tagName: string, options?: ElementCreationOptions) => {
    const element = createElement(tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  }) as typeof document.createElement;
}

const config = readPageConfig();
globalThis.__webpack_nonce__ = config.styleNonce;
nonceStyleElements(config.styleNonce);
// The workers are files of the bundle, served by the gateway beside the script (CSP: worker-src 'self').
window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    const url = label === 'json' ? config.workers.json : label === 'graphql' ? config.workers.graphql : config.workers.editor;
    return new Worker(url, { name: label });
  },
};
const root = document.getElementById('playground');
if (!root) throw new Error('#playground is missing from the page');
createRoot(root).render(<PlaygroundApp config={config} />);

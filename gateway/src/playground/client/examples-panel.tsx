import { pick, useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { useState } from 'react';
import type { PlaygroundExample } from './page-config.js';
import { TypesDialog } from './types-dialog.js';

export interface ExamplesPanelProps {
  examples: PlaygroundExample[];
}

/**
 * The portal contract operations: a click opens one in its own tab (or goes back to the tab
 * where it is already open), with example variables for the demo data. An operation with
 * generated TypeScript (portal/kit/src/generated/operations/) also offers a "TypeScript types" view.
 */
export function ExamplesPanel({ examples }: ExamplesPanelProps) {
  const { tabs, queryEditor, variableEditor } = useGraphiQL(pick('tabs', 'queryEditor', 'variableEditor'));
  const { addTab, changeTab } = useGraphiQLActions();
  const [typesOf, setTypesOf] = useState<PlaygroundExample | null>(null);

  function open(example: PlaygroundExample) {
    const existing = tabs.findIndex((tab) => tab.operationName === example.name || tab.title === example.name);
    if (existing >= 0) {
      changeTab(existing);
      return;
    }
    // addTab() empties the editors for the new tab at once (synchronously); the example is written
    // into them after that, and GraphiQL stores it in the tab from the editors' change events.
    addTab();
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(example.variables);
  }

  if (examples.length === 0) {
    return (
      <div className="gg-panel">
        <div className="graphiql-doc-explorer-title">Examples</div>
        <p className="gg-muted">No contract operations were found beside the gateway.</p>
      </div>
    );
  }

  return (
    <section className="gg-panel" aria-label="Examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p className="gg-muted">
        The operations the portal frontends send (<code>schema/operations</code>). Most need a caller: sign in first.
      </p>
      <ul className="gg-list">
        {examples.map((example) => (
          <li key={example.file} className="gg-example-item">
            <button type="button" className="gg-example" data-file={example.file} onClick={() => open(example)}>
              <span className="gg-example-name">
                {example.name} <span className="gg-muted">{example.kind}</span>
              </span>
              <span className="gg-example-description">{example.description}</span>
            </button>
            {example.typescript ? (
              <button
                type="button"
                className="gg-types-button"
                data-types-for={example.file}
                aria-label={`TypeScript types of ${example.name}`}
                onClick={() => setTypesOf(example)}
              >
                TypeScript types
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <TypesDialog example={typesOf} onClose={() => setTypesOf(null)} />
    </section>
  );
}

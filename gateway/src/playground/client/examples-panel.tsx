import { useEditorContext } from '@graphiql/react';
import { useEffect, useRef } from 'react';
import type { PlaygroundExample } from './page-config.js';

export interface ExamplesPanelProps {
  examples: PlaygroundExample[];
}

/**
 * The portal contract operations: a click opens one in its own tab (or goes back to the tab
 * where it is already open), with example variables for the demo data.
 */
export function ExamplesPanel({ examples }: ExamplesPanelProps) {
  const editor = useEditorContext({ nonNull: true });
  // addTab() replaces the editors' contents once React has applied the new tab, so the example
  // is written into the new tab's editors after that render.
  const pending = useRef<PlaygroundExample | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the tab's index and count are what must re-run this, after addTab().
  useEffect(() => {
    const example = pending.current;
    if (!example || !editor.queryEditor) return;
    pending.current = null;
    editor.queryEditor.setValue(example.query);
    editor.variableEditor?.setValue(example.variables);
  }, [editor.activeTabIndex, editor.tabs.length, editor.queryEditor, editor.variableEditor]);

  function open(example: PlaygroundExample) {
    const existing = editor.tabs.findIndex((tab) => tab.operationName === example.name || tab.title === example.name);
    if (existing >= 0) {
      editor.changeTab(existing);
      return;
    }
    pending.current = example;
    editor.addTab();
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
          <li key={example.file}>
            <button type="button" className="gg-example" data-file={example.file} onClick={() => open(example)}>
              <span className="gg-example-name">
                {example.name} <span className="gg-muted">{example.kind}</span>
              </span>
              <span className="gg-example-description">{example.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The case editor: the case's YAML in CodeMirror 6, checked as you type by the server's
 * `POST /api/validate` (the CLI's schema, codes, lines and columns) through @codemirror/lint;
 * "Apply" makes the text the session's case (the map and analyses follow), "Download" saves it,
 * and CSV (edges + optional nodes) or GEXF files are imported through `POST /api/import`.
 * Loaded on demand: its own chunk, off the map's critical path. The editor's state lives in
 * hooks/useCaseEditor.ts; this file renders.
 */
import { useRef } from 'react';
import type { CaseIssue } from '../api/types.js';
import { useCaseEditor } from '../hooks/useCaseEditor.js';
import { keyed } from '../keys.js';
import { formatIssue } from './issues.js';

/** Props of the editor panel. */
export interface EditorPanelProps {
  initialText: string;
  fileName: string;
  /** Applies the text to the session; resolves with the issues that prevented it (none = applied). */
  onSave(text: string): Promise<CaseIssue[]>;
}

/** The first file chosen in a file input, if any. */
const chosen = (input: HTMLInputElement | null) => input?.files?.[0];

/** The editor panel (default export for `React.lazy`). */
export default function EditorPanel({ initialText, fileName, onSave }: EditorPanelProps) {
  const editor = useCaseEditor(initialText, fileName, onSave);
  const { host, issues, status } = editor;
  const edges = useRef<HTMLInputElement>(null);
  const nodes = useRef<HTMLInputElement>(null);
  const gexf = useRef<HTMLInputElement>(null);

  return (
    <div className="editor">
      <div className="row">
        <button type="button" onClick={editor.apply} data-testid="editor-apply">
          Apply to session
        </button>
        <button type="button" onClick={editor.download} data-testid="editor-download">
          Download YAML
        </button>
        <span className="muted" aria-live="polite" data-testid="editor-status">
          {status}
        </span>
      </div>
      <div ref={host} className="cm-host" data-testid="editor" />
      <section aria-label="Validation issues" className="issues">
        {issues === null ? (
          <p className="hint">Checking…</p>
        ) : issues.length === 0 ? (
          <p className="ok" data-testid="editor-valid">
            Valid: no issues.
          </p>
        ) : (
          <ul data-testid="editor-issues">
            {keyed(issues, formatIssue).map(([i, key]) => (
              <li key={key} className={i.severity === 'warning' ? 'warning' : 'error'}>
                <button type="button" className="link" onClick={() => editor.goTo(i)}>
                  {formatIssue(i)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <details className="import">
        <summary>Import CSV or GEXF</summary>
        <div className="row">
          <label className="field">
            <span>Edges CSV</span>
            <input ref={edges} type="file" accept=".csv,text/csv" />
          </label>
          <label className="field">
            <span>Nodes CSV (optional)</span>
            <input ref={nodes} type="file" accept=".csv,text/csv" />
          </label>
          <button
            type="button"
            onClick={() =>
              editor.importFiles('csv', {
                edges: chosen(edges.current),
                nodes: chosen(nodes.current),
              })
            }
          >
            Import CSV
          </button>
        </div>
        <div className="row">
          <label className="field">
            <span>GEXF file</span>
            <input ref={gexf} type="file" accept=".gexf,.xml" />
          </label>
          <button
            type="button"
            onClick={() => editor.importFiles('gexf', { gexf: chosen(gexf.current) })}
          >
            Import GEXF
          </button>
        </div>
      </details>
    </div>
  );
}

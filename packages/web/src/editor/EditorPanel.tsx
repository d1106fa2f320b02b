/**
 * The case editor: the case's YAML in CodeMirror 6, checked as you type by the server's
 * `POST /api/validate` (the CLI's schema, codes, lines and columns) through @codemirror/lint;
 * "Apply" makes the text the session's case (the map and analyses follow), "Download" saves it,
 * and CSV (edges + optional nodes) or GEXF files are imported through `POST /api/import`.
 * Loaded on demand: its own chunk, off the map's critical path.
 */
import { yaml } from '@codemirror/lang-yaml';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { Issue as CaseIssue } from '@entente/core/contract';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef, useState } from 'react';
import { ApiError, importCase, validateText } from '../api/client.js';
import { downloadBlob } from '../download.js';

/** The document range of a located issue (1-based line and column), clamped to the text. */
export function issueRange(doc: Text, issue: CaseIssue): { from: number; to: number } {
  if (!issue.line || issue.line < 1) return { from: 0, to: Math.min(doc.length, 1) };
  const line = doc.line(Math.min(issue.line, doc.lines));
  const from = Math.min(line.to, line.from + Math.max(0, (issue.column ?? 1) - 1));
  const to = from < line.to ? line.to : Math.min(doc.length, from + 1);
  return { from, to };
}

/** An issue as the CLI prints it: `line:column: code message`. */
export function formatIssue(i: CaseIssue): string {
  const where = i.line ? `${i.line}:${i.column ?? 1}` : '-';
  return `${where}: ${i.code} ${i.message}`;
}

/** Props of the editor panel. */
export interface EditorPanelProps {
  initialText: string;
  fileName: string;
  /** Applies the text to the session; resolves with the issues that prevented it (none = applied). */
  onSave(text: string): Promise<CaseIssue[]>;
}

async function readFile(input: HTMLInputElement | null): Promise<string | undefined> {
  const f = input?.files?.[0];
  return f ? f.text() : undefined;
}

/** The editor panel (default export for `React.lazy`). */
export default function EditorPanel({ initialText, fileName, onSave }: EditorPanelProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [issues, setIssues] = useState<CaseIssue[] | null>(null);
  const [status, setStatus] = useState<string>('');
  const edges = useRef<HTMLInputElement>(null);
  const nodes = useRef<HTMLInputElement>(null);
  const gexf = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const lint = linter(
      async (v) => {
        const text = v.state.doc.toString();
        try {
          const r = await validateText(text);
          setIssues(r.issues);
          return r.issues.map(
            (i): Diagnostic => ({
              ...issueRange(v.state.doc, i),
              severity: i.severity === 'warning' ? 'warning' : 'error',
              message: formatIssue(i),
              source: i.code,
            }),
          );
        } catch (e) {
          const message = e instanceof ApiError ? `${e.code}: ${e.message}` : String(e);
          setIssues(e instanceof ApiError ? e.issues : []);
          setStatus(`Validation failed: ${message}`);
          return e instanceof ApiError
            ? e.issues.map((i) => ({
                ...issueRange(v.state.doc, i),
                severity: 'error' as const,
                message: formatIssue(i),
              }))
            : [];
        }
      },
      { delay: 400 },
    );
    const v = new EditorView({
      doc: initialText,
      parent: host.current ?? undefined,
      extensions: [
        basicSetup,
        yaml(),
        lint,
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': 'Case YAML' }),
      ],
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [initialText]);

  const text = () => view.current?.state.doc.toString() ?? '';
  const replace = (next: string) => {
    const v = view.current;
    if (!v) return;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: next } });
  };

  const save = async () => {
    setStatus('Checking…');
    try {
      const problems = await onSave(text());
      const errors = problems.filter((p) => p.severity !== 'warning');
      if (errors.length > 0) {
        setIssues(problems);
        setStatus(`Not applied: ${errors.length} error(s). Fix them and apply again.`);
      } else setStatus('Applied: the map and analyses now use this text.');
    } catch (e) {
      setStatus(`Not applied: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const runImport = async (format: 'csv' | 'gexf') => {
    setStatus('Importing…');
    try {
      const body =
        format === 'csv'
          ? { format, edges: await readFile(edges.current), nodes: await readFile(nodes.current) }
          : { format, text: await readFile(gexf.current) };
      if (format === 'csv' && !body.edges) {
        setStatus('Choose an edge list (CSV) first.');
        return;
      }
      if (format === 'gexf' && !('text' in body && body.text)) {
        setStatus('Choose a GEXF file first.');
        return;
      }
      const r = await importCase(body);
      replace(r.text);
      setIssues(r.issues);
      setStatus(
        `Imported ${format.toUpperCase()} into the editor (${r.issues.length} issue(s)); apply it to analyse.`,
      );
    } catch (e) {
      if (e instanceof ApiError) setIssues(e.issues);
      setStatus(`Import failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className="editor">
      <div className="row">
        <button type="button" onClick={save} data-testid="editor-apply">
          Apply to session
        </button>
        <button
          type="button"
          onClick={() => downloadBlob(text(), fileName, 'application/yaml')}
          data-testid="editor-download"
        >
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
            {issues.map((i, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues may repeat
              <li key={k} className={i.severity === 'warning' ? 'warning' : 'error'}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    const v = view.current;
                    if (!v) return;
                    const { from } = issueRange(v.state.doc, i);
                    v.dispatch({ selection: { anchor: from }, scrollIntoView: true });
                    v.focus();
                  }}
                >
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
          <button type="button" onClick={() => runImport('csv')}>
            Import CSV
          </button>
        </div>
        <div className="row">
          <label className="field">
            <span>GEXF file</span>
            <input ref={gexf} type="file" accept=".gexf,.xml" />
          </label>
          <button type="button" onClick={() => runImport('gexf')}>
            Import GEXF
          </button>
        </div>
      </details>
    </div>
  );
}

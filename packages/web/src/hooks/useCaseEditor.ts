/**
 * The case editor's state: a CodeMirror 6 view of the YAML checked as you type by the server's
 * `POST /api/validate` through @codemirror/lint, the issues and status line it shows, applying the
 * text to the session, downloading it, and importing CSV or GEXF files (`POST /api/import`) into
 * it. Imported only by the lazily loaded editor, so CodeMirror stays in the editor's chunk.
 */
import { yaml } from '@codemirror/lang-yaml';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { basicSetup, EditorView } from 'codemirror';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { ApiError, importCase, validateText } from '../api/client.js';
import type { CaseIssue } from '../api/types.js';
import { downloadBlob } from '../download.js';
import { receiveInEditor } from '../editor/inbox.js';
import { formatIssue, issueRange } from '../editor/issues.js';

/** Files chosen for an import. */
export interface ImportFiles {
  edges?: File | undefined;
  nodes?: File | undefined;
  gexf?: File | undefined;
}

/** What {@link useCaseEditor} returns. */
export interface CaseEditor {
  /** The element CodeMirror mounts in. */
  host: RefObject<HTMLDivElement | null>;
  /** The issues of the last check, or null while the first check runs. */
  issues: CaseIssue[] | null;
  /** The status line (what the last action did). */
  status: string;
  /** Applies the text to the session (through `onSave`). */
  apply(): Promise<void>;
  /** Saves the text as a YAML file. */
  download(): void;
  /** Imports a CSV edge list (with optional nodes) or a GEXF file into the editor. */
  importFiles(format: 'csv' | 'gexf', files: ImportFiles): Promise<void>;
  /** Moves the cursor to an issue and focuses the editor. */
  goTo(issue: CaseIssue): void;
}

/**
 * The editor of `initialText` (saved as `fileName`); `onSave` applies a text and resolves with
 * the issues that prevented it (none: applied).
 */
export function useCaseEditor(
  initialText: string,
  fileName: string,
  onSave: (text: string) => Promise<CaseIssue[]>,
): CaseEditor {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [issues, setIssues] = useState<CaseIssue[] | null>(null);
  const [status, setStatus] = useState<string>('');

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
    // Text sent from the Sources tab replaces the document as one edit (undo takes it back).
    const stop = receiveInEditor((d) => {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: d.text } });
      setStatus(d.note);
    });
    return () => {
      stop();
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

  const apply = async () => {
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

  const importFiles = async (format: 'csv' | 'gexf', files: ImportFiles) => {
    setStatus('Importing…');
    try {
      const body =
        format === 'csv'
          ? { format, edges: await files.edges?.text(), nodes: await files.nodes?.text() }
          : { format, text: await files.gexf?.text() };
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

  const goTo = (issue: CaseIssue) => {
    const v = view.current;
    if (!v) return;
    const { from } = issueRange(v.state.doc, issue);
    v.dispatch({ selection: { anchor: from }, scrollIntoView: true });
    v.focus();
  };

  return {
    host,
    issues,
    status,
    apply,
    download: () => downloadBlob(text(), fileName, 'application/yaml'),
    importFiles,
    goTo,
  };
}

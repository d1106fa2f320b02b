/**
 * The case the workbench shows: the server's case list, the chosen case's document, and the text
 * applied in this session from the editor (which replaces the document's case until another case
 * is chosen). Exposes the request source of the analyses (`{ caseId }` or `{ text }`) and a key
 * that changes whenever that source does.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { caseDocument, casesOnce, defaultCaseId } from '../api/boot.js';
import { type CaseSource, validateText } from '../api/client.js';
import type { Case, CaseDocument, CaseIssue, CaseListEntry } from '../api/types.js';
import { errorMessage } from '../errors.js';
import { exposeHook } from '../hook.js';

/** The text edited and applied in this session, with the case it validates to. */
interface Session {
  readonly caseId: string;
  readonly text: string;
  readonly case: Case;
  readonly version: number;
}

/** What {@link useCase} returns. */
export interface CaseState {
  /** The cases the server lists. */
  cases: CaseListEntry[];
  /** The chosen case's id, or null before the list arrives. */
  caseId: string | null;
  selectCase(id: string): void;
  /** The chosen case's document (text, validated case, issues), or null while it loads. */
  doc: CaseDocument | null;
  /** The validated case shown: the session's text, else the document's; null while loading. */
  caseData: Case | null;
  /** The text applied in this session, or null. */
  sessionText: string | null;
  /** Where requests take the case from, or null while loading. */
  source: CaseSource | null;
  /** A key of `source`: `id:<caseId>` or `session:<n>`. */
  sourceKey: string;
  /** Validates `text` on the server and, when valid, makes it the session's case. */
  applyText(text: string): Promise<CaseIssue[]>;
  /** Why the list or the case could not be loaded, or null. */
  error: string | null;
}

/** The case list, the chosen case and the session's edited text. */
export function useCase(): CaseState {
  const [cases, setCases] = useState<CaseListEntry[]>([]);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [doc, setDoc] = useState<CaseDocument | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The case list, then the built-in case (or the first listed).
  useEffect(() => {
    casesOnce()
      .then((list) => {
        setCases(list);
        const first = defaultCaseId(list);
        if (first) setCaseId(first);
        else setError('The server lists no case.');
      })
      .catch((e) => setError(errorMessage(e)));
  }, []);

  // The chosen case's text and validated object.
  useEffect(() => {
    if (!caseId) return;
    let live = true;
    setDoc(null);
    caseDocument(caseId)
      .then((d) => {
        if (!live) return;
        setDoc(d);
        setError(
          d.case ? null : `The case “${d.id}” is not valid; open the Case editor to fix it.`,
        );
        exposeHook({ caseId });
      })
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [caseId]);

  // A session belongs to the case it was edited from: choosing another case drops it.
  const live = session !== null && session.caseId === caseId ? session : null;
  const caseData: Case | null = live?.case ?? doc?.case ?? null;
  const source: CaseSource | null = useMemo(
    () => (live ? { text: live.text } : caseId ? { caseId } : null),
    [live, caseId],
  );
  const sourceKey = live ? `session:${live.version}` : `id:${caseId}`;

  const applyText = useCallback(
    async (text: string): Promise<CaseIssue[]> => {
      const r = await validateText(text);
      if (!r.ok) return r.issues;
      const validated = r.case ?? null;
      if (!validated || !caseId) {
        return [
          {
            code: 'no-case',
            severity: 'error',
            path: [],
            message: 'the server did not return the validated case; cannot apply the text',
          },
        ];
      }
      setSession((prev) => ({
        caseId,
        text,
        case: validated,
        version: (prev?.version ?? 0) + 1,
      }));
      return [];
    },
    [caseId],
  );

  return {
    cases,
    caseId,
    selectCase: setCaseId,
    doc,
    caseData,
    sessionText: live?.text ?? null,
    source,
    sourceKey,
    applyText,
    error,
  };
}

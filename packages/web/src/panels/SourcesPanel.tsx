/**
 * The Sources tab: paste or upload a text (.txt, .md, .html) with an optional document date,
 * read it in the browser with `@entente/extract` against the case shown, see the text with actor
 * mentions, relation sentences and cue words highlighted, accept, edit (type, sign, actors) or
 * reject each proposed relation, and put `applyReview(case, review)` into the case editor
 * ("Apply accepted"), where it is validated and can be undone like any edit. Reading and merging
 * run in a worker (extract-client.ts), started when the tab first opens, so a long text does not
 * freeze the page.
 * The text read is held for this session, so the evidence panel can quote the sentences the
 * case's evidence cites from it. The logic lives in sources.ts; this file renders.
 */

import type { Extraction } from '@entente/extract';
import { useEffect, useRef, useState } from 'react';
import type { Case } from '../api/types.js';
import { sendToEditor } from '../editor/inbox.js';
import { errorMessage } from '../errors.js';
import { applyReviewText, extractText, warmExtractor } from '../extract-client.js';
import type { OfferedType } from '../extract-messages.js';
import { holdText } from '../hooks/useHeldTexts.js';
import {
  acceptedCount,
  decide,
  initialDecisions,
  type ProposalDecision,
  reviewOf,
  segmentText,
} from '../sources.js';

/** A text read: the extraction, the text its offsets count in, and the choices offered. */
interface Read {
  x: Extraction;
  text: string;
  types: readonly OfferedType[];
  actors: { id: string; name: string }[];
}

/** Props of {@link SourcesPanel}. */
export interface SourcesPanelProps {
  /** The case shown (the session's, else the chosen one): actors first, merged into on apply. */
  caseData: Case;
  /** Opens the case editor (after "Apply accepted"). */
  onEditor(): void;
}

const SIGNS: { value: -1 | 0 | 1; label: string }[] = [
  { value: 1, label: '+ cooperative' },
  { value: 0, label: '0 structural' },
  { value: -1, label: '− antagonistic' },
];

const signMark = (s: number) => (s > 0 ? '+' : s < 0 ? '−' : '0');

/** The Sources tab. */
export function SourcesPanel({ caseData, onEditor }: SourcesPanelProps) {
  const [raw, setRaw] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [read, setRead] = useState<Read | null>(null);
  const [decisions, setDecisions] = useState<ProposalDecision[]>([]);
  /** The proposal whose fields are open for editing, or null. */
  const [editing, setEditing] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);

  // Start loading the extractor and its model when the tab opens (a failure shows on Extract).
  useEffect(() => {
    warmExtractor().catch(() => undefined);
  }, []);

  const upload = async () => {
    const f = file.current?.files?.[0];
    if (!f) return;
    setRaw(await f.text());
    setFileName(f.name);
  };

  const run = async () => {
    setError(null);
    setStatus('Reading…');
    setBusy(true);
    try {
      const { x, text, types } = await extractText(raw, fileName, date.trim() || null, caseData);
      const actors = [
        ...caseData.actors.map((a) => ({ id: a.id, name: a.name })),
        ...x.newActors.map((a) => ({ id: a.id, name: `${a.name} (new)` })),
      ];
      holdText({ id: x.document.id, sha256: x.document.sha256, name: fileName ?? 'pasted', text });
      setRead({ x, text, types, actors });
      setDecisions(initialDecisions(x));
      setEditing(null);
      setStatus(
        `${x.proposals.length} proposal(s), ${x.mentions.length} actor mention(s) in ${x.document.id}.` +
          (x.diagnostics.length > 0 ? ` ${x.diagnostics.join(' ')}` : ''),
      );
    } catch (e) {
      setStatus('');
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const applyAccepted = async () => {
    if (!read) return;
    setError(null);
    try {
      const review = reviewOf(read.x, decisions);
      const merged = await applyReviewText(caseData, review, date.trim() || null);
      const n = acceptedCount(decisions);
      sendToEditor(
        merged,
        `Sources: ${n} accepted relation(s) from ${read.x.document.id} merged in; check and apply to analyse.`,
      );
      setStatus(`${n} accepted relation(s) put into the case editor.`);
      onEditor();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const names = new Map((read?.actors ?? []).map((a) => [a.id, a.name]));
  const name = (id: string) => names.get(id) ?? id;
  const set = (id: string, patch: Partial<Omit<ProposalDecision, 'id'>>) =>
    setDecisions((ds) => decide(ds, id, patch));

  return (
    <div className="sources">
      <div className="row">
        <label className="field">
          <span>Upload a text (.txt, .md, .html)</span>
          <input
            ref={file}
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            onChange={upload}
          />
        </label>
        <label className="field">
          <span>Document date (YYYY[-MM[-DD]], optional)</span>
          <input
            type="text"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            placeholder="2024-03-01"
            data-testid="sources-date"
          />
        </label>
      </div>
      <label className="field block">
        <span>Text{fileName ? ` (from ${fileName})` : ''}</span>
        <textarea
          rows={8}
          value={raw}
          onChange={(e) => setRaw(e.target.value)}
          data-testid="sources-input"
        />
      </label>
      <div className="row">
        <button
          type="button"
          onClick={run}
          disabled={busy || raw.trim() === ''}
          data-testid="sources-extract"
        >
          {busy ? 'Reading…' : 'Extract relations'}
        </button>
        <button
          type="button"
          onClick={applyAccepted}
          disabled={!read || acceptedCount(decisions) === 0}
          data-testid="sources-apply"
        >
          Apply accepted ({acceptedCount(decisions)}) to the case editor
        </button>
        <span className="muted" aria-live="polite" data-testid="sources-status">
          {status}
        </span>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {read && (
        <>
          <section aria-label="Text with actors and relations highlighted">
            <p className="hint">
              <span className="seg mention">actor</span>{' '}
              <span className="seg rel">relation sentence</span>{' '}
              <span className="seg cue">cue</span>
            </p>
            <div className="source-text" data-testid="source-text">
              {segmentText(read.text, read.x).map((s) => {
                const cls = [
                  'seg',
                  s.actor ? 'mention' : '',
                  s.proposals.length > 0 ? 'rel' : '',
                  s.cue ? 'cue' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return cls === 'seg' ? (
                  <span key={s.start}>{s.text}</span>
                ) : (
                  <span
                    key={s.start}
                    className={cls}
                    title={s.actor ? `actor: ${name(s.actor)}` : undefined}
                  >
                    {s.text}
                  </span>
                );
              })}
            </div>
          </section>
          <ol className="proposals" data-testid="proposals" aria-label="Proposed relations">
            {read.x.proposals.map((p, i) => {
              const d = decisions.find((x) => x.id === p.id);
              if (!d) return null;
              const what = `${i + 1}: ${name(d.from)} ${d.type} ${name(d.to)}`;
              return (
                <li key={p.id} data-testid="proposal" data-status={d.status}>
                  <div>
                    <strong>
                      {name(d.from)} {p.directed ? '→' : '—'} {name(d.to)}
                    </strong>{' '}
                    <em>{d.type}</em> ({signMark(d.sign)}) · conf {p.confidence}
                    {p.against ? ` · ${p.against.verdict}` : ''} · ¶{p.evidence.paragraph}.
                    {p.evidence.sentence} · {p.evidence.rule}
                    {p.evidence.hedges.length > 0
                      ? ` · hedged: ${p.evidence.hedges.join(', ')}`
                      : ''}
                  </div>
                  <blockquote className="quote">“{p.evidence.text.trim()}”</blockquote>
                  <div className="row">
                    <button
                      type="button"
                      aria-pressed={d.status === 'accepted'}
                      aria-label={`Accept proposal ${what}`}
                      onClick={() =>
                        set(p.id, { status: d.status === 'accepted' ? 'pending' : 'accepted' })
                      }
                    >
                      Accept
                    </button>
                    <button
                      type="button"
                      aria-pressed={d.status === 'rejected'}
                      aria-label={`Reject proposal ${what}`}
                      onClick={() =>
                        set(p.id, { status: d.status === 'rejected' ? 'pending' : 'rejected' })
                      }
                    >
                      Reject
                    </button>
                    <button
                      type="button"
                      aria-expanded={editing === p.id}
                      aria-controls={`edit-${p.id}`}
                      aria-label={`Edit proposal ${what}`}
                      onClick={() => setEditing(editing === p.id ? null : p.id)}
                    >
                      Edit
                    </button>
                    <span className="muted">{d.status}</span>
                  </div>
                  {/* The selects exist only while a proposal is edited: a long report lists
                      thousands of proposals, each with the case's actors to choose from. */}
                  {editing === p.id && (
                    <div className="row" id={`edit-${p.id}`}>
                      <label className="field">
                        <span>from</span>
                        <select
                          value={d.from}
                          onChange={(e) => set(p.id, { from: e.target.value })}
                          aria-label={`From actor of proposal ${i + 1}`}
                        >
                          {read.actors.map((a) => (
                            <option key={a.id} value={a.id}>
                              {a.name}
                            </option>
                          ))}
                        </select>
                      </label>
                      <label className="field">
                        <span>type</span>
                        <select
                          value={d.type}
                          onChange={(e) => set(p.id, { type: e.target.value })}
                          aria-label={`Type of proposal ${i + 1}`}
                        >
                          {read.types.map((t) => (
                            <option key={t.type} value={t.type}>
                              {t.type}
                            </option>
                          ))}
                        </select>
                      </label>
                      <label className="field">
                        <span>sign</span>
                        <select
                          value={String(d.sign)}
                          onChange={(e) =>
                            set(p.id, { sign: Number(e.target.value) as -1 | 0 | 1 })
                          }
                          aria-label={`Sign of proposal ${i + 1}`}
                        >
                          {SIGNS.map((s) => (
                            <option key={s.value} value={String(s.value)}>
                              {s.label}
                            </option>
                          ))}
                        </select>
                      </label>
                      <label className="field">
                        <span>to</span>
                        <select
                          value={d.to}
                          onChange={(e) => set(p.id, { to: e.target.value })}
                          aria-label={`To actor of proposal ${i + 1}`}
                        >
                          {read.actors.map((a) => (
                            <option key={a.id} value={a.id}>
                              {a.name}
                            </option>
                          ))}
                        </select>
                      </label>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
          {read.x.proposals.length === 0 && (
            <p className="hint">No relation proposed: no sentence names two actors with a cue.</p>
          )}
        </>
      )}
    </div>
  );
}

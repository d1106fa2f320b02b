/**
 * The workbench: the case picker and report button, the map with its controls (layers, timeline,
 * grouping, focus, tie list, exports), and the tabs — evidence, analysis, scenarios, case editor.
 */

import type {
  AnalyzeResponse as AnalysisBundle,
  Case,
  CaseDocument,
  CaseListEntry,
  ExplorationSummaryJson as ExplorationSummary,
  Layer,
  DrawnTieJson as ProjectedTie,
} from '@entente/core/contract';
import { LAYERS } from '@entente/core/contract';
import type { Core } from 'cytoscape';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AnalysisCache, cacheKey, neighbourKeys } from './analysis-cache.js';
import { caseDocument, casesOnce, defaultCaseId } from './api/boot.js';
import { ApiError, analyze, type CaseSource, validateText } from './api/client.js';
import { downloadBlob, safeName } from './download.js';
import { type Grouping, groupingOptions, groupsOf } from './grouping.js';
import { exposeHook } from './hook.js';
import { cySvg } from './map/cytoscape-setup.js';
import { Legend } from './map/Legend.js';
import { MapView, tieId } from './map/MapView.js';
import { AnalysisPanel } from './panels/AnalysisPanel.js';
import { EvidencePanel } from './panels/EvidencePanel.js';
import { ScenariosPanel } from './panels/ScenariosPanel.js';
import { projectedActorIds } from './projection.js';
import { buildReport } from './report/buildReport.js';
import { caseDates, periodsAt } from './timeline.js';

const EditorPanel = lazy(() => import('./editor/EditorPanel.js'));

type Tab = 'evidence' | 'analysis' | 'scenarios' | 'editor';
const TABS: { id: Tab; label: string }[] = [
  { id: 'evidence', label: 'Evidence' },
  { id: 'analysis', label: 'Analysis' },
  { id: 'scenarios', label: 'Scenarios' },
  { id: 'editor', label: 'Case editor' },
];

/** The text edited and saved in this session, with the case it validates to. */
interface Session {
  text: string;
  case: Case;
}

function message(e: unknown): string {
  if (e instanceof ApiError) {
    const located = e.issues
      .slice(0, 5)
      .map((i) => `${i.line ?? '?'}:${i.column ?? '?'} ${i.code} ${i.message}`);
    return [e.message, ...located].join('\n');
  }
  return e instanceof Error ? e.message : String(e);
}

/** The workbench application. */
export function App() {
  const [cases, setCases] = useState<CaseListEntry[]>([]);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [doc, setDoc] = useState<CaseDocument | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [at, setAt] = useState<string | null>(null);
  const [layers, setLayers] = useState<Layer[]>([...LAYERS]);
  const [analysis, setAnalysis] = useState<AnalysisBundle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [grouping, setGrouping] = useState<Grouping>('none');
  const [focus, setFocus] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string[] | null>(null);
  const [tie, setTie] = useState<ProjectedTie | null>(null);
  const [tab, setTab] = useState<Tab>('evidence');
  const [exploration, setExploration] = useState<ExplorationSummary | null>(null);
  const [editorMounted, setEditorMounted] = useState(false);
  const [sessionVersion, setSessionVersion] = useState(0);
  const cyRef = useRef<Core | null>(null);
  const cache = useRef(new AnalysisCache());
  const lastCached = useRef(false);
  const started = useRef(0);
  const firstDrawn = useRef(false);

  const caseData: Case | null = session?.case ?? doc?.case ?? null;
  const source: CaseSource | null = useMemo(
    () => (session ? { text: session.text } : caseId ? { caseId } : null),
    [session, caseId],
  );
  const dates = useMemo(() => (caseData ? caseDates(caseData) : []), [caseData]);

  // The case list, then the built-in case (or the first listed).
  useEffect(() => {
    casesOnce()
      .then((list) => {
        setCases(list);
        const first = defaultCaseId(list);
        if (first) setCaseId(first);
        else setError('The server lists no case.');
      })
      .catch((e) => setError(message(e)));
  }, []);

  // The chosen case's text and validated object.
  useEffect(() => {
    if (!caseId) return;
    let live = true;
    setDoc(null);
    setSession(null);
    setAnalysis(null);
    setTie(null);
    setHighlight(null);
    setFocus(null);
    setGrouping('none');
    setExploration(null);
    caseDocument(caseId)
      .then((d) => {
        if (!live) return;
        setDoc(d);
        exposeHook({ caseId });
        if (!d.case) setError(`The case “${d.id}” is not valid; open the Case editor to fix it.`);
        else {
          const ds = caseDates(d.case);
          setAt(ds.length > 0 ? (ds[ds.length - 1] ?? null) : null);
        }
      })
      .catch((e) => live && setError(message(e)));
    return () => {
      live = false;
    };
  }, [caseId]);

  // Analyse the case at the date with the layers on; stale answers are dropped. Results are
  // cached in the page (an analysis is a pure function of case, date and layers).
  const sourceKey = session ? `session:${sessionVersion}` : `id:${caseId}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: sourceKey stands for source
  useEffect(() => {
    if (!source || !caseData) return;
    started.current = performance.now();
    if (layers.length === 0) {
      setError('Choose at least one layer.');
      return;
    }
    const key = cacheKey(sourceKey, { at, layers });
    const cached = cache.current.get(key);
    if (cached) {
      lastCached.current = true;
      setAnalysis(cached);
      setError(null);
      exposeHook({ at: cached.at });
      return;
    }
    lastCached.current = false;
    const controller = new AbortController();
    setBusy(true);
    analyze(source, { at: at ?? undefined, layers }, controller.signal)
      .then((a) => {
        performance.mark('entente:analysis-received');
        cache.current.set(key, a);
        setAnalysis(a);
        setError(null);
        setBusy(false);
        exposeHook({ at: a.at });
      })
      .catch((e) => {
        if (controller.signal.aborted) return;
        setBusy(false);
        setError(message(e));
      });
    return () => controller.abort();
  }, [sourceKey, caseData, at, layers]);

  // While the analyst looks, fetch the analyses one step away (neighbouring dates, each layer
  // toggled) so the next move redraws at once; one request at a time, dropped on any change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: sourceKey stands for source
  useEffect(() => {
    if (!source || !analysis || layers.length === 0) return;
    const controller = new AbortController();
    exposeHook({ prefetched: false });
    const timer = setTimeout(async () => {
      for (const k of neighbourKeys(dates, at, layers, LAYERS)) {
        if (controller.signal.aborted) return;
        const key = cacheKey(sourceKey, k);
        if (cache.current.has(key)) continue;
        try {
          const a = await analyze(
            source,
            { at: k.at ?? undefined, layers: [...k.layers] },
            controller.signal,
          );
          cache.current.set(key, a);
        } catch {
          return; // aborted, or the server said no: the user's own request will show why
        }
      }
      exposeHook({ prefetched: true });
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [analysis]);

  // Keep the selected tie in step with the analysis (it may vanish at another date).
  useEffect(() => {
    if (!analysis || !tie) return;
    const next = analysis.projection.ties.find((t) => tieId(t) === tieId(tie)) ?? null;
    if (next !== tie) setTie(next);
  }, [analysis, tie]);

  const onDrawn = useCallback(() => {
    const ms = performance.now() - started.current;
    const hook = exposeHook({});
    hook.analysisTimes.push(ms);
    hook.analysisCached.push(lastCached.current);
    if (!firstDrawn.current) {
      firstDrawn.current = true;
      performance.mark('entente:map-ready');
    }
    exposeHook({ mapReady: true });
  }, []);

  const onSelectTie = useCallback((t: ProjectedTie | null) => {
    setTie(t);
    if (t) setTab('evidence');
  }, []);

  const options = groupingOptions(analysis);
  const groups = groupsOf(analysis, grouping);
  const groupingLabel = options.find((o) => o.value === grouping)?.label ?? '';
  const names = useMemo(
    () => new Map((caseData?.actors ?? []).map((a) => [a.id, a.name])),
    [caseData],
  );
  const atIndex = at ? Math.max(0, dates.indexOf(at)) : dates.length - 1;

  const exportSvg = () => {
    const cy = cyRef.current;
    if (!cy) return;
    const svg = cySvg(cy, { full: true, scale: 1, bg: '#ffffff' });
    downloadBlob(
      svg,
      `${safeName(caseData?.id ?? 'map')}-${safeName(at ?? 'all')}.svg`,
      'image/svg+xml',
    );
  };
  const exportPng = () => {
    const cy = cyRef.current;
    if (!cy) return;
    const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
    downloadBlob(blob, `${safeName(caseData?.id ?? 'map')}-${safeName(at ?? 'all')}.png`);
  };
  const downloadReport = () => {
    if (!caseData || !analysis) return;
    const cy = cyRef.current;
    const svg = cy ? cySvg(cy, { full: true, scale: 1, bg: '#ffffff' }) : '';
    const html = buildReport({ caseData, analysis, mapSvg: svg, exploration, layers });
    downloadBlob(html, `${safeName(caseData.id)}-report.html`, 'text/html');
  };

  const onSave = useCallback(async (text: string) => {
    const r = await validateText(text);
    if (!r.ok) return r.issues;
    const validated = r.case ?? null;
    if (!validated) {
      return [
        {
          code: 'no-case',
          severity: 'error' as const,
          message: 'the server did not return the validated case; cannot apply the text',
          path: [],
        },
      ];
    }
    setSession({ text, case: validated });
    setSessionVersion((v) => v + 1);
    const ds = caseDates(validated);
    setAt((prev) => (prev && ds.includes(prev) ? prev : (ds[ds.length - 1] ?? null)));
    setTie(null);
    setHighlight(null);
    return [];
  }, []);

  return (
    <div className="app">
      <header className="topbar">
        <h1>entente workbench</h1>
        <label className="field">
          <span>Case</span>
          <select
            value={caseId ?? ''}
            onChange={(e) => setCaseId(e.target.value)}
            aria-label="Case"
          >
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title} ({c.origin === 'builtin' ? 'built-in' : c.id}
                {c.valid ? '' : ', invalid'})
              </option>
            ))}
          </select>
        </label>
        {session && <span className="badge">edited in this session</span>}
        <button type="button" onClick={downloadReport} disabled={!analysis}>
          Download report
        </button>
      </header>

      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}

      <main className="layout">
        <section className="map-pane" aria-label="Map">
          <div className="toolbar">
            <fieldset className="layers">
              <legend>Layers</legend>
              {LAYERS.map((l) => (
                <label key={l} className="check">
                  <input
                    type="checkbox"
                    checked={layers.includes(l)}
                    onChange={(e) =>
                      setLayers((prev) =>
                        e.target.checked
                          ? LAYERS.filter((x) => x === l || prev.includes(x))
                          : prev.filter((x) => x !== l),
                      )
                    }
                    data-testid={`layer-${l}`}
                  />
                  {l}
                </label>
              ))}
            </fieldset>
            <label className="field">
              <span>Group by</span>
              <select
                value={grouping}
                onChange={(e) => setGrouping(e.target.value)}
                aria-label="Group the map by"
              >
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Focus</span>
              <select
                aria-label="Focus on an actor"
                value={focus ?? ''}
                onChange={(e) => {
                  setFocus(e.target.value || null);
                  setHighlight(null);
                }}
              >
                <option value="">all actors</option>
                {projectedActorIds(analysis).map((id) => (
                  <option key={id} value={id}>
                    {names.get(id) ?? id}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Tie</span>
              <select
                value={tie ? tieId(tie) : ''}
                onChange={(e) =>
                  onSelectTie(
                    analysis?.projection.ties.find((t) => tieId(t) === e.target.value) ?? null,
                  )
                }
                data-testid="tie-select"
                aria-label="Select a tie"
              >
                <option value="">none selected</option>
                {(analysis?.projection.ties ?? []).map((t) => (
                  <option key={tieId(t)} value={tieId(t)}>
                    {names.get(t.source) ?? t.source} {t.sign > 0 ? '+' : '−'}{' '}
                    {names.get(t.target) ?? t.target} ({t.weight.toFixed(2)})
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={exportSvg} disabled={!analysis}>
              Export SVG
            </button>
            <button type="button" onClick={exportPng} disabled={!analysis}>
              Export PNG
            </button>
          </div>

          <div className="map-wrap">
            <MapView
              caseData={caseData}
              analysis={caseData ? analysis : null}
              groups={groups}
              focus={focus}
              highlight={highlight}
              selectedTie={tie ? tieId(tie) : null}
              onSelectTie={onSelectTie}
              onSelectActor={(id) => {
                setFocus((f) => (f === id ? null : id));
                setHighlight(null);
              }}
              onReady={(cy) => {
                cyRef.current = cy;
              }}
              onDrawn={onDrawn}
            />
            {!analysis && !error && <div className="map-loading">Loading the case…</div>}
            {busy && (
              <div className="busy" aria-live="polite">
                analysing…
              </div>
            )}
          </div>

          {dates.length > 0 && (
            <div className="timeline">
              <label className="field grow">
                <span>
                  Date: <strong data-testid="date">{at ?? 'all'}</strong>
                  {caseData && at ? (
                    <span className="muted"> {periodsAt(caseData, at).join(' · ')}</span>
                  ) : null}
                </span>
                <input
                  type="range"
                  min={0}
                  max={dates.length - 1}
                  step={1}
                  value={atIndex}
                  onChange={(e) => setAt(dates[Number(e.target.value)] ?? null)}
                  aria-valuetext={at ?? ''}
                  data-testid="timeline"
                />
              </label>
              <div className="ticks" aria-hidden="true">
                <span>{dates[0]}</span>
                <span>{dates[dates.length - 1]}</span>
              </div>
            </div>
          )}
          {caseData && <Legend caseData={caseData} groups={groups} groupingLabel={groupingLabel} />}
        </section>

        <section className="side-pane" aria-label="Panels">
          <div className="tabs" role="tablist" aria-label="Panels">
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`panel-${t.id}`}
                className={tab === t.id ? 'tab active' : 'tab'}
                onClick={() => {
                  setTab(t.id);
                  if (t.id === 'editor') setEditorMounted(true);
                }}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div className="panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {!caseData ? (
              <p className="hint">{doc && !doc.case ? 'The case is invalid.' : 'Loading…'}</p>
            ) : tab === 'evidence' ? (
              <EvidencePanel caseData={caseData} tie={tie} />
            ) : tab === 'analysis' ? (
              analysis ? (
                <AnalysisPanel
                  caseData={caseData}
                  analysis={analysis}
                  highlight={highlight}
                  onHighlight={(h) => {
                    setHighlight(h);
                    if (h) setFocus(null);
                  }}
                  grouping={grouping}
                  onGrouping={setGrouping}
                />
              ) : (
                <p className="hint">Analysing…</p>
              )
            ) : tab === 'scenarios' ? (
              source && caseId ? (
                <ScenariosPanel
                  caseId={caseId}
                  source={source}
                  caseData={caseData}
                  sessionText={session?.text ?? null}
                  onSummary={setExploration}
                  summary={exploration}
                />
              ) : null
            ) : null}
            {/* The editor stays mounted once opened, so unsaved edits survive tab switches. */}
            {doc && editorMounted && (
              <div hidden={tab !== 'editor'} key={doc.id}>
                <Suspense fallback={<p className="hint">Loading the editor…</p>}>
                  <EditorPanel
                    initialText={doc.text}
                    fileName={`${safeName(doc.id)}.yaml`}
                    onSave={onSave}
                  />
                </Suspense>
              </div>
            )}
          </div>
        </section>
      </main>
    </div>
  );
}

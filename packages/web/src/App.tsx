/**
 * The workbench: the case picker and report button, the map with its controls (layers, timeline,
 * grouping, focus, tie list, exports), and the tabs — evidence, analysis, scenarios, claims,
 * calibration, sources, case editor.
 * The state and requests live in hooks (`src/hooks/`); this component lays them out.
 */
import { lazy, Suspense, useCallback, useMemo } from 'react';
import type { ProjectedTie } from './api/types.js';
import { ActivityChart } from './charts/ActivityChart.js';
import { activityKey, caseMapsEvents } from './charts/activity.js';
import { safeName } from './download.js';
import { groupingOptions, groupsOf } from './grouping.js';
import { useAnalysis } from './hooks/useAnalysis.js';
import { useCalibration } from './hooks/useCalibration.js';
import { useCase } from './hooks/useCase.js';
import { useEventSeries } from './hooks/useEventSeries.js';
import { useExplorationJob } from './hooks/useExplorationJob.js';
import { useLayers } from './hooks/useLayers.js';
import { useMapExport } from './hooks/useMapExport.js';
import { useMapSelection } from './hooks/useMapSelection.js';
import { type Tab, useNavigation } from './hooks/useNavigation.js';
import { useObservedVerdicts } from './hooks/useObservedVerdicts.js';
import { useTimeline } from './hooks/useTimeline.js';
import { Legend } from './map/Legend.js';
import { MapToolbar } from './map/MapToolbar.js';
import { MapView } from './map/MapView.js';
import { Timeline } from './map/Timeline.js';
import { tieId } from './map/tie-id.js';
import { AnalysisPanel } from './panels/AnalysisPanel.js';
import { ClaimsPanel } from './panels/ClaimsPanel.js';
import { EvidencePanel } from './panels/EvidencePanel.js';
import { ScenariosPanel } from './panels/ScenariosPanel.js';
import { SourcesPanel } from './panels/SourcesPanel.js';

const EditorPanel = lazy(() => import('./editor/EditorPanel.js'));
const CalibrationPanel = lazy(() => import('./panels/CalibrationPanel.js'));

const TABS: { id: Tab; label: string }[] = [
  { id: 'evidence', label: 'Evidence' },
  { id: 'analysis', label: 'Analysis' },
  { id: 'scenarios', label: 'Scenarios' },
  { id: 'claims', label: 'Claims' },
  { id: 'calibration', label: 'Calibration' },
  { id: 'sources', label: 'Sources' },
  { id: 'editor', label: 'Case editor' },
];

/** The workbench application. */
export function App() {
  const c = useCase();
  const { caseId, doc, caseData, source, sourceKey } = c;
  const { layers, toggle: toggleLayer } = useLayers();
  const timeline = useTimeline(caseData, caseId);
  const { at, dates } = timeline;
  const {
    analysis,
    busy,
    error: analysisError,
    onDrawn,
  } = useAnalysis({
    source,
    sourceKey,
    caseKey: caseId,
    caseData,
    at,
    layers,
    dates,
  });
  const selection = useMapSelection(analysis, caseId, sourceKey);
  const exploration = useExplorationJob(sourceKey);
  const exports = useMapExport({
    caseData,
    analysis,
    at,
    layers,
    exploration: exploration.summary,
  });
  const { tab, openTab, editorMounted, pick, showScenarios } = useNavigation();
  const seriesKey = useMemo(
    () => activityKey(selection.focus, selection.tie),
    [selection.focus, selection.tie],
  );
  // The event routes are asked only about a case that maps dataset actors to its own.
  const mapped = caseMapsEvents(caseData);
  const events = useEventSeries(mapped ? caseId : null, seriesKey);
  const observed = useObservedVerdicts(mapped ? caseId : null, tab === 'claims');
  const calibration = useCalibration(tab === 'calibration');
  const error = c.error ?? analysisError;

  const { selectTie } = selection;
  const onSelectTie = useCallback(
    (t: ProjectedTie | null) => {
      selectTie(t);
      if (t) openTab('evidence');
    },
    [selectTie, openTab],
  );
  const options = groupingOptions(analysis);
  const groups = groupsOf(analysis, selection.grouping);
  const groupingLabel = options.find((o) => o.value === selection.grouping)?.label ?? '';
  const names = useMemo(
    () => new Map((caseData?.actors ?? []).map((a) => [a.id, a.name])),
    [caseData],
  );

  return (
    <div className="app">
      <header className="topbar">
        <h1>entente workbench</h1>
        <label className="field">
          <span>Case</span>
          <select
            value={caseId ?? ''}
            onChange={(e) => c.selectCase(e.target.value)}
            aria-label="Case"
          >
            {c.cases.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title} ({x.origin === 'builtin' ? 'built-in' : x.id}
                {x.valid ? '' : ', invalid'})
              </option>
            ))}
          </select>
        </label>
        {c.sessionText !== null && <span className="badge">edited in this session</span>}
        <button type="button" onClick={exports.downloadReport} disabled={!analysis}>
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
          <MapToolbar
            analysis={analysis}
            names={names}
            layers={layers}
            onLayer={toggleLayer}
            groupingOptions={options}
            grouping={selection.grouping}
            onGrouping={selection.setGrouping}
            focus={selection.focus}
            onFocus={selection.setFocus}
            tie={selection.tie}
            onSelectTie={onSelectTie}
            onExportSvg={exports.exportSvg}
            onExportPng={exports.exportPng}
          />

          <div className="map-wrap">
            <MapView
              caseData={caseData}
              analysis={caseData ? analysis : null}
              groups={groups}
              focus={selection.focus}
              highlight={selection.highlight}
              selectedTie={selection.tie ? tieId(selection.tie) : null}
              onSelectTie={onSelectTie}
              onSelectActor={selection.toggleFocus}
              onReady={exports.onReady}
              onDrawn={onDrawn}
            />
            {!analysis && !error && <div className="map-loading">Loading the case…</div>}
            {busy && (
              <div className="busy" aria-live="polite">
                analysing…
              </div>
            )}
          </div>

          <Timeline
            caseData={caseData}
            dates={dates}
            at={at}
            atIndex={timeline.atIndex}
            onAt={timeline.setAt}
          />
          {caseData && <Legend caseData={caseData} groups={groups} groupingLabel={groupingLabel} />}
          {caseData && (
            <ActivityChart
              seriesKey={seriesKey}
              names={names}
              at={at}
              mapped={mapped}
              state={events}
            />
          )}
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
                onClick={() => openTab(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div className="panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {!caseData ? (
              <p className="hint">{doc && !doc.case ? 'The case is invalid.' : 'Loading…'}</p>
            ) : tab === 'evidence' ? (
              <EvidencePanel caseData={caseData} tie={selection.tie} />
            ) : tab === 'analysis' ? (
              analysis ? (
                <AnalysisPanel
                  caseData={caseData}
                  analysis={analysis}
                  highlight={selection.highlight}
                  onHighlight={selection.setHighlight}
                  grouping={selection.grouping}
                  onGrouping={selection.setGrouping}
                />
              ) : (
                <p className="hint">Analysing…</p>
              )
            ) : tab === 'scenarios' ? (
              source && caseId ? (
                <ScenariosPanel
                  caseId={caseId}
                  source={source}
                  sourceKey={sourceKey}
                  caseData={caseData}
                  sessionText={c.sessionText}
                  exploration={exploration}
                  pick={pick}
                />
              ) : null
            ) : tab === 'claims' ? (
              <ClaimsPanel
                caseData={caseData}
                summary={exploration.summary}
                observed={observed}
                onShow={showScenarios}
              />
            ) : tab === 'calibration' ? (
              <Suspense fallback={<p className="hint">Loading the calibration view…</p>}>
                <CalibrationPanel state={calibration} caseId={caseId} names={names} />
              </Suspense>
            ) : tab === 'sources' ? (
              <SourcesPanel caseData={caseData} onEditor={() => openTab('editor')} />
            ) : null}
            {/* The editor stays mounted once opened, so unsaved edits survive tab switches. */}
            {doc && editorMounted && (
              <div hidden={tab !== 'editor'} key={doc.id}>
                <Suspense fallback={<p className="hint">Loading the editor…</p>}>
                  <EditorPanel
                    initialText={doc.text}
                    fileName={`${safeName(doc.id)}.yaml`}
                    onSave={c.applyText}
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

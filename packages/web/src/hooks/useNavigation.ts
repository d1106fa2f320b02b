/**
 * Which side panel is open, whether the case editor has been opened (it then stays mounted so
 * unsaved edits survive tab switches), and the scenarios a link from the Claims tab asked the
 * Scenarios tab to show.
 */
import { useCallback, useState } from 'react';

/** The side panels. */
export type Tab =
  | 'evidence'
  | 'analysis'
  | 'scenarios'
  | 'claims'
  | 'calibration'
  | 'sources'
  | 'editor';

/** Scenarios to show in the Scenarios tab, asked for by a link (`n` counts the requests). */
export interface ScenarioPick {
  scenarioA: string;
  scenarioB: string | null;
  /** The hypothesis to bring into view in the results, if any. */
  hypothesis: string | null;
  n: number;
}

/** What {@link useNavigation} returns. */
export interface Navigation {
  tab: Tab;
  openTab(tab: Tab): void;
  editorMounted: boolean;
  pick: ScenarioPick | null;
  /** Opens the Scenarios tab on `scenarioA` (compared with `scenarioB`), at `hypothesis`. */
  showScenarios(scenarioA: string, scenarioB: string | null, hypothesis: string | null): void;
}

/** The side panel's navigation. */
export function useNavigation(): Navigation {
  const [tab, setTab] = useState<Tab>('evidence');
  const [editorMounted, setEditorMounted] = useState(false);
  const [pick, setPick] = useState<ScenarioPick | null>(null);
  const openTab = useCallback((t: Tab) => {
    setTab(t);
    if (t === 'editor') setEditorMounted(true);
  }, []);
  const showScenarios = useCallback(
    (scenarioA: string, scenarioB: string | null, hypothesis: string | null) => {
      setPick((p) => ({ scenarioA, scenarioB, hypothesis, n: (p?.n ?? 0) + 1 }));
      setTab('scenarios');
    },
    [],
  );
  return { tab, openTab, editorMounted, pick, showScenarios };
}

/**
 * The scenarios panel's choices: scenario A, the scenario B it is compared with, which of the two
 * is being edited, and the analyst's edits of each scenario (scenario-edit.ts). A choice that no
 * longer names a scenario of the case falls back to the first scenario (A) or none (B).
 */
import { useState } from 'react';
import type { ScenarioEntry } from '../api/types.js';
import {
  EMPTY_EDIT,
  editedScenarios,
  type ScenarioEdit,
  withFixed,
  withPolicy,
} from '../scenario-edit.js';
import type { ScenarioPick } from './useNavigation.js';

/** What {@link useScenarioEditor} returns. */
export interface ScenarioEditor {
  scenarioA: string;
  setScenarioA(id: string): void;
  /** The scenario compared with A, or '' for none. */
  scenarioB: string;
  setScenarioB(id: string): void;
  editing: 'A' | 'B';
  setEditing(which: 'A' | 'B'): void;
  /** Id of the scenario being edited. */
  current: string;
  /** The scenario being edited, if the case has it. */
  currentScenario: ScenarioEntry | undefined;
  /** The edit of the scenario being edited. */
  edit: ScenarioEdit;
  /** Every scenario's edit, by id. */
  edits: Readonly<Record<string, ScenarioEdit>>;
  /** Sets a state's policy in the current scenario (`base`: the scenario's own policy for it). */
  setPolicy(state: string, policy: string, base: string): void;
  /** Fixes a parameter of the current scenario, or releases it (null). */
  setFixed(id: string, value: number | null): void;
  /** The edited scenarios, to send with a request. */
  edited(): ScenarioEntry[];
  /** The distinct scenarios shown (A, then B when chosen). */
  shown: string[];
}

/**
 * Choices and edits over the case's `scenarios`; a new `pick` (a link from the Claims tab) sets
 * scenarios A and B.
 */
export function useScenarioEditor(
  scenarios: readonly ScenarioEntry[],
  pick: ScenarioPick | null,
): ScenarioEditor {
  const [chosenA, setScenarioA] = useState('');
  const [chosenB, setScenarioB] = useState('');
  const [editing, setEditing] = useState<'A' | 'B'>('A');
  const [edits, setEdits] = useState<Record<string, ScenarioEdit>>({});
  const [adopted, setAdopted] = useState(0);
  // A pick not yet adopted replaces the choices (state adjusted while rendering, no effect).
  if (pick && pick.n !== adopted) {
    setAdopted(pick.n);
    setScenarioA(pick.scenarioA);
    setScenarioB(pick.scenarioB ?? '');
    setEditing('A');
  }

  const has = (id: string) => scenarios.some((s) => s.id === id);
  const scenarioA = has(chosenA) ? chosenA : (scenarios[0]?.id ?? '');
  const scenarioB = chosenB && has(chosenB) ? chosenB : '';
  const current = editing === 'B' && scenarioB ? scenarioB : scenarioA;
  const change = (f: (e: ScenarioEdit) => ScenarioEdit) =>
    setEdits((prev) => ({ ...prev, [current]: f(prev[current] ?? EMPTY_EDIT) }));

  return {
    scenarioA,
    setScenarioA,
    scenarioB,
    setScenarioB,
    editing,
    setEditing,
    current,
    currentScenario: scenarios.find((s) => s.id === current),
    edit: edits[current] ?? EMPTY_EDIT,
    edits,
    setPolicy: (state, policy, base) => change((e) => withPolicy(e, state, policy, base)),
    setFixed: (id, value) => change((e) => withFixed(e, id, value)),
    edited: () => editedScenarios(scenarios, edits),
    shown: [scenarioA, scenarioB].filter((x, i, all) => x && all.indexOf(x) === i),
  };
}

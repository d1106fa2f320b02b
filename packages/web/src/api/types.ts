/**
 * The shapes the workbench reads from `@entente/server` (the HTTP API of issue 5, section D of the
 * contract). The case itself is core's validated `Case`; everything else is the server's JSON.
 */
import type { Case } from '@entente/core';

export type { Actor, Case, Evidence, Relation, Scenario } from '@entente/core';

/** The five relation layers, in the order the map's toggles show them. */
export const LAYERS = ['diplomatic', 'economic', 'security', 'hostility', 'control'] as const;
/** A relation layer. */
export type Layer = (typeof LAYERS)[number];

/** One issue of validation, located like the CLI's `file:line:col: code message`. */
export interface CaseIssue {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  path?: string | (string | number)[];
  line?: number;
  column?: number;
}

/** The error body every failed request carries. */
export interface ApiErrorBody {
  code: string;
  message: string;
  issues?: CaseIssue[];
}

/** `GET /api/cases` */
export interface CaseListEntry {
  id: string;
  title: string;
  origin: 'builtin' | 'folder';
  actors: number;
  relations: number;
  valid: boolean;
}

/** `GET /api/cases/:id` */
export interface CaseDocument {
  id: string;
  title: string;
  text: string;
  case: Case | null;
  issues: CaseIssue[];
}

/** `POST /api/validate` */
export interface ValidateResult {
  ok: boolean;
  issues: CaseIssue[];
  /** The validated case when the server sends it (optional extension). */
  case?: Case | null;
}

/** A projected signed tie: `relations` names relation ids (`#<index>` for relations without
 * one), `relationIndices` index `case.relations`. */
export interface ProjectedTie {
  source: string;
  target: string;
  sign: -1 | 1;
  weight: number;
  relations: (number | string)[];
  relationIndices?: number[];
}

/** An actor in force at the analysed date. */
export interface ProjectedActor {
  id: string;
  name?: string;
  kind?: string;
  size?: number | null;
}

/** Two sides of a configuration: actor ids. */
export type Configuration = [string[], string[]];

export interface UnbalancedTriad {
  actors: [string, string, string];
  pattern: string;
  signs: number[];
  weight: number;
  ties: {
    between: [string, string];
    sign: number;
    relations: { index: number; id?: string | null; type: string; from: string; to: string }[];
  }[];
}

export interface BalanceResult {
  actors: number;
  ties: number;
  frustration: {
    value: number;
    exact: boolean;
    lowerBound: number;
    method: string;
    unique: boolean;
    partition: Configuration;
    perActor: Record<string, number>;
    perActorShare: Record<string, number>;
  };
  triads: {
    counts: Record<string, number>;
    triangles: number;
    balanced: number;
    unbalanced: number;
    ratio: number;
    weightedRatio: number;
  };
  unbalancedTriads: UnbalancedTriad[];
  unbalancedTotal: number;
}

export interface LandscapeMinimum {
  energy: number;
  coalitions: Configuration;
  basin: number | null;
  basinCount?: number;
  strict?: boolean;
}

export interface LandscapeResult {
  exhaustive: boolean;
  configurations: number;
  actorsIncluded: string[];
  minima: LandscapeMinimum[];
  actors: Record<string, { frustration: number; coalition: number }>;
  diagnostics: string[];
}

export interface TippingResult {
  group: string;
  method: 'exact' | 'sweep';
  parameter: { description: string; pairs: [string, string][]; actor: string | null };
  range: [number, number];
  segments: {
    from: number;
    to: number;
    configuration: Configuration;
    energyAtFrom: number;
    energyAtTo: number;
  }[];
  tippingPoints: { value: number; before: Configuration; after: Configuration }[];
}

export interface CoalitionsResult {
  relocation: { k: number; error: number; groups: string[][] }[];
  modularity: { modularity: number; groups: string[][] };
}

export interface LeverageResult {
  dependency: {
    actors: Record<
      string,
      {
        total: number;
        patrons: { patron: string; weight: number; share: number; relations: number[] }[];
        top: { patron: string; weight: number; share: number } | null;
      }
    >;
  };
  threatLeverage: {
    pairs: { regime: string; target: string; value: number; relations: number[] }[];
    leverage: Record<
      string,
      Record<string, { value: number; via: { group: string; control: number; threat: number }[] }>
    >;
  };
  brokerage: {
    actors: Record<
      string,
      { betweenness: number; brokered: number; roles: Record<string, number> }
    >;
  };
}

/** `POST /api/analyze`: the CLI's `analyze --json` bundle plus the projection the map draws. */
export interface AnalysisBundle {
  at: string | null;
  projection: { actors: (ProjectedActor | string)[]; ties: ProjectedTie[] };
  balance: BalanceResult;
  frustration?: unknown;
  landscape: LandscapeResult;
  tipping: TippingResult[];
  coalitions: CoalitionsResult;
  leverage: LeverageResult;
  dependency?: unknown;
}

/** One model parameter (core's `MODEL_PARAMETERS`). */
export interface ModelParameter {
  id: string;
  symbol: string;
  name: string;
  meaning: string;
  default: number;
  range: [number, number];
  unit: string;
  source: string;
}

/** A scenario compiled against its case (or the reason it does not compile). */
export type CompiledScenario =
  | {
      scenario: string;
      start: string;
      months: number;
      regime: string;
      groups: string[];
      states: string[];
      opposition: string | null;
      policies: Record<string, string>;
      uncertain: { id: string; lo: number; hi: number }[];
      outcomes: string[];
      error?: undefined;
    }
  | { scenario: string; error: string };

/** `GET /api/cases/:id/scenarios` */
export interface ScenariosResult {
  scenarios: ScenarioEntry[];
  parameters: ModelParameter[];
  policies?: string[];
  compiled?: CompiledScenario[];
}

/** A scenario of the case, as the case file writes it. */
export interface ScenarioEntry {
  id: string;
  name?: string;
  description?: string;
  start?: string;
  months?: number;
  defaultPolicy?: string;
  policies?: Record<string, string>;
  parameters?: Record<string, number>;
  uncertain?: Record<string, [number, number]>;
}

/** `POST /api/simulate` */
export interface SimulateResult {
  model: {
    start?: string;
    months?: number;
    groups: string[];
    states: string[];
    regime: string;
    opposition?: string | null;
    policies: Record<string, string> | string[];
  };
  parameters?: { id: string; value: number }[];
  trajectory: {
    months: number;
    groups: string[];
    states: string[];
    strength: number[][];
    insecurity: number[][];
    capacity: number[];
    harm: number[];
    [series: string]: unknown;
  };
  outcomes: Record<string, number> | { name: string; value: number }[];
}

export const POLICIES = [
  'engage',
  'conditional',
  'sever',
  'targeted-ct',
  'support-opposition',
] as const;

/** `ExploreOptions` of the experiment API. */
export interface ExploreOptions {
  scenarios: string[];
  sample: 'lhs' | 'sobol' | 'morris';
  runs: number;
  seed: number;
  months?: number;
  parameters?: string[];
  bands?: number;
}

export type JobState = 'queued' | 'running' | 'done' | 'cancelled' | 'failed';

export interface Band {
  scenario: string;
  series: string;
  probs: number[];
  worlds: number;
  values: number[][];
}

export interface HypothesisResult {
  id: string;
  claim?: string | null;
  statement: string;
  policy: string;
  versus?: string | null;
  holds: number;
  ci: [number, number];
  n: number;
  failBox: {
    coverage: number;
    density: number;
    support: number;
    limits: { parameter: string; lo: number; hi: number }[];
  } | null;
}

/** The exploration summary (`entente-exploration/1`). */
export interface ExplorationSummary {
  format: string;
  caseId: string;
  worlds: number;
  completedWorlds: number;
  complete: boolean;
  options: Record<string, unknown>;
  parameters: { id: string; lo: number; hi: number }[];
  hypotheses: HypothesisResult[];
  outcomes: {
    scenario: string;
    metric: string;
    mean: number;
    p05: number;
    p50: number;
    p95: number;
  }[];
  sensitivity: unknown;
  bands: Band[];
}

/** `GET /api/jobs/:id` */
export interface JobStatus {
  id: string;
  state: JobState;
  progress: { done: number; total: number };
  result?: ExplorationSummary;
  error?: { code: string; message: string } | string;
}

/** `POST /api/import` */
export interface ImportResult {
  text: string;
  issues: CaseIssue[];
}

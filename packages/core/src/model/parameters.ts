/**
 * The parameters of entente's dynamic model (docs/model.md, "Parameters"): one entry per symbol of
 * equations M1–M17, with its default, plausible range, unit and source. The order of
 * {@link MODEL_PARAMETERS} is the order of every parameter vector the engine reads.
 */
import { EntenteError } from '../errors.js';

/** One parameter of the model. */
export interface ModelParameter {
  /** Kebab-case id, used in case files (`parameters`, `uncertain`) and on the command line. */
  readonly id: string;
  /** Symbol in docs/model.md. */
  readonly symbol: string;
  readonly name: string;
  readonly meaning: string;
  readonly default: number;
  /** Plausible range [low, high]: what exploration samples by default. */
  readonly range: readonly [number, number];
  readonly unit: string;
  /** Essay paragraph (¶n) and/or published source; "assumption" when no source states it. */
  readonly source: string;
}

/** The parameter table as written; exported frozen as {@link MODEL_PARAMETERS}. */
const PARAMETER_TABLE: readonly ModelParameter[] = [
  {
    id: 'group-growth',
    symbol: 'r',
    name: 'Group growth rate',
    meaning:
      'Intrinsic monthly growth rate of an armed group far below its carrying capacity (M8).',
    default: 0.03,
    range: [0.005, 0.06],
    unit: '1/month',
    source:
      '¶8 (all groups "have become more powerful" over two years); assumption: doubling in about two years is ≈0.03/month',
  },
  {
    id: 'carrying-capacity',
    symbol: 'K',
    name: 'Carrying capacity',
    meaning:
      'Strength a group cannot outgrow without sanctuary, as a multiple of its strength at the start as the case gives it (M8).',
    default: 5,
    range: [1, 20],
    unit: 'multiple of initial strength',
    source:
      '¶7 (IS-K "lacks the military and geographic power that the Taliban possess"); assumption. The range starts at 1, a group already at its capacity (¶8: the TTP "has never caused such trouble … as it has this year"), so groups near capacity are not excluded',
  },
  {
    id: 'sanctuary',
    symbol: 'μ',
    name: 'Sanctuary effect',
    meaning:
      'How much harbouring by the regime raises a group’s carrying capacity: K_g = K(1 + μ h_g) (M8).',
    default: 1,
    range: [0, 3],
    unit: 'multiplier',
    source: '¶7 (groups "benefit from their control over Afghanistan"); assumption',
  },
  {
    id: 'defection',
    symbol: 'δ',
    name: 'Defection inflow',
    meaning:
      'Monthly inflow of regime defectors into a group with a full defection tie when the regime’s capacity is zero (M9).',
    default: 0.0005,
    range: [0, 0.002],
    unit: 'regime size/month',
    source: '¶7 ("disaffected elements of the Taliban joining ISSK"); assumption',
  },
  {
    id: 'regime-suppression',
    symbol: 'σ_R',
    name: 'Regime suppression efficacy',
    meaning:
      'Monthly log-rate at which the regime’s full effort at full capacity removes an unsheltered group (M4).',
    default: 0.05,
    range: [0, 0.2],
    unit: '1/month',
    source: '¶5 (the Taliban "launch operations" against IS-K); assumption',
  },
  {
    id: 'state-suppression',
    symbol: 'σ_S',
    name: 'State counter-terrorism efficacy',
    meaning:
      'Monthly log-rate at which a fully capable state removes a group it fights, with the regime’s cooperation or directly (M4, M7).',
    default: 0.05,
    range: [0, 0.2],
    unit: '1/month',
    source:
      '¶2 (states "working with the Taliban to reduce the threat"); ¶8 doubts it works; assumption',
  },
  {
    id: 'targeted-ct-efficacy',
    symbol: 'τ',
    name: 'Targeted counter-terrorism efficacy',
    meaning:
      'Efficacy of direct strikes without the regime’s cooperation, as a fraction of σ_S per unit of threat weight (M7).',
    default: 0.3,
    range: [0, 1],
    unit: 'fraction',
    source: 'assumption (strikes without ground access; not discussed in the essay)',
  },
  {
    id: 'card',
    symbol: 'κ',
    name: 'Card payoff',
    meaning:
      'Elasticity of an engaging state’s aid to the threat it perceives, relative to the start: aid_s·max(0, 1 + κ(I_s/P̂_s − 1)); what keeping a group alive pays the regime in aid; 0 = aid ignores the threat (M13, M5).',
    default: 0.5,
    range: [0, 1],
    unit: 'elasticity',
    source:
      '¶1 (US aid makes the Taliban "financially dependent on Washington"), ¶5 (IS-K as "a playing card"); the mechanism is the moral hazard of counter-terrorism aid (Bapat 2011); the value is an assumption',
  },
  {
    id: 'engagement-benefit',
    symbol: 'β',
    name: 'Engagement benefit',
    meaning:
      'Value to the regime of one unit of foreign support F (capability-weighted engagement and aid, M13), in the units of ρ (M5).',
    default: 1,
    range: [0, 3],
    unit: 'payoff/support',
    source: '¶1 (aid, legitimacy, patronage); ¶5; assumption',
  },
  {
    id: 'regime-risk',
    symbol: 'ρ',
    name: 'Regime risk aversion',
    meaning: 'Weight the regime gives to the strength of groups it is in armed conflict with (M5).',
    default: 1,
    range: [0, 3],
    unit: 'payoff/log-strength',
    source:
      '¶7 (the Taliban and IS-K are hostile yet the Taliban took "no serious action"); assumption',
  },
  {
    id: 'effort-cost',
    symbol: 'c_E',
    name: 'Effort cost',
    meaning: 'Cost of counter-terrorism effort to the regime: c_E·E² (M6).',
    default: 0.05,
    range: [0.01, 0.2],
    unit: 'payoff',
    source: 'assumption (scale of M5–M6)',
  },
  {
    id: 'threat-response',
    symbol: 'η',
    name: 'Threat response of engagement',
    meaning:
      'Elasticity of a state’s engagement with the regime to the threat it perceives, relative to the start (M10); through M13 it is also part of what the threat pays the regime (M5).',
    default: 0.5,
    range: [0, 1],
    unit: 'elasticity',
    source: '¶4 (states "tolerate the Taliban in order to combat the greater threat of ISSK"); ¶3',
  },
  {
    id: 'engagement-adjustment',
    symbol: 'λ',
    name: 'Engagement adjustment rate',
    meaning:
      'Monthly share of the gap to its target that a state’s engagement and support close (M10, M12).',
    default: 0.1,
    range: [0.02, 0.5],
    unit: '1/month',
    source: 'assumption',
  },
  {
    id: 'verification-threshold',
    symbol: 'ϑ',
    name: 'Verification threshold',
    meaning:
      'Relative reduction of a state’s threat that releases its full conditional support (M11).',
    default: 0.25,
    range: [0.05, 0.5],
    unit: 'fraction',
    source: 'assumption (policy design of conditional engagement)',
  },
  {
    id: 'capacity-floor',
    symbol: 'c_0',
    name: 'Domestic capacity',
    meaning: 'The regime’s capacity without foreign support, 0..1 (M13).',
    default: 0.4,
    range: [0.2, 0.7],
    unit: 'fraction',
    source:
      '¶1 (financial dependence on US aid) and ¶7 (military and geographic power); assumption',
  },
  {
    id: 'foreign-support',
    symbol: 'φ',
    name: 'Foreign support effect',
    meaning: 'Capacity that foreign aid and engagement add at saturation (M13).',
    default: 0.4,
    range: [0, 0.6],
    unit: 'fraction',
    source: '¶1 (US aid makes the Taliban "financially dependent on Washington")',
  },
  {
    id: 'capacity-adjustment',
    symbol: 'λ_C',
    name: 'Capacity adjustment rate',
    meaning: 'Monthly share of the gap to its target that the regime’s capacity closes (M14).',
    default: 0.05,
    range: [0.01, 0.2],
    unit: '1/month',
    source: 'assumption',
  },
  {
    id: 'attrition',
    symbol: 'α',
    name: 'Attrition',
    meaning:
      'Monthly log-rate of capacity loss per unit of hostile strength (groups on the regime, the regime on the opposition) (M14, M15).',
    default: 0.02,
    range: [0, 0.1],
    unit: '1/month',
    source: 'assumption',
  },
  {
    id: 'vacuum-threshold',
    symbol: 'θ',
    name: 'Vacuum threshold',
    meaning:
      'Share of its capacity at the start below which the regime leaves a power vacuum: V > 0 once C < θ·C(0) (M2). θ ≤ 1 starts the run without a vacuum.',
    default: 0.7,
    range: [0.5, 0.95],
    unit: 'fraction of C(0)',
    source:
      '¶6 ("IS-K will take its place" once the Taliban are overthrown); the case’s start (2023) has the Taliban in control, so no vacuum at month 0; how much weakening opens one is an assumption: from losing half the start capacity (0.5) to the first loss (0.95)',
  },
  {
    id: 'vacuum-inflow',
    symbol: 'ν',
    name: 'Vacuum inflow',
    meaning:
      'Extra monthly growth rate a full vacuum gives the groups (and the opposition, by its unity) (M8, M15).',
    default: 0.05,
    range: [0, 0.15],
    unit: '1/month',
    source: '¶6 (without an alternative "ISSK will take its place")',
  },
  {
    id: 'opposition-unity',
    symbol: 'u_0',
    name: 'Opposition unity',
    meaning:
      'Share of a vacuum the opposition fills rather than the groups, without outside support (M3).',
    default: 0.2,
    range: [0, 1],
    unit: 'fraction',
    source: '¶5 ("factionalism among the politicians opposed to the Taliban")',
  },
  {
    id: 'opposition-support',
    symbol: 'ς',
    name: 'Effect of outside support on opposition unity',
    meaning:
      'How much capability-weighted outside support raises the opposition’s unity toward 1 (M3).',
    default: 0.5,
    range: [0, 2],
    unit: '1/capability',
    source: 'assumption (¶5, ¶6 imply an alternative could be built)',
  },
  {
    id: 'shock',
    symbol: 'σ_ε',
    name: 'Shock size',
    meaning:
      'Standard deviation of the monthly multiplicative log-normal shock to group strength (M9).',
    default: 0.05,
    range: [0, 0.2],
    unit: 'log-sd/month',
    source: 'assumption',
  },
];

/** Every parameter of the model, in vector order (see docs/model.md for the equations); frozen. */
export const MODEL_PARAMETERS: readonly ModelParameter[] = Object.freeze(
  PARAMETER_TABLE.map((p) => Object.freeze({ ...p, range: Object.freeze([...p.range] as const) })),
);

/**
 * Hard limits inside which the equations are defined (wider than the plausible ranges); `simulate`
 * refuses values outside them.
 */
export const PARAMETER_LIMITS: readonly (readonly [number, number])[] = Object.freeze(
  MODEL_PARAMETERS.map((p) => {
    switch (p.id) {
      case 'card':
      case 'opposition-unity':
        return [0, 1] as const;
      case 'engagement-adjustment':
      case 'capacity-adjustment':
      case 'vacuum-inflow':
        return [0, 1] as const;
      case 'carrying-capacity':
      case 'effort-cost':
      case 'vacuum-threshold':
      case 'verification-threshold':
        return [1e-9, Number.MAX_VALUE] as const;
      default:
        return [0, Number.MAX_VALUE] as const;
    }
  }).map((limits) => Object.freeze(limits)),
);

const INDEX = new Map(MODEL_PARAMETERS.map((p, i) => [p.id, i]));

/**
 * Index of a parameter in parameter vectors.
 * @throws {EntenteError} `invalid-argument` for an unknown id
 * @example parameterIndex('card') // 7
 */
export function parameterIndex(id: string): number {
  const i = INDEX.get(id);
  if (i === undefined) {
    throw new EntenteError(
      'invalid-argument',
      `parameterIndex: unknown parameter "${id}"; known: ${MODEL_PARAMETERS.map((p) => p.id).join(', ')}`,
    );
  }
  return i;
}

/** A parameter vector holding every default, in {@link MODEL_PARAMETERS} order. */
export function defaultParameters(): Float64Array {
  return Float64Array.from(MODEL_PARAMETERS, (p) => p.default);
}

/** Positions of the parameters in vectors, named for the engine (fixed at module load). */
export const P = {
  r: parameterIndex('group-growth'),
  K: parameterIndex('carrying-capacity'),
  mu: parameterIndex('sanctuary'),
  delta: parameterIndex('defection'),
  sigmaR: parameterIndex('regime-suppression'),
  sigmaS: parameterIndex('state-suppression'),
  tau: parameterIndex('targeted-ct-efficacy'),
  kappa: parameterIndex('card'),
  beta: parameterIndex('engagement-benefit'),
  rho: parameterIndex('regime-risk'),
  cE: parameterIndex('effort-cost'),
  eta: parameterIndex('threat-response'),
  lambda: parameterIndex('engagement-adjustment'),
  vartheta: parameterIndex('verification-threshold'),
  c0: parameterIndex('capacity-floor'),
  phi: parameterIndex('foreign-support'),
  lambdaC: parameterIndex('capacity-adjustment'),
  alpha: parameterIndex('attrition'),
  theta: parameterIndex('vacuum-threshold'),
  nu: parameterIndex('vacuum-inflow'),
  u0: parameterIndex('opposition-unity'),
  varsigma: parameterIndex('opposition-support'),
  sigmaEps: parameterIndex('shock'),
} as const;

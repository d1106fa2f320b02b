/**
 * The month loop of entente's dynamic model: equations M1–M17 of docs/model.md, one to one (each
 * equation's number is cited where it is computed). One kernel serves `simulate`,
 * `simulateOutcomes` and `simulateSeries`, so the three give identical numbers. Each run allocates
 * its own small working space once and nothing per month; the compiled model is only read, so one
 * model can serve any number of runs in any order.
 *
 * The regime's effort (M4–M6) is the maximiser of a payoff in which foreign support answers the
 * threat each supporter perceives, the moral hazard of counter-terrorism aid of Bapat (2011,
 * "Transnational terrorism, US military aid, and the incentive to misrepresent", Journal of Peace
 * Research 48(3)): a host paid while a threat lasts gains from keeping it alive.
 *
 * Random numbers: SplitMix32 (Steele, Lea & Flood, OOPSLA 2014; the generator of
 * analysis/random.ts, inlined) seeded with the run's seed, turned into standard normals by the
 * Box–Muller transform (Box & Muller 1958), one per group and month in a fixed order.
 */
import { EntenteError } from '../errors.js';
import { MODEL_PARAMETERS, P, PARAMETER_LIMITS } from '../model/parameters.js';
import { type CompiledModel, POLICY_CODE } from './compile.js';

const ENGAGE = POLICY_CODE.engage;
const CONDITIONAL = POLICY_CODE.conditional;
const TARGETED_CT = POLICY_CODE['targeted-ct'];
const SUPPORT_OPPOSITION = POLICY_CODE['support-opposition'];

/** Buffers a run writes its trajectory into: row t holds month t (t = 0 … months). */
export interface TrajectoryBuffers {
  /** x_g(t): group strength relative to the regime's size, (months+1) × groups. */
  readonly strength: Float64Array;
  /** I_s(t): insecurity index of each state, (months+1) × states. */
  readonly insecurity: Float64Array;
  /** e_s(t): each state's engagement with the regime, (months+1) × states. */
  readonly engagement: Float64Array;
  /** C(t): the regime's capacity, months+1. */
  readonly capacity: Float64Array;
  /** Mean over groups of the regime's effort E_g(t), months+1. */
  readonly effort: Float64Array;
  /** E_g(t): the regime's effort against each group, (months+1) × groups. */
  readonly groupEffort: Float64Array;
  /** H(t): civilian-harm proxy, months+1. */
  readonly harm: Float64Array;
  /** O(t): opposition strength, months+1. */
  readonly opposition: Float64Array;
  /** V(t): vacuum, months+1. */
  readonly vacuum: Float64Array;
}

/**
 * What a history run observes (docs/model.md, M18–M19), compiled by `compileHistory`: per
 * segment and target, the kind of dyad (0 not fought in that segment, 1 the regime against a
 * group, 2 a state against a group), its group and state, and the strength unit of the segment.
 */
export interface ObservationPlan {
  /** Number of targets. */
  readonly targets: number;
  /** Number of years. */
  readonly years: number;
  /** Segment-major (segment · targets + target): 0 none, 1 regime–group, 2 state–group. */
  readonly kind: Int8Array;
  /** Segment-major: the group of the dyad. */
  readonly group: Int32Array;
  /** Segment-major: the state of the dyad (kind 2). */
  readonly state: Int32Array;
  /** Per segment: the size of its regime relative to the first segment's (strength unit, M18). */
  readonly unit: Float64Array;
  /** Per month t (0 … months − 1): the index of its year. */
  readonly monthYear: Int32Array;
}

/** Number of band series (see BAND_SERIES in outcomes.ts). */
export const SERIES_COUNT = 4;

/**
 * Checks a parameter vector: its length and every value finite and inside its hard limits.
 * @throws {EntenteError} `invalid-argument` naming `operation` and the parameter
 */
export function checkParameters(params: Float64Array, operation: string): void {
  if (!(params instanceof Float64Array) || params.length !== MODEL_PARAMETERS.length) {
    throw new EntenteError(
      'invalid-argument',
      `${operation}: params must be a Float64Array of ${MODEL_PARAMETERS.length} values (MODEL_PARAMETERS order)`,
    );
  }
  for (let i = 0; i < params.length; i++) {
    const v = params[i];
    const [lo, hi] = PARAMETER_LIMITS[i];
    if (!(v >= lo && v <= hi)) {
      throw new EntenteError(
        'invalid-argument',
        `${operation}: parameter "${MODEL_PARAMETERS[i].id}" = ${v} is outside the values the model is defined for [${lo}, ${hi === Number.MAX_VALUE ? '∞' : hi}]`,
      );
    }
  }
}

const TWO_PI = 2 * Math.PI;
const INV_2_32 = 1 / 4_294_967_296;

/** The length of the working space a run of `model` needs (see `runModel`'s `scratch`). */
export function scratchLength(model: CompiledModel): number {
  return 6 * model.groups.length + 6 * model.states.length;
}

/**
 * Runs the model once. Writes the trajectory into `traj`, the band series into `series`
 * ((months+1) × SERIES_COUNT, month-major) and the outcomes into `out`, each when not null.
 * With `obs`, adds `scale` times the monthly fighting of each target (M18–M19) to `obsOut`
 * (targets × years, target-major; the caller zeroes it). `scratch`, when given, is the run's
 * working space ({@link scratchLength}); otherwise the run allocates it. `normals`, when given,
 * holds the run's shocks itself — months × groups standard normals, month-major: group g's shock
 * in month t is `normals[t * groups + g]` — in place of the draws of the seed's generator (which
 * the run then does not use); a caller that moves them gradually gets runs that change gradually
 * (`likelihood-smc.ts`).
 * @throws {EntenteError} `invalid-argument` for a bad parameter vector, a non-integer seed, or
 *   `normals` of the wrong length
 */
export function runModel(
  model: CompiledModel,
  params: Float64Array,
  seed: number,
  traj: TrajectoryBuffers | null,
  series: Float32Array | null,
  out: Float64Array | null,
  operation: string,
  obs: ObservationPlan | null = null,
  scale = 0,
  obsOut: Float64Array | null = null,
  scratch: Float64Array | null = null,
  normals: Float64Array | null = null,
): void {
  checkParameters(params, operation);
  if (!Number.isInteger(seed)) {
    throw new EntenteError('invalid-argument', `${operation}: seed ${seed} is not an integer`);
  }
  const G = model.groups.length;
  const S = model.states.length;
  const T = model.months;
  if (normals !== null && normals.length !== T * G) {
    throw new EntenteError(
      'invalid-argument',
      `${operation}: normals must hold months × groups = ${T * G} values, got ${normals.length}`,
    );
  }

  const r = params[P.r];
  const Kc = params[P.K];
  const mu = params[P.mu];
  const delta = params[P.delta];
  const sigmaR = params[P.sigmaR];
  const sigmaS = params[P.sigmaS];
  const tau = params[P.tau];
  const kappa = params[P.kappa];
  const beta = params[P.beta];
  const rho = params[P.rho];
  const cE = params[P.cE];
  const eta = params[P.eta];
  const lambda = params[P.lambda];
  const vartheta = params[P.vartheta];
  const c0 = params[P.c0];
  const phi = params[P.phi];
  const lambdaC = params[P.lambdaC];
  const alpha = params[P.alpha];
  const theta = params[P.theta];
  const nu = params[P.nu];
  const u0 = params[P.u0];
  const varsigma = params[P.varsigma];
  const sigmaEps = params[P.sigmaEps];
  const shockDrift = (sigmaEps * sigmaEps) / 2;
  const inv2cE = 1 / (2 * cE);

  const { x0, policyCode } = model;
  // The arrays of the current segment (docs/model.md, "History"); segment 0's are the model's.
  let {
    xBar,
    threatGS,
    threatSG,
    conflictGS,
    harbour,
    defect,
    conflict,
    popThreat,
    regimePopThreat,
    ct,
    engagement0,
    aid,
    capability,
    threatRef,
    threatRefTotal,
    oppositionConflict,
  } = model;
  let xRef = model.xRef;
  const segments = model.segments;
  let segment = 0;
  let nextSegmentMonth = segments.length > 1 ? segments[1].month : -1;
  // This run's working space: per group x, E, m, D, K_g, Σ_s w_gs (6G); per state e, p, q, I,
  // coop, the card's marginal payoff (6S).
  const sc =
    scratch !== null && scratch.length === 6 * G + 6 * S
      ? scratch.fill(0)
      : new Float64Array(6 * G + 6 * S);
  const oX = 0;
  const oE = G;
  const oM = 2 * G;
  const oD = 3 * G;
  const oK = 4 * G;
  const oW = 5 * G;
  const oEng = 6 * G;
  const oP = oEng + S;
  const oQ = oP + S;
  const oI = oQ + S;
  const oCoop = oI + S;
  const oCard = oCoop + S;

  // Initial state and per-run constants.
  let F0 = 0;
  for (let s = 0; s < S; s++) {
    sc[oEng + s] = engagement0[s];
    sc[oP + s] = 1;
    sc[oQ + s] = 0;
    F0 += capability[s] * (aid[s] + engagement0[s]);
  }
  let C = Math.min(1, c0 + (phi * F0) / (1 + F0)); // M13 at t = 0 with full support
  let vacuumLine = theta * C; // M2: the vacuum threshold in capacity units
  let O = Math.min(1, model.opposition0);
  for (let g = 0; g < G; g++) sc[oX + g] = x0[g];
  groupConstants(sc, model, xRef, harbour, threatGS, conflictGS, capability, Kc, mu, tau, sigmaS);
  // History observation (M18–M19).
  const nTargets = obs ? obs.targets : 0;
  const nYears = obs ? obs.years : 0;
  let unit = obs ? obs.unit[0] : 1;

  // Outcome accumulators, at the offsets of the one outcome table (outcome-layout.ts).
  const at = model.layout.offset;
  const oInsS = at['insecurity.*.mean'];
  const oEffG = at['effort.*.mean'];
  const oEngS = at['engagement.*.mean'];
  if (out) out.fill(0, 0, model.layout.count);
  let insSum = 0;
  let insMax = 0;
  let ins0 = 0;
  let insT = 0;
  let capSum = 0;
  let effSum = 0;
  let harmSum = 0;
  let vacuumMonths = 0;
  let engSum = 0;

  // SplitMix32 state and the spare normal of Box–Muller.
  let rng = seed | 0;
  let spare = 0;
  let hasSpare = false;

  for (let t = 0; ; t++) {
    if (t === nextSegmentMonth) {
      // H1–H4: the case changes this month; read the next segment's roles and ties.
      const prev = segments[segment];
      segment++;
      const seg = segments[segment];
      nextSegmentMonth = segment + 1 < segments.length ? segments[segment + 1].month : -1;
      ({
        xBar,
        threatGS,
        threatSG,
        conflictGS,
        harbour,
        defect,
        conflict,
        popThreat,
        regimePopThreat,
        ct,
        engagement0,
        aid,
        capability,
        threatRef,
        threatRefTotal,
        oppositionConflict,
        xRef,
      } = seg);
      if (obs) unit = obs.unit[segment];
      for (let g = 0; g < G; g++) {
        if (seg.groupActive[g] === 0)
          sc[oX + g] = 0; // H2: a group that ends leaves
        else if (prev.groupActive[g] === 0)
          sc[oX + g] = xRef[g]; // H2: a new group enters
        else sc[oX + g] *= seg.rescale; // H1: strengths in the new regime's units
      }
      for (let s = 0; s < S; s++) {
        if (seg.stateActive[s] === 0) {
          sc[oEng + s] = 0;
          sc[oP + s] = 0;
          sc[oQ + s] = 0;
        } else if (seg.regimeChange || prev.stateActive[s] === 0) {
          // H3: a state's ties with a new regime (or a state new to the model) start afresh.
          sc[oEng + s] = engagement0[s];
          sc[oP + s] = 1;
          sc[oQ + s] = 0;
        }
      }
      if (seg.regimeChange) {
        // H1: the new regime starts at M13's target with full support; M2's line follows it.
        let F1 = 0;
        for (let s = 0; s < S; s++) F1 += capability[s] * (aid[s] + engagement0[s]);
        C = Math.min(1, c0 + (phi * F1) / (1 + F1));
        vacuumLine = theta * C;
      }
      if (seg.oppositionActive === 0) O = 0;
      else if (prev.oppositionActive === 0) O = Math.min(1, seg.opposition0); // H2
      groupConstants(
        sc,
        model,
        xRef,
        harbour,
        threatGS,
        conflictGS,
        capability,
        Kc,
        mu,
        tau,
        sigmaS,
      );
    }
    // M1: insecurity (perceived threat) of each state.
    let insTotal = 0;
    for (let s = 0; s < S; s++) {
      let sum = 0;
      const row = s * G;
      for (let g = 0; g < G; g++) sum += threatSG[row + g] * sc[oX + g];
      const I = sum / xBar;
      sc[oI + s] = I;
      insTotal += I;
      if (I > insMax) insMax = I;
      if (out) out[oInsS + s] += I;
    }
    if (t === 0) ins0 = insTotal;
    insSum += S > 0 ? insTotal / S : 0;
    // M2: vacuum, relative to the capacity at the start.
    const V = C < vacuumLine ? (vacuumLine - C) / vacuumLine : 0;
    // M3: opposition unity.
    let backing = 0;
    for (let s = 0; s < S; s++) backing += sc[oQ + s] * capability[s];
    const sb = varsigma * backing;
    const u = u0 + (1 - u0) * Math.min(sb, 1);
    // Per-state coefficients of M4 and M5: cooperation, and the marginal support ∂F_s/∂I_s the
    // regime expects from each state's threat (its card), per unit of perceived threat.
    let engMean = 0;
    let cardTotal = 0; // conditional states no group threatens verify the total threat (M11)
    for (let s = 0; s < S; s++) {
      const e = sc[oEng + s];
      engMean += e;
      sc[oCoop + s] = ct[s] * e * capability[s];
      const pol = policyCode[s];
      const ref = threatRef[s];
      let card = 0;
      if (pol === ENGAGE && ref > 0) {
        const ratio = sc[oI + s] / ref - 1;
        const b = engagement0[s];
        const y = 1 + eta * ratio; // M10
        const ya = 1 + kappa * ratio; // M13
        const dEng = y > 0 && b * y < 1 ? b * eta : 0;
        const dAid = ya > 0 ? aid[s] * kappa : 0;
        card = (capability[s] * sc[oP + s] * (dEng + dAid)) / ref;
      } else if (pol === CONDITIONAL) {
        // M11 at its slope 1/ϑ, ignoring its clamp: a verified reduction is paid while it lasts,
        // so relaxing loses what reducing earned.
        const pay = capability[s] * (engagement0[s] + aid[s]);
        if (ref > 0) card = -pay / (ref * vartheta);
        else if (threatRefTotal > 0) cardTotal -= pay / (threatRefTotal * vartheta);
      }
      sc[oCard + s] = card;
    }
    engMean = S > 0 ? engMean / S : 0;
    // M4–M6: suppression rate at full effort, the regime's incentive, its effort.
    let effMean = 0;
    let hostile = 0;
    let harmGroups = 0;
    for (let g = 0; g < G; g++) {
      let coop = 0;
      let card = cardTotal * sc[oW + g];
      const row = g * S;
      for (let s = 0; s < S; s++) {
        const w = threatGS[row + s];
        coop += sc[oCoop + s] * w;
        card += sc[oCard + s] * w;
      }
      const m = (1 - harbour[g]) * (sigmaR * C + sigmaS * coop); // M4
      const k = rho * conflict[g] - (beta * card * sc[oX + g]) / xBar; // M5
      let E = m * k * inv2cE; // M6
      E = Math.max(0, Math.min(E, 1));
      sc[oM + g] = m;
      sc[oE + g] = E;
      effMean += E;
      if (out) out[oEffG + g] += E;
      const x = sc[oX + g];
      hostile += conflict[g] * x;
      harmGroups += popThreat[g] * x;
    }
    effMean = G > 0 ? effMean / G : 0;
    hostile /= xBar;
    if (obs && obsOut && t < T) {
      // M18: each target's fighting this month; M19: its expected deaths, summed by year.
      const year = obs.monthYear[t];
      const row = segment * nTargets;
      for (let j = 0; j < nTargets; j++) {
        const kind = obs.kind[row + j];
        if (kind === 0) continue;
        const g = obs.group[row + j];
        const x = sc[oX + g];
        let f: number;
        if (kind === 1) f = x * (sc[oE + g] * sc[oM + g] + alpha * conflict[g]);
        else {
          const s = obs.state[row + j];
          const a = conflictGS[g * S + s];
          const tct = policyCode[s] === TARGETED_CT ? tau * threatGS[g * S + s] : 0;
          f = x * (sigmaS * (1 - harbour[g]) * capability[s] * (a + tct) + alpha * a);
        }
        obsOut[j * nYears + year] += scale * unit * f;
      }
    }
    // M16: civilian-harm proxy.
    const H = harmGroups / xBar + regimePopThreat * C + (1 - u) * V;

    // Record month t.
    capSum += C;
    effSum += effMean;
    harmSum += H;
    engSum += engMean;
    if (V > 0) vacuumMonths++;
    if (traj) {
      for (let g = 0; g < G; g++) {
        traj.strength[t * G + g] = sc[oX + g];
        traj.groupEffort[t * G + g] = sc[oE + g];
      }
      for (let s = 0; s < S; s++) {
        traj.insecurity[t * S + s] = sc[oI + s];
        traj.engagement[t * S + s] = sc[oEng + s];
      }
      traj.capacity[t] = C;
      traj.effort[t] = effMean;
      traj.harm[t] = H;
      traj.opposition[t] = O;
      traj.vacuum[t] = V;
    }
    if (out) for (let s = 0; s < S; s++) out[oEngS + s] += sc[oEng + s];
    if (series) {
      let total = 0;
      for (let g = 0; g < G; g++) total += sc[oX + g];
      const row = t * 4;
      series[row] = total;
      series[row + 1] = S > 0 ? insTotal / S : 0;
      series[row + 2] = C;
      series[row + 3] = H;
    }
    if (t === T) {
      insT = insTotal;
      break;
    }

    // M8–M9: group strength.
    const rEff = r + nu * V * (1 - u);
    for (let g = 0; g < G; g++) {
      const x = sc[oX + g];
      const growth = ((1 + rEff) * x) / (1 + (rEff * x) / sc[oK + g]); // M8
      const inflow = delta * (1 - C) * defect[g];
      let z: number;
      if (normals !== null) z = normals[t * G + g];
      else if (hasSpare) {
        z = spare;
        hasSpare = false;
      } else {
        rng = (rng + 0x9e3779b9) | 0;
        let h = Math.imul(rng ^ (rng >>> 16), 0x21f0aaad);
        h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
        const u1 = (((h ^ (h >>> 15)) >>> 0) + 0.5) * INV_2_32;
        rng = (rng + 0x9e3779b9) | 0;
        h = Math.imul(rng ^ (rng >>> 16), 0x21f0aaad);
        h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
        const u2 = ((h ^ (h >>> 15)) >>> 0) * INV_2_32;
        const radius = Math.sqrt(-2 * Math.log(u1));
        z = radius * Math.cos(TWO_PI * u2);
        spare = radius * Math.sin(TWO_PI * u2);
        hasSpare = true;
      }
      // M9
      sc[oX + g] =
        (growth + inflow) *
        Math.exp(-sc[oE + g] * sc[oM + g] - sc[oD + g] + sigmaEps * z - shockDrift);
    }

    // M10–M13: engagement, verified reduction, support stance, backing of the opposition, and
    // the foreign support of month t.
    let F = 0;
    for (let s = 0; s < S; s++) {
      const pol = policyCode[s];
      const I = sc[oI + s];
      const ref = threatRef[s];
      const b = engagement0[s];
      const p = sc[oP + s];
      const ratio = ref > 0 ? I / ref - 1 : 0;
      // M13: a conditional state pays its fixed flows by verified reduction (through p); every
      // other state pays its engagement and aid that answers the threat it perceives.
      F +=
        pol === CONDITIONAL
          ? p * capability[s] * (b + aid[s])
          : p * capability[s] * (sc[oEng + s] + aid[s] * Math.max(0, 1 + kappa * ratio));
      let target = 0; // M10
      if (pol === ENGAGE || pol === CONDITIONAL) {
        target = Math.max(0, Math.min(b * (1 + eta * ratio), 1));
      }
      sc[oEng + s] += lambda * (target - sc[oEng + s]);
      let stance = 0; // M12
      if (pol === ENGAGE) stance = 1;
      else if (pol === CONDITIONAL) {
        // M11: verified reduction of the threat to s (or of the total threat when s faces none).
        const reduction =
          ref > 0 ? 1 - I / ref : threatRefTotal > 0 ? 1 - insTotal / threatRefTotal : 1;
        // With no threat anywhere there is nothing to verify: full support (v = 1, as M11 says).
        const v = ref > 0 || threatRefTotal > 0 ? reduction / vartheta : 1;
        stance = Math.max(0, Math.min(v, 1));
      }
      sc[oP + s] = p + lambda * (stance - p);
      sc[oQ + s] += lambda * ((pol === SUPPORT_OPPOSITION ? 1 : 0) - sc[oQ + s]);
    }
    // M13–M14: regime capacity.
    const cStar = Math.min(1, c0 + (phi * F) / (1 + F));
    const Cnext = (C + lambdaC * (cStar - C)) * Math.exp(-alpha * hostile);
    // M15: opposition strength.
    O = (O + nu * V * u * (1 - O)) * Math.exp(-alpha * oppositionConflict * C);
    C = Cnext;
  }

  if (out) {
    // M17: outcomes.
    const months = T + 1;
    let first = 0;
    let last = 0;
    for (let g = 0; g < G; g++) {
      first += x0[g];
      const x = sc[oX + g];
      last += x;
      out[at['strength.*.change'] + g] = change(x, x0[g], model.xRef[g]);
    }
    out[at['strength.total.change']] = change(last, first, xBar);
    out[at['strength.total.final']] = last;
    out[at['insecurity.mean']] = insSum / months;
    for (let s = 0; s < S; s++) out[oInsS + s] /= months;
    out[at['insecurity.max']] = insMax;
    out[at['insecurity.change']] = ins0 > 0 ? insT / ins0 - 1 : 0;
    out[at['capacity.final']] = C;
    out[at['capacity.mean']] = capSum / months;
    out[at['effort.mean']] = effSum / months;
    for (let g = 0; g < G; g++) out[oEffG + g] /= months;
    out[at['harm.total']] = harmSum;
    out[at['vacuum.months']] = vacuumMonths;
    out[at['opposition.final']] = O;
    out[at['engagement.mean']] = engSum / months;
    for (let s = 0; s < S; s++) out[oEngS + s] /= months;
  }
}

/**
 * Per-group constants of a segment, written into the run's working space at `runModel`'s
 * offsets: D_g (M7) at 3G, K_g (M8) at 4G, Σ_s w_gs at 5G.
 */
function groupConstants(
  sc: Float64Array,
  model: CompiledModel,
  xRef: Float64Array,
  harbour: Float64Array,
  threatGS: Float64Array,
  conflictGS: Float64Array,
  capability: Float64Array,
  Kc: number,
  mu: number,
  tau: number,
  sigmaS: number,
): void {
  const G = model.groups.length;
  const S = model.states.length;
  const policyCode = model.policyCode;
  const oD = 3 * G;
  const oK = 4 * G;
  const oW = 5 * G;
  for (let g = 0; g < G; g++) {
    // A group inactive in the segment has x = 0; K_g = 1 keeps M8 defined (its growth is 0).
    sc[oK + g] = xRef[g] > 0 ? Kc * xRef[g] * (1 + mu * harbour[g]) : 1; // M8: K_g
    let direct = 0; // M7
    let wSum = 0;
    for (let s = 0; s < S; s++) {
      const tct = policyCode[s] === TARGETED_CT ? tau * threatGS[g * S + s] : 0;
      direct += capability[s] * (conflictGS[g * S + s] + tct);
      wSum += threatGS[g * S + s];
    }
    sc[oD + g] = sigmaS * (1 - harbour[g]) * direct;
    sc[oW + g] = wSum;
  }
}

/** Relative change final/initial − 1; from a zero start, relative to the reference instead. */
function change(final: number, initial: number, reference: number): number {
  if (initial > 0) return final / initial - 1;
  return reference > 0 ? final / reference - 1 : 0;
}

/**
 * The dynamic model of docs/model.md written naively, as a baseline for bench/simulate.js: one
 * object per actor, Maps keyed by actor id, arrays of objects, a fresh object per month — no
 * typed arrays, no precomputation beyond reading the case. Same equations (M1–M17), same
 * random stream (SplitMix32 + Box–Muller, one normal per group and month in group order), so
 * its outcomes equal the engine's to rounding. Written from the doc's equations as issue 9 left
 * them: the vacuum line is a share θ of C(0) (M2), the regime's incentive is the support the
 * threat brings, k_g = ρ c_g − β Σ_s F'_s w_gs x_g / X̄ (M5), and an engaging state's aid follows
 * the threat it perceives (M13).
 *
 * Run alone: `node bench/simulate-naive.js [scenario] [seed]` prints the outcomes.
 */
import { readFileSync } from 'node:fs';
import {
  caseAt,
  effectiveRelations,
  latestCaseDate,
  loadCase,
  MODEL_PARAMETERS,
} from '../packages/core/dist/index.js';

const DIPLOMATIC = new Set([
  'engagement',
  'hosting',
  'lobbying',
  'mediation',
  'recognition',
  'diplomatic-support',
]);

/** Builds the naive model: actor objects with their ties, from the case read at the start date. */
export function naiveModel(c, scenarioId) {
  const scenario = c.scenarios.find((s) => s.id === scenarioId);
  const start = scenario.start ?? latestCaseDate(c) ?? '';
  const snap = start === '' ? c : caseAt(c, start);
  const rels = effectiveRelations(snap);
  const regime = snap.actors.find((a) => a.kind === 'regime');
  const groupIds = new Set(snap.actors.filter((a) => a.kind === 'armed-group').map((a) => a.id));
  const population = snap.actors.find((a) => a.kind === 'population');
  const opposition = snap.actors.find((a) => a.kind === 'opposition');
  const R = regime.id;
  const rs = regime.size?.value;
  const groups = new Map();
  for (const a of snap.actors.filter((x) => x.kind === 'armed-group')) {
    const ref = a.size?.value !== undefined && rs ? a.size.value / rs : 0.01;
    groups.set(a.id, {
      id: a.id,
      ref,
      x: ref * (scenario.strengthFactor?.[a.id] ?? 1),
      threats: new Map(),
      conflictWith: new Map(),
      harbour: 0,
      defect: 0,
      conflict: 0,
      pop: population ? 0 : 1,
    });
  }
  const states = new Map();
  for (const a of snap.actors.filter((x) => x.kind === 'state')) {
    const part = rels.some(
      (r) =>
        (r.relation.from === a.id && r.relation.to === R) ||
        (r.relation.to === a.id && r.relation.from === R) ||
        (r.relation.type === 'threat' && r.relation.to === a.id && groupIds.has(r.relation.from)),
    );
    if (!part) continue;
    const v = a.size?.value;
    states.set(a.id, {
      id: a.id,
      cap: v !== undefined && rs !== undefined ? v / (v + rs) : 0.5,
      policy: scenario.policies?.[a.id] ?? scenario.defaultPolicy ?? 'engage',
      ct: 0,
      b: 0,
      aid: 0,
    });
  }
  let regimePop = 0;
  let oppConflict = 0;
  for (const r of rels) {
    const { from, to, type } = r.relation;
    const w = r.weight;
    if (type === 'threat') {
      if (groups.has(from) && states.has(to))
        groups.get(from).threats.set(to, Math.max(groups.get(from).threats.get(to) ?? 0, w));
      if (groups.has(from) && population && to === population.id)
        groups.get(from).pop = Math.max(groups.get(from).pop, w);
      if (from === R && population && to === population.id) regimePop = Math.max(regimePop, w);
    } else if (type === 'harbouring' && from === R && groups.has(to)) {
      groups.get(to).harbour = Math.max(groups.get(to).harbour, w);
    } else if (type === 'defection' && from === R && groups.has(to)) {
      groups.get(to).defect = Math.max(groups.get(to).defect, w);
    } else if (type === 'armed-conflict') {
      const g = groups.get(from) ?? groups.get(to);
      const other = groups.has(from) ? to : from;
      if (g && other === R) g.conflict = Math.max(g.conflict, w);
      if (g && states.has(other))
        g.conflictWith.set(other, Math.max(g.conflictWith.get(other) ?? 0, w));
      if (opposition && [from, to].includes(R) && [from, to].includes(opposition.id))
        oppConflict = Math.max(oppConflict, w);
    } else if (type === 'counter-terrorism-cooperation') {
      const s = states.get(from) ?? states.get(to);
      const other = states.has(from) ? to : from;
      if (s && other === R) s.ct = Math.max(s.ct, w);
    } else if (type === 'aid' && states.has(from) && to === R) {
      states.get(from).aid = Math.max(states.get(from).aid, w);
    } else if (DIPLOMATIC.has(type) && states.has(from) && to === R) {
      states.get(from).b = Math.max(states.get(from).b, w);
    }
  }
  let xBar = 0;
  for (const g of groups.values()) xBar += g.ref;
  if (!(xBar > 0)) xBar = 1;
  for (const s of states.values()) {
    s.ref = 0;
    for (const g of groups.values()) s.ref += ((g.threats.get(s.id) ?? 0) * g.ref) / xBar;
  }
  const params = {};
  for (const p of MODEL_PARAMETERS) params[p.id] = scenario.parameters?.[p.id] ?? p.default;
  return {
    months: scenario.months ?? 120,
    groups: [...groups.values()],
    states: [...states.values()],
    xBar,
    regimePop,
    oppConflict,
    o0: opposition
      ? opposition.size?.value !== undefined && rs
        ? opposition.size.value / rs
        : 0.01
      : 0,
    params,
  };
}

function rngFrom(seed) {
  let state = seed | 0;
  let spare = null;
  const uniform = () => {
    state = (state + 0x9e3779b9) | 0;
    let h = Math.imul(state ^ (state >>> 16), 0x21f0aaad);
    h = Math.imul(h ^ (h >>> 15), 0x735a2d97);
    return (h ^ (h >>> 15)) >>> 0;
  };
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const u1 = (uniform() + 0.5) / 4_294_967_296;
    const u2 = uniform() / 4_294_967_296;
    const radius = Math.sqrt(-2 * Math.log(u1));
    spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  };
}

const clamp01 = (v) => Math.max(0, Math.min(v, 1));

/** Runs the naive model and returns its outcomes as an object keyed by outcome name. */
export function naiveOutcomes(model, overrides, seed) {
  const P = { ...model.params, ...overrides };
  const normal = rngFrom(seed);
  const kappa = P.card;
  const eta = P['threat-response'];
  const lambda = P['engagement-adjustment'];
  const vartheta = P['verification-threshold'];
  // Fresh objects for the run's state.
  const groups = model.groups.map((g) => ({ ...g, x0: g.x, E: 0, m: 0 }));
  const states = model.states.map((s) => ({ ...s, e: s.b, p: 1, q: 0, I: 0 }));
  const totalRef = states.reduce((a, s) => a + s.ref, 0);
  const perceive = () => {
    // M1: insecurity, the threat each state perceives.
    for (const s of states) {
      let sum = 0;
      for (const g of groups) sum += (g.threats.get(s.id) ?? 0) * g.x;
      s.I = sum / model.xBar;
    }
  };
  // y_s and y^A_s of M10 and M13: the threat against its reference (ratio 1 when P̂_s = 0).
  const threatRatio = (s) => (s.ref > 0 ? s.I / s.ref : 1);
  // M13: one state's support.
  const support = (s) =>
    s.policy === 'conditional'
      ? s.p * s.cap * (s.b + s.aid)
      : s.p * s.cap * (s.e + s.aid * Math.max(0, 1 + kappa * (threatRatio(s) - 1)));
  const capacityTarget = (F) =>
    Math.min(1, P['capacity-floor'] + (P['foreign-support'] * F) / (1 + F));
  // C(0): the target of M13 with full support (p = 1, e = b) at the start's threat, read as the
  // threat the case gives at the start date, P̂_s (so y^A_s = 1 whatever the scenario's
  // strengthFactor); the engine reads it so too.
  for (const s of states) s.I = s.ref;
  let C = capacityTarget(states.reduce((a, s) => a + support(s), 0));
  const C0 = C;
  let O = Math.min(1, model.o0);
  const history = [];
  for (let t = 0; ; t++) {
    const row = { insecurity: new Map(), effort: new Map(), engagement: new Map() };
    perceive();
    let insTotal = 0;
    for (const s of states) {
      insTotal += s.I;
      row.insecurity.set(s.id, s.I);
    }
    // M2: a share θ of the start capacity.
    const line = P['vacuum-threshold'] * C0;
    const V = C < line ? (line - C) / line : 0;
    // M3
    let backing = 0;
    for (const s of states) backing += s.q * s.cap;
    const u =
      P['opposition-unity'] +
      (1 - P['opposition-unity']) * Math.min(P['opposition-support'] * backing, 1);
    // M5: F'_s, the support each state gives per unit of the threat it perceives.
    const slope = new Map();
    let totalSlope = 0; // conditional states no group threatens: against the total threat
    for (const s of states) {
      let d = 0;
      if (s.policy === 'engage' && s.ref > 0) {
        const y = 1 + eta * (s.I / s.ref - 1);
        const yA = 1 + kappa * (s.I / s.ref - 1);
        const dEng = 0 < y && s.b * y < 1 ? s.b * eta : 0;
        const dAid = 0 < yA ? s.aid * kappa : 0;
        d = (s.cap * s.p * (dEng + dAid)) / s.ref;
      } else if (s.policy === 'conditional') {
        if (s.ref > 0) d = -(s.cap * (s.b + s.aid)) / (s.ref * vartheta);
        else if (totalRef > 0) totalSlope += -(s.cap * (s.b + s.aid)) / (totalRef * vartheta);
      }
      slope.set(s.id, d);
    }
    let hostile = 0;
    let harmGroups = 0;
    for (const g of groups) {
      let coop = 0;
      let gain = 0;
      for (const s of states) {
        const w = g.threats.get(s.id) ?? 0;
        coop += s.ct * s.e * s.cap * w; // M4
        gain += (slope.get(s.id) * w * g.x) / model.xBar; // M5
        gain += (totalSlope * w * g.x) / model.xBar;
      }
      g.m = (1 - g.harbour) * (P['regime-suppression'] * C + P['state-suppression'] * coop); // M4
      const k = P['regime-risk'] * g.conflict - P['engagement-benefit'] * gain; // M5
      g.E = clamp01((g.m * k) / (2 * P['effort-cost'])); // M6
      row.effort.set(g.id, g.E);
      hostile += g.conflict * g.x;
      harmGroups += g.pop * g.x;
    }
    hostile /= model.xBar;
    for (const s of states) row.engagement.set(s.id, s.e);
    row.strength = new Map(groups.map((g) => [g.id, g.x]));
    row.insTotal = insTotal;
    row.C = C;
    row.V = V;
    row.O = O;
    row.H = harmGroups / model.xBar + model.regimePop * C + (1 - u) * V; // M16
    history.push(row);
    if (t === model.months) break;

    const rEff = P['group-growth'] + P['vacuum-inflow'] * V * (1 - u);
    for (const g of groups) {
      let direct = 0; // M7
      for (const s of states) {
        const tct =
          s.policy === 'targeted-ct' ? P['targeted-ct-efficacy'] * (g.threats.get(s.id) ?? 0) : 0;
        direct += s.cap * ((g.conflictWith.get(s.id) ?? 0) + tct);
      }
      const D = P['state-suppression'] * (1 - g.harbour) * direct;
      const K = P['carrying-capacity'] * g.ref * (1 + P.sanctuary * g.harbour);
      const growth = ((1 + rEff) * g.x) / (1 + (rEff * g.x) / K); // M8
      const inflow = P.defection * (1 - C) * g.defect;
      const z = normal();
      const se = P.shock;
      g.x = (growth + inflow) * Math.exp(-g.E * g.m - D + se * z - (se * se) / 2); // M9
    }
    let F = 0;
    for (const s of states) {
      F += support(s); // M13, from the state of month t
      const engages = s.policy === 'engage' || s.policy === 'conditional';
      const target = !engages ? 0 : s.ref > 0 ? clamp01(s.b * (1 + eta * (s.I / s.ref - 1))) : s.b; // M10
      let stance = 0; // M12
      if (s.policy === 'engage') stance = 1;
      else if (s.policy === 'conditional') {
        // M11
        stance =
          s.ref > 0
            ? clamp01((1 - s.I / s.ref) / vartheta)
            : totalRef > 0
              ? clamp01((1 - insTotal / totalRef) / vartheta)
              : 1;
      }
      s.e += lambda * (target - s.e);
      s.p += lambda * (stance - s.p);
      s.q += lambda * ((s.policy === 'support-opposition' ? 1 : 0) - s.q);
    }
    const Cnext =
      (C + P['capacity-adjustment'] * (capacityTarget(F) - C)) * Math.exp(-P.attrition * hostile); // M14
    O = (O + P['vacuum-inflow'] * V * u * (1 - O)) * Math.exp(-P.attrition * model.oppConflict * C); // M15
    C = Cnext;
  }

  // M17 from the history of month objects.
  const n = history.length;
  const first = history[0];
  const last = history[n - 1];
  const sum = (f) => history.reduce((a, r) => a + f(r), 0);
  const out = {};
  const total0 = groups.reduce((a, g) => a + g.x0, 0);
  const totalT = groups.reduce((a, g) => a + last.strength.get(g.id), 0);
  out['strength.total.change'] = totalT / total0 - 1;
  // x_g(T) / x_g(0) − 1, against x̂_g when x_g(0) = 0 (a group a scenario starts at nothing).
  for (const g of groups)
    out[`strength.${g.id}.change`] = last.strength.get(g.id) / (g.x0 > 0 ? g.x0 : g.ref) - 1;
  out['strength.total.final'] = totalT;
  out['insecurity.mean'] = sum((r) => r.insTotal / states.length) / n;
  for (const s of states) out[`insecurity.${s.id}.mean`] = sum((r) => r.insecurity.get(s.id)) / n;
  out['insecurity.max'] = Math.max(...history.flatMap((r) => [...r.insecurity.values()]));
  out['insecurity.change'] = first.insTotal > 0 ? last.insTotal / first.insTotal - 1 : 0;
  out['capacity.final'] = last.C;
  out['capacity.mean'] = sum((r) => r.C) / n;
  out['effort.mean'] =
    sum((r) => [...r.effort.values()].reduce((a, v) => a + v, 0) / groups.length) / n;
  for (const g of groups) out[`effort.${g.id}.mean`] = sum((r) => r.effort.get(g.id)) / n;
  out['harm.total'] = sum((r) => r.H);
  out['vacuum.months'] = history.filter((r) => r.V > 0).length;
  out['opposition.final'] = last.O;
  out['engagement.mean'] =
    sum((r) => [...r.engagement.values()].reduce((a, v) => a + v, 0) / states.length) / n;
  for (const s of states) out[`engagement.${s.id}.mean`] = sum((r) => r.engagement.get(s.id)) / n;
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const c = loadCase(
    readFileSync(new URL('../cases/afghanistan-2023.yaml', import.meta.url), 'utf8'),
  ).case;
  const model = naiveModel(c, process.argv[2] ?? 'status-quo');
  console.log(naiveOutcomes(model, {}, Number(process.argv[3] ?? 1)));
}

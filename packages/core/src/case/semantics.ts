/**
 * Checks that need the whole case: unique ids, references to actors, sources, relations and
 * relation types, date order, evidence locators, size ranges, assumptions with rationales.
 *
 * It reads the raw parsed data defensively, so that it can run even when the schema check found
 * problems and every error is reported at once.
 */

import { calibrationSectionIssues } from '../calibration/case-targets.js';
import { eventMappingIssues } from '../events/mapping.js';
import { OUTCOME_FAMILIES, outcomeFamily } from '../model/outcome-layout.js';
import { MODEL_PARAMETERS } from '../model/parameters.js';
import { DATE_PATTERN, parseCaseDate } from './dates.js';
import { HYPOTHESIS_CLAIMANTS } from './hypotheses.js';
import type { CaseIssue, CaseIssueCode, Severity } from './issues.js';
import { observedHypothesisIssues } from './observed-checks.js';
import { didYouMean } from './suggest.js';
import { BUILTIN_VOCABULARY } from './vocabulary.js';

type Path = (string | number)[];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function records(v: unknown): [number, Record<string, unknown>][] {
  if (!Array.isArray(v)) return [];
  const out: [number, Record<string, unknown>][] = [];
  v.forEach((item, i) => {
    if (isRecord(item)) out.push([i, item]);
  });
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** Dates may be written as a bare year number in YAML. */
const dateText = (v: unknown): string | undefined =>
  typeof v === 'number' && Number.isInteger(v) ? String(v) : str(v);

function pathPrefix(path: Path): string {
  const text = path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
  return text === '' ? '' : `${text}: `;
}

/** Runs every cross-reference check on raw case data. */
export function checkSemantics(data: unknown): CaseIssue[] {
  const issues: CaseIssue[] = [];
  if (!isRecord(data)) return issues;
  const push = (
    code: CaseIssueCode,
    path: Path,
    message: string,
    severity: Severity = 'error',
    suggestion?: string,
  ) => {
    const located = `${pathPrefix(path)}${message}`;
    const full = suggestion === undefined ? located : `${located}; did you mean "${suggestion}"?`;
    issues.push(
      suggestion === undefined
        ? { code, severity, message: full, path }
        : { code, severity, message: full, path, suggestion },
    );
  };

  const collectIds = (section: string, what: string): Set<string> => {
    const seen = new Map<string, number>();
    for (const [i, item] of records(data[section])) {
      const id = str(item.id);
      if (id === undefined) continue;
      const first = seen.get(id);
      if (first !== undefined) {
        push(
          'duplicate-id',
          [section, i, 'id'],
          `${what} id "${id}" is already used by ${section}[${first}]`,
        );
      } else seen.set(id, i);
    }
    return new Set(seen.keys());
  };

  const sourceIds = collectIds('sources', 'source');
  const actorIds = collectIds('actors', 'actor');
  const relationIds = collectIds('relations', 'relation');
  collectIds('periods', 'period');
  collectIds('mechanisms', 'mechanism');
  const claimIds = collectIds('claims', 'claim');
  const scenarioIds = collectIds('scenarios', 'scenario');
  collectIds('alignments', 'alignment');
  collectIds('hypotheses', 'hypothesis');

  const refActor = (value: unknown, path: Path) => {
    const ref = str(value);
    if (ref === undefined || actorIds.has(ref)) return;
    push('unknown-actor', path, `no actor has id "${ref}"`, 'error', didYouMean(ref, actorIds));
  };
  const refSource = (value: unknown, path: Path) => {
    const ref = str(value);
    if (ref === undefined || sourceIds.has(ref)) return;
    push('unknown-source', path, `no source has id "${ref}"`, 'error', didYouMean(ref, sourceIds));
  };
  const checkSpan = (
    item: Record<string, unknown>,
    path: Path,
    sinceKey: string,
    untilKey: string,
  ) => {
    const since = dateText(item[sinceKey]);
    const until = dateText(item[untilKey]);
    const s = since === undefined ? undefined : parseCaseDate(since);
    const u = until === undefined ? undefined : parseCaseDate(until);
    if (since !== undefined && s === undefined && DATE_PATTERN.test(since)) {
      push('invalid-date', [...path, sinceKey], `"${since}" is not a real date`);
    }
    if (until !== undefined && u === undefined && DATE_PATTERN.test(until)) {
      push('invalid-date', [...path, untilKey], `"${until}" is not a real date`);
    }
    if (s && u && u.end < s.start) {
      push(
        'until-before-since',
        [...path, untilKey],
        `${untilKey} ${until} is before ${sinceKey} ${since}`,
      );
    }
  };
  const checkEvidence = (list: unknown, path: Path) => {
    for (const [i, ev] of records(list)) {
      const at = [...path, i];
      refSource(ev.source, [...at, 'source']);
      if (ev.kind === 'data') continue;
      if (ev.paragraph === undefined && ev.span === undefined) {
        push(
          'missing-locator',
          at,
          'evidence needs a paragraph (with an optional sentence) or a span',
        );
      }
      if (ev.sentence !== undefined && ev.paragraph === undefined) {
        push('missing-locator', [...at, 'sentence'], 'a sentence index needs its paragraph');
      }
      const span = ev.span;
      if (Array.isArray(span) && typeof span[0] === 'number' && typeof span[1] === 'number') {
        if (span[1] < span[0])
          push(
            'invalid-range',
            [...at, 'span'],
            `span end ${span[1]} is before its start ${span[0]}`,
          );
      }
    }
  };

  for (const [i, source] of records(data.sources)) {
    const date = dateText(source.date);
    if (date !== undefined && DATE_PATTERN.test(date) && parseCaseDate(date) === undefined) {
      push('invalid-date', ['sources', i, 'date'], `"${date}" is not a real date`);
    }
  }

  for (const [i, actor] of records(data.actors)) {
    checkSpan(actor, ['actors', i], 'since', 'until');
    const size = actor.size;
    if (isRecord(size)) {
      if (size.source !== undefined) refSource(size.source, ['actors', i, 'size', 'source']);
      const range = size.range;
      if (Array.isArray(range) && typeof range[0] === 'number' && typeof range[1] === 'number') {
        if (range[1] < range[0]) {
          push(
            'invalid-range',
            ['actors', i, 'size', 'range'],
            `range [${range[0]}, ${range[1]}] is reversed`,
          );
        } else if (
          typeof size.value === 'number' &&
          (size.value < range[0] || size.value > range[1])
        ) {
          push(
            'size-outside-range',
            ['actors', i, 'size', 'value'],
            `value ${size.value} lies outside its range [${range[0]}, ${range[1]}]`,
          );
        }
      }
    }
  }

  const types = new Set(BUILTIN_VOCABULARY.map((d) => d.type));
  for (const [i, def] of records(data.vocabulary)) {
    const type = str(def.type);
    if (type === undefined) continue;
    if (types.has(type) && BUILTIN_VOCABULARY.some((d) => d.type === type)) {
      push(
        'vocabulary-override',
        ['vocabulary', i, 'type'],
        `"${type}" overrides the built-in relation type`,
        'warning',
      );
    }
    types.add(type);
  }

  for (const [i, rel] of records(data.relations)) {
    const at: Path = ['relations', i];
    refActor(rel.from, [...at, 'from']);
    refActor(rel.to, [...at, 'to']);
    if (str(rel.from) !== undefined && rel.from === rel.to) {
      push('self-relation', [...at, 'to'], `relation goes from "${String(rel.from)}" to itself`);
    }
    const type = str(rel.type);
    if (type !== undefined && !types.has(type)) {
      push(
        'unknown-relation-type',
        [...at, 'type'],
        `"${type}" is not in the vocabulary (add it under vocabulary:)`,
        'error',
        didYouMean(type, types),
      );
    }
    checkSpan(rel, at, 'since', 'until');
    const wr = rel.weightRange;
    if (Array.isArray(wr) && typeof wr[0] === 'number' && typeof wr[1] === 'number') {
      const w = typeof rel.weight === 'number' ? rel.weight : 1;
      if (wr[1] < wr[0]) {
        push(
          'invalid-range',
          [...at, 'weightRange'],
          `weightRange [${wr[0]}, ${wr[1]}] is reversed`,
        );
      } else if (w < wr[0] || w > wr[1]) {
        push(
          'invalid-range',
          [...at, 'weightRange'],
          `weight ${w} lies outside its weightRange [${wr[0]}, ${wr[1]}]`,
        );
      }
    }
    if (rel.assumption === true && (str(rel.rationale) ?? '').trim() === '') {
      push(
        'missing-rationale',
        [...at, 'assumption'],
        'an assumed relation needs a rationale saying why it is believed',
      );
    }
    const evidence = rel.evidence;
    checkEvidence(evidence, [...at, 'evidence']);
    const hasEvidence = Array.isArray(evidence) && evidence.length > 0;
    if (!hasEvidence && rel.assumption !== true) {
      push(
        'unsupported-relation',
        at,
        'relation has no evidence and is not marked assumption: true',
        'warning',
      );
    }
  }

  for (const [i, period] of records(data.periods))
    checkSpan(period, ['periods', i], 'start', 'end');

  for (const [i, mech] of records(data.mechanisms)) {
    const actors = mech.actors;
    if (Array.isArray(actors)) {
      actors.forEach((a, j) => {
        refActor(a, ['mechanisms', i, 'actors', j]);
      });
    }
    const rels = mech.relations;
    if (Array.isArray(rels)) {
      rels.forEach((r, j) => {
        const ref = str(r);
        if (ref !== undefined && !relationIds.has(ref)) {
          push(
            'unknown-relation',
            ['mechanisms', i, 'relations', j],
            `no relation has id "${ref}"`,
            'error',
            didYouMean(ref, relationIds),
          );
        }
      });
    }
    checkEvidence(mech.evidence, ['mechanisms', i, 'evidence']);
  }
  for (const [i, alignment] of records(data.alignments)) {
    const groups = alignment.coalitions;
    if (!Array.isArray(groups)) continue;
    const placed = new Map<string, number>();
    groups.forEach((group, g) => {
      if (!Array.isArray(group)) return;
      group.forEach((a, j) => {
        const at: Path = ['alignments', i, 'coalitions', g, j];
        refActor(a, at);
        const ref = str(a);
        if (ref === undefined) return;
        const first = placed.get(ref);
        if (first !== undefined)
          push('duplicate-id', at, `actor "${ref}" is already in coalition ${first}`);
        else placed.set(ref, g);
      });
    });
  }
  for (const [i, claim] of records(data.claims)) {
    const actors = claim.actors;
    if (Array.isArray(actors)) {
      actors.forEach((a, j) => {
        refActor(a, ['claims', i, 'actors', j]);
      });
    }
    checkEvidence(claim.evidence, ['claims', i, 'evidence']);
  }
  checkScenarios(data, push);
  for (const issue of eventMappingIssues(data.events, actorIds)) {
    push(issue.code, issue.path, issue.message);
  }
  for (const issue of calibrationSectionIssues(data.calibration, actorIds)) {
    push(issue.code, issue.path, issue.message);
  }
  checkHypotheses(data, push, scenarioIds, claimIds);
  return issues;
}

type Push = (
  code: CaseIssueCode,
  path: Path,
  message: string,
  severity?: Severity,
  suggestion?: string,
) => void;

const PARAMETERS = new Map(MODEL_PARAMETERS.map((p) => [p.id, p]));
const PARAMETER_IDS = MODEL_PARAMETERS.map((p) => p.id);

/** Actor kinds by id, read defensively from raw data. */
function actorKinds(data: Record<string, unknown>): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const [, actor] of records(data.actors)) {
    const id = str(actor.id);
    if (id !== undefined && !kinds.has(id)) kinds.set(id, str(actor.kind) ?? '');
  }
  return kinds;
}

/**
 * Scenarios (docs/model.md, "Policies and scenarios"): policies name state actors, factors name
 * armed groups, parameters exist and their values and ranges lie within the plausible ranges.
 */
function checkScenarios(data: Record<string, unknown>, push: Push): void {
  const kinds = actorKinds(data);
  const refKind = (id: string, path: Path, kind: string, what: string) => {
    const actual = kinds.get(id);
    if (actual === undefined) {
      push('unknown-actor', path, `no actor has id "${id}"`, 'error', didYouMean(id, kinds.keys()));
    } else if (actual !== kind) {
      push(
        'policy-not-state',
        path,
        `${what} "${id}", which is a ${actual || 'actor'}, not ${kind === 'state' ? 'a state' : `an ${kind}`}`,
      );
    }
  };
  for (const [i, scenario] of records(data.scenarios)) {
    const at: Path = ['scenarios', i];
    const policies = scenario.policies;
    if (isRecord(policies)) {
      for (const key of Object.keys(policies)) {
        refKind(key, [...at, 'policies', key], 'state', 'a policy is given to');
      }
    }
    const factors = scenario.strengthFactor;
    if (isRecord(factors)) {
      for (const key of Object.keys(factors)) {
        refKind(key, [...at, 'strengthFactor', key], 'armed-group', 'strengthFactor names');
      }
    }
    // The model parameter a scenario key names, or an unknown-parameter issue at its path.
    const parameterAt = (key: string, path: Path) => {
      const p = PARAMETERS.get(key);
      if (!p) {
        push(
          'unknown-parameter',
          path,
          `no model parameter has id "${key}"`,
          'error',
          didYouMean(key, PARAMETER_IDS),
        );
      }
      return p;
    };
    const fixed = isRecord(scenario.parameters) ? scenario.parameters : {};
    for (const [key, value] of Object.entries(fixed)) {
      const path: Path = [...at, 'parameters', key];
      const p = parameterAt(key, path);
      if (!p) continue;
      if (typeof value === 'number' && (value < p.range[0] || value > p.range[1])) {
        push(
          'parameter-out-of-range',
          path,
          `${key} = ${value} lies outside its plausible range [${p.range[0]}, ${p.range[1]}]`,
        );
      }
    }
    const uncertain = scenario.uncertain;
    if (!isRecord(uncertain)) continue;
    for (const [key, range] of Object.entries(uncertain)) {
      const path: Path = [...at, 'uncertain', key];
      const p = parameterAt(key, path);
      if (!p) continue;
      if (key in fixed) {
        push('invalid-range', path, `${key} is both fixed (parameters) and uncertain`);
      }
      if (!Array.isArray(range) || typeof range[0] !== 'number' || typeof range[1] !== 'number') {
        continue;
      }
      const [lo, hi] = range as [number, number];
      if (lo > hi) {
        push('invalid-range', path, `range [${lo}, ${hi}] is reversed`);
      } else if (lo < p.range[0] || hi > p.range[1]) {
        push(
          'parameter-out-of-range',
          path,
          `range [${lo}, ${hi}] of ${key} reaches outside its plausible range [${p.range[0]}, ${p.range[1]}]`,
        );
      }
    }
  }
}

/**
 * Hypotheses (docs/model.md, "Hypotheses"): scenarios and claims exist, the metric belongs to an
 * outcome family (naming an actor of the case), exactly one of value and versus.
 */
function checkHypotheses(
  data: Record<string, unknown>,
  push: Push,
  scenarioIds: Set<string>,
  claimIds: Set<string>,
): void {
  const kinds = actorKinds(data);
  const refScenario = (value: unknown, path: Path) => {
    const ref = str(value);
    if (ref === undefined || scenarioIds.has(ref)) return;
    push(
      'unknown-scenario',
      path,
      `no scenario has id "${ref}"`,
      'error',
      didYouMean(ref, scenarioIds),
    );
  };
  for (const [i, h] of records(data.hypotheses)) {
    const at: Path = ['hypotheses', i];
    const claim = str(h.claim);
    if (claim !== undefined && !claimIds.has(claim)) {
      push(
        'unknown-claim',
        [...at, 'claim'],
        `no claim has id "${claim}"`,
        'error',
        didYouMean(claim, claimIds),
      );
    }
    const claimant = str(h.claimant);
    if (
      claimant !== undefined &&
      !(HYPOTHESIS_CLAIMANTS as readonly string[]).includes(claimant) &&
      !kinds.has(claimant)
    ) {
      push(
        'unknown-actor',
        [...at, 'claimant'],
        `claimant "${claimant}" is neither ${HYPOTHESIS_CLAIMANTS.map((c) => `"${c}"`).join(' nor ')} nor an actor of the case`,
        'error',
        didYouMean(claimant, [...HYPOTHESIS_CLAIMANTS, ...kinds.keys()]),
      );
    }
    if (h.kind === 'observed') {
      for (const issue of observedHypothesisIssues(h, at, kinds)) {
        push(issue.code, issue.path, issue.message, 'error', issue.suggestion);
      }
      continue;
    }
    refScenario(h.scenario, [...at, 'scenario']);
    refScenario(h.versus, [...at, 'versus']);
    const metric = str(h.metric);
    if (metric !== undefined) {
      const family = outcomeFamily(metric);
      if (!family) {
        push(
          'unknown-metric',
          [...at, 'metric'],
          `"${metric}" is not an outcome; outcomes: ${OUTCOME_FAMILIES.join(', ')} (* = an actor id)`,
          'error',
          didYouMean(metric, OUTCOME_FAMILIES),
        );
      } else if (family.actor !== undefined && !kinds.has(family.actor)) {
        push(
          'unknown-metric',
          [...at, 'metric'],
          `"${metric}" names no actor of the case ("${family.actor}")`,
          'error',
          didYouMean(family.actor, kinds.keys()),
        );
      }
    }
    const hasValue = h.value !== undefined;
    const hasVersus = h.versus !== undefined;
    if (hasValue === hasVersus) {
      push(
        'value-or-versus',
        at,
        hasValue
          ? 'a hypothesis gives both value and versus; keep exactly one'
          : 'a hypothesis needs a threshold (value) or a scenario to compare with (versus)',
      );
    } else if (h.comparison === 'trend' && hasVersus) {
      push(
        'value-or-versus',
        [...at, 'comparison'],
        'comparison "trend" tests the scenario against a threshold: give value, not versus',
      );
    } else if (h.comparison === 'versus' && hasValue) {
      push(
        'value-or-versus',
        [...at, 'comparison'],
        'comparison "versus" tests the scenario against another scenario: give versus, not value',
      );
    }
    const minEffect = isRecord(h.minEffect) ? h.minEffect : undefined;
    if (minEffect && minEffect.relative !== undefined && hasValue && h.value === 0 && !hasVersus) {
      push(
        'invalid-value',
        [...at, 'minEffect', 'relative'],
        'a relative effect needs a non-zero reference, but the threshold value is 0; give minEffect.absolute',
      );
    }
  }
}

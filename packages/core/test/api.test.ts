import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';

// The public API is listed by hand in src/index.ts; this pins it so that a change is deliberate.
describe('@entente/core public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(core).sort()).toEqual([
      'ACTOR_KINDS',
      'ActorSchema',
      'BROKERAGE_ROLES',
      'BUILTIN_VOCABULARY',
      'CASE_FORMAT',
      'COMBINE_RULES',
      'CaseSchema',
      'DEFAULT_CONTROL',
      'DEFAULT_MAX_LENGTH',
      'DEFAULT_TRIAD_LIMIT',
      'EntenteError',
      'LANDSCAPE_CONVENTION',
      'LAYERS',
      'NEUTRAL_TIE',
      'RELIABILITY',
      'SOURCE_KINDS',
      'TRIAD_PATTERNS',
      'activeAt',
      'brokerage',
      'caseAt',
      'caseJsonSchema',
      'compareAlignment',
      'createRng',
      'dependency',
      'didYouMean',
      'effectiveRelations',
      'exportEdgeCsv',
      'exportGexf',
      'exportGraphml',
      'exportJson',
      'exportNodeCsv',
      'formatIssue',
      'formatPath',
      'frustration',
      'frustrationExact',
      'frustrationHeuristic',
      'hasErrors',
      'importEdgeList',
      'importGexf',
      'isCaseDate',
      'landscape',
      'landscapeEnergy',
      'landscapeInputFromProjection',
      'loadCase',
      'maximizeSignedModularity',
      'overlaps',
      'parseCase',
      'parseCaseDate',
      'projectSigned',
      'randomInt',
      'relocate',
      'resolveProjectionOptions',
      'resolveVocabulary',
      'shuffle',
      'signStyle',
      'signedGraph',
      'signedModularity',
      'summarizeCase',
      'sweepRelocation',
      'threatLeverage',
      'tippingPoints',
      'triadCensus',
      'triadsOfCase',
      'unbalancedTriads',
      'validateCaseData',
      'validateLandscapeInput',
      'withAdjacency',
    ]);
  });

  it('BUILTIN_VOCABULARY covers the types the format promises, each with sign, layer and direction', () => {
    const types = core.BUILTIN_VOCABULARY.map((d) => d.type);
    for (const t of [
      'aid',
      'economic-ties',
      'diplomatic-support',
      'hosting',
      'lobbying',
      'mediation',
      'recognition',
      'security-cooperation',
      'counter-terrorism-cooperation',
      'stake-partial',
      'stake-exclusive',
      'alliance',
      'rivalry',
      'hostility',
      'armed-conflict',
      'threat',
      'harbouring',
      'territorial-presence',
      'defection',
      'dependency',
    ]) {
      expect(types).toContain(t);
    }
    expect(new Set(types).size).toBe(types.length);
    for (const d of core.BUILTIN_VOCABULARY) {
      expect([-1, 0, 1]).toContain(d.sign);
      expect(core.LAYERS).toContain(d.layer);
      expect(typeof d.directed).toBe('boolean');
    }
    const sign = (t: string) => core.BUILTIN_VOCABULARY.find((d) => d.type === t)?.sign;
    expect(sign('threat')).toBe(-1);
    expect(sign('armed-conflict')).toBe(-1);
    expect(sign('aid')).toBe(1);
    expect(sign('counter-terrorism-cooperation')).toBe(1);
  });
});

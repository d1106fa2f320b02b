/**
 * Cue words and verb classes: what a word between two actors says about their tie. Two tables,
 * both entente's own: `CUES` (words the analyst's vocabulary needs that event coding lacks —
 * "stake", "lobby", "worried about") and `CAMEO_CLASSES`, which maps each CAMEO 2.0 root class
 * (Gerner, Schrodt & Yilmaz 2012, "Conflict and Mediation Event Observations (CAMEO) Codebook";
 * verbs from the CAMEO verb dictionary, see data/NOTICE.md) to a case relation type and sign.
 * The sign follows CAMEO's quad classes: roots 01–09 are cooperation, 10–20 conflict.
 */
import type { Sign } from '@entente/core';

/** What a cue proposes. */
export interface Cue {
  readonly type: string;
  readonly sign: Sign;
  /** The actor after the cue is the `from` ("Iran is worried about ISSK": ISSK threatens Iran). */
  readonly reverse?: boolean;
  /** Relates co-ordinated actors to each other ("X, Y and Z are competing"). */
  readonly reciprocal?: boolean;
  /** Cooperation that becomes counter-terrorism cooperation next to an armed group. */
  readonly cooperation?: boolean;
}

/** entente's cue words, by lemma (lower case). */
export const CUES: Readonly<Record<string, Cue>> = {
  stake: { type: 'stake-partial', sign: 1 },
  ownership: { type: 'stake-partial', sign: 1 },
  exclusive: { type: 'stake-exclusive', sign: 1 },
  control: { type: 'harbouring', sign: 1, reverse: true },
  compete: { type: 'rivalry', sign: -1, reciprocal: true },
  competing: { type: 'rivalry', sign: -1, reciprocal: true },
  rival: { type: 'rivalry', sign: -1, reciprocal: true },
  rivalry: { type: 'rivalry', sign: -1, reciprocal: true },
  enemy: { type: 'hostility', sign: -1, reciprocal: true },
  hostile: { type: 'hostility', sign: -1, reciprocal: true },
  hostility: { type: 'hostility', sign: -1, reciprocal: true },
  opposed: { type: 'hostility', sign: -1 },
  oppose: { type: 'hostility', sign: -1 },
  warring: { type: 'hostility', sign: -1, reciprocal: true },
  aid: { type: 'aid', sign: 1 },
  assistance: { type: 'aid', sign: 1 },
  dependent: { type: 'dependency', sign: 1 },
  depend: { type: 'dependency', sign: 1 },
  dependence: { type: 'dependency', sign: 1 },
  lobby: { type: 'lobbying', sign: 1 },
  office: { type: 'hosting', sign: 1 },
  host: { type: 'hosting', sign: 1 },
  delegation: { type: 'engagement', sign: 1 },
  negotiate: { type: 'mediation', sign: 1 },
  mediate: { type: 'mediation', sign: 1 },
  engage: { type: 'engagement', sign: 1 },
  engagement: { type: 'engagement', sign: 1 },
  interact: { type: 'engagement', sign: 1 },
  relationship: { type: 'engagement', sign: 1 },
  ties: { type: 'engagement', sign: 1 },
  work: { type: 'security-cooperation', sign: 1, cooperation: true },
  collaborate: { type: 'security-cooperation', sign: 1, cooperation: true },
  collaborating: { type: 'security-cooperation', sign: 1, cooperation: true },
  cooperate: { type: 'security-cooperation', sign: 1, cooperation: true },
  cooperation: { type: 'security-cooperation', sign: 1, cooperation: true },
  partner: { type: 'security-cooperation', sign: 1, cooperation: true },
  coalition: { type: 'security-cooperation', sign: 1, cooperation: true },
  together: { type: 'security-cooperation', sign: 1, cooperation: true, reciprocal: true },
  ally: { type: 'alliance', sign: 1, reciprocal: true },
  alliance: { type: 'alliance', sign: 1, reciprocal: true },
  allied: { type: 'alliance', sign: 1, reciprocal: true },
  worry: { type: 'threat', sign: -1, reverse: true },
  worried: { type: 'threat', sign: -1, reverse: true },
  concern: { type: 'threat', sign: -1, reverse: true },
  concerned: { type: 'threat', sign: -1, reverse: true },
  alarm: { type: 'threat', sign: -1, reverse: true },
  fear: { type: 'threat', sign: -1, reverse: true },
  threat: { type: 'threat', sign: -1, reverse: true },
  avert: { type: 'threat', sign: -1, reverse: true },
  threaten: { type: 'threat', sign: -1 },
  threatening: { type: 'threat', sign: -1 },
  trouble: { type: 'threat', sign: -1 },
  combat: { type: 'armed-conflict', sign: -1 },
  combating: { type: 'armed-conflict', sign: -1 },
  fight: { type: 'armed-conflict', sign: -1 },
  fighting: { type: 'armed-conflict', sign: -1 },
  suppress: { type: 'armed-conflict', sign: -1 },
  eliminate: { type: 'armed-conflict', sign: -1 },
  against: { type: 'armed-conflict', sign: -1 },
  war: { type: 'armed-conflict', sign: -1, reciprocal: true },
  support: { type: 'diplomatic-support', sign: 1 },
  nest: { type: 'harbouring', sign: 1, reciprocal: true },
  possession: { type: 'harbouring', sign: 1 },
  harbour: { type: 'harbouring', sign: 1 },
  harbor: { type: 'harbouring', sign: 1 },
  shelter: { type: 'harbouring', sign: 1 },
  haven: { type: 'harbouring', sign: 1 },
  join: { type: 'defection', sign: 1 },
  joining: { type: 'defection', sign: 1 },
  recognise: { type: 'recognition', sign: 1 },
  recognize: { type: 'recognition', sign: 1 },
  recognition: { type: 'recognition', sign: 1 },
  trade: { type: 'economic-ties', sign: 1 },
  invest: { type: 'economic-ties', sign: 1 },
  investment: { type: 'economic-ties', sign: 1 },
  deal: { type: 'economic-ties', sign: 1 },
  contract: { type: 'economic-ties', sign: 1 },
  // Event verbs of news leads the CAMEO file misses or mis-classes on their own.
  reject: { type: 'rivalry', sign: -1 },
  refuse: { type: 'rivalry', sign: -1 },
  rebuff: { type: 'rivalry', sign: -1 },
  dismiss: { type: 'rivalry', sign: -1 },
  veto: { type: 'rivalry', sign: -1 },
  deny: { type: 'rivalry', sign: -1 },
  demand: { type: 'rivalry', sign: -1 },
  demanding: { type: 'rivalry', sign: -1 },
  urge: { type: 'rivalry', sign: -1 },
  insist: { type: 'rivalry', sign: -1 },
  must: { type: 'rivalry', sign: -1 },
  ultimatum: { type: 'threat', sign: -1 },
  warn: { type: 'threat', sign: -1 },
  condemn: { type: 'hostility', sign: -1 },
  criticise: { type: 'rivalry', sign: -1 },
  criticize: { type: 'rivalry', sign: -1 },
  criticism: { type: 'rivalry', sign: -1 },
  accuse: { type: 'rivalry', sign: -1 },
  protest: { type: 'hostility', sign: -1 },
  sanction: { type: 'hostility', sign: -1 },
  sanctions: { type: 'hostility', sign: -1 },
  embargo: { type: 'hostility', sign: -1 },
  boycott: { type: 'hostility', sign: -1 },
  expel: { type: 'hostility', sign: -1 },
  ban: { type: 'hostility', sign: -1 },
  arrest: { type: 'hostility', sign: -1 },
  detain: { type: 'hostility', sign: -1 },
  seize: { type: 'hostility', sign: -1 },
  impose: { type: 'hostility', sign: -1 },
  mobilize: { type: 'threat', sign: -1 },
  mobilise: { type: 'threat', sign: -1 },
  troops: { type: 'threat', sign: -1 },
  attack: { type: 'armed-conflict', sign: -1 },
  kill: { type: 'armed-conflict', sign: -1 },
  bomb: { type: 'armed-conflict', sign: -1 },
  shell: { type: 'armed-conflict', sign: -1 },
  clash: { type: 'armed-conflict', sign: -1, reciprocal: true },
  agree: { type: 'engagement', sign: 1 },
  promise: { type: 'engagement', sign: 1 },
  pledge: { type: 'engagement', sign: 1 },
  offer: { type: 'engagement', sign: 1 },
  accept: { type: 'engagement', sign: 1 },
  welcome: { type: 'engagement', sign: 1 },
  visit: { type: 'engagement', sign: 1 },
  meet: { type: 'engagement', sign: 1 },
  talk: { type: 'engagement', sign: 1 },
  talks: { type: 'engagement', sign: 1 },
  telephone: { type: 'engagement', sign: 1 },
  negotiation: { type: 'mediation', sign: 1 },
  negotiations: { type: 'mediation', sign: 1 },
  mediation: { type: 'mediation', sign: 1 },
  ceasefire: { type: 'engagement', sign: 1, reciprocal: true },
  apologize: { type: 'engagement', sign: 1 },
  apologise: { type: 'engagement', sign: 1 },
  concede: { type: 'engagement', sign: 1 },
  lift: { type: 'engagement', sign: 1 },
  ease: { type: 'engagement', sign: 1 },
  withdraw: { type: 'engagement', sign: 1 },
  withdrawal: { type: 'engagement', sign: 1 },
  release: { type: 'engagement', sign: 1 },
  resign: { type: 'engagement', sign: 1 },
  grant: { type: 'aid', sign: 1 },
  asylum: { type: 'aid', sign: 1 },
  send: { type: 'aid', sign: 1 },
  investigate: { type: 'engagement', sign: 1 },
  investigation: { type: 'engagement', sign: 1 },
  defend: { type: 'diplomatic-support', sign: 1 },
  extradite: { type: 'security-cooperation', sign: 1, cooperation: true },
};

/** CAMEO root class → case relation type and sign; classes absent here propose nothing. */
export const CAMEO_CLASSES: Readonly<Record<string, Cue>> = {
  // 01 make public statement, 02 appeal, 09 investigate: no tie between the two.
  '03': { type: 'engagement', sign: 1 }, // express intent to cooperate
  '04': { type: 'engagement', sign: 1 }, // consult
  '05': { type: 'diplomatic-support', sign: 1 }, // engage in diplomatic cooperation
  '06': { type: 'security-cooperation', sign: 1, cooperation: true }, // material cooperation
  '07': { type: 'aid', sign: 1 }, // provide aid
  '08': { type: 'engagement', sign: 1 }, // yield
  '10': { type: 'rivalry', sign: -1 }, // demand
  '11': { type: 'rivalry', sign: -1 }, // disapprove
  '12': { type: 'rivalry', sign: -1 }, // reject
  '13': { type: 'threat', sign: -1 }, // threaten
  '14': { type: 'hostility', sign: -1 }, // protest
  '15': { type: 'threat', sign: -1 }, // exhibit force posture
  '16': { type: 'hostility', sign: -1 }, // reduce relations
  '17': { type: 'hostility', sign: -1 }, // coerce
  '18': { type: 'armed-conflict', sign: -1 }, // assault
  '19': { type: 'armed-conflict', sign: -1 }, // fight
  '20': { type: 'armed-conflict', sign: -1 }, // unconventional mass violence
};

/**
 * Verbs the CAMEO dictionary files under a class only in some patterns ("take", "lead", "go"):
 * on their own they say nothing about a tie.
 */
export const LIGHT_VERBS: ReadonlySet<string> = new Set(
  'take go come lead expand conduct demonstrate plan mitigate allow give make abide exonerate appear accentuate help continue keep hold open'.split(
    ' ',
  ),
);

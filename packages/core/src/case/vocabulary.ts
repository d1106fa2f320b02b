/**
 * The built-in relation vocabulary: each relation type's default sign, layer and directedness.
 * A case may add types, or override a built-in one, in its `vocabulary` section.
 *
 * Signs follow the convention of signed-network studies of international relations (Doreian &
 * Mrvar 2015, alliances +1, disputes −1): cooperation and patronage are positive, enmity and
 * threat negative. Sign 0 marks a structural tie that carries no affect (e.g. territorial
 * presence) and is ignored by balance measures unless the case overrides it.
 */

/** The five layers a relation can belong to. */
export const LAYERS = Object.freeze([
  'diplomatic',
  'economic',
  'security',
  'hostility',
  'control',
] as const);
/** A relation layer. */
export type Layer = (typeof LAYERS)[number];

/** A signed tie's default sign: +1 cooperative, −1 antagonistic, 0 structural. */
export type Sign = -1 | 0 | 1;

/** How a relation type behaves by default. */
export interface RelationTypeDef {
  readonly type: string;
  readonly label: string;
  readonly sign: Sign;
  readonly layer: Layer;
  readonly directed: boolean;
  readonly description: string;
}

const BUILTIN_TYPES: readonly RelationTypeDef[] = [
  {
    type: 'aid',
    label: 'Aid',
    sign: 1,
    layer: 'economic',
    directed: true,
    description: '`from` gives humanitarian, development or budget aid to `to`.',
  },
  {
    type: 'economic-ties',
    label: 'Economic ties',
    sign: 1,
    layer: 'economic',
    directed: false,
    description: 'Trade, investment or resource deals between the two.',
  },
  {
    type: 'dependency',
    label: 'Dependency',
    sign: 1,
    layer: 'economic',
    directed: true,
    description: '`from` depends on `to` (for money, arms, access); the patron is `to`.',
  },
  {
    type: 'diplomatic-support',
    label: 'Diplomatic support',
    sign: 1,
    layer: 'diplomatic',
    directed: true,
    description: '`from` backs `to` diplomatically; use hosting, lobbying or mediation when known.',
  },
  {
    type: 'hosting',
    label: 'Hosting',
    sign: 1,
    layer: 'diplomatic',
    directed: true,
    description: '`from` hosts an office, delegation or talks for `to`.',
  },
  {
    type: 'lobbying',
    label: 'Lobbying',
    sign: 1,
    layer: 'diplomatic',
    directed: true,
    description: '`from` lobbies third parties on behalf of `to`.',
  },
  {
    type: 'mediation',
    label: 'Mediation',
    sign: 1,
    layer: 'diplomatic',
    directed: true,
    description: '`from` negotiates with the world on behalf of, or with, `to`.',
  },
  {
    type: 'recognition',
    label: 'Recognition',
    sign: 1,
    layer: 'diplomatic',
    directed: true,
    description: '`from` formally or de facto recognises `to` as a government.',
  },
  {
    type: 'engagement',
    label: 'Engagement',
    sign: 1,
    layer: 'diplomatic',
    directed: true,
    description: '`from` keeps working relations with `to` (delegations, talks) short of support.',
  },
  {
    type: 'security-cooperation',
    label: 'Security cooperation',
    sign: 1,
    layer: 'security',
    directed: false,
    description: 'Joint security work: intelligence sharing, training, border arrangements.',
  },
  {
    type: 'counter-terrorism-cooperation',
    label: 'Counter-terrorism cooperation',
    sign: 1,
    layer: 'security',
    directed: false,
    description: 'Working together against a named armed group.',
  },
  {
    type: 'alliance',
    label: 'Alliance',
    sign: 1,
    layer: 'security',
    directed: false,
    description: 'A formal or durable alignment.',
  },
  {
    type: 'stake-partial',
    label: 'Partial stake',
    sign: 1,
    layer: 'control',
    directed: true,
    description: '`from` holds a partial stake in `to`: influence shared with others.',
  },
  {
    type: 'stake-exclusive',
    label: 'Exclusive stake',
    sign: 1,
    layer: 'control',
    directed: true,
    description: '`from` competes for exclusive influence over `to`.',
  },
  {
    type: 'harbouring',
    label: 'Harbouring',
    sign: 1,
    layer: 'control',
    directed: true,
    description: '`from` shelters `to` on territory it controls, or tolerates it there.',
  },
  {
    type: 'territorial-presence',
    label: 'Territorial presence',
    sign: 0,
    layer: 'control',
    directed: true,
    description: '`from` operates in territory under the control or influence of `to`.',
  },
  {
    type: 'defection',
    label: 'Defection',
    sign: 1,
    layer: 'control',
    directed: true,
    description:
      'Members of `from` join `to`: a membership flow that ties the two (positive by default).',
  },
  {
    type: 'rivalry',
    label: 'Rivalry',
    sign: -1,
    layer: 'hostility',
    directed: false,
    description: 'Competition for influence or status, short of hostility.',
  },
  {
    type: 'hostility',
    label: 'Hostility',
    sign: -1,
    layer: 'hostility',
    directed: false,
    description: 'Declared enmity or deep distrust.',
  },
  {
    type: 'armed-conflict',
    label: 'Armed conflict',
    sign: -1,
    layer: 'hostility',
    directed: false,
    description: 'The two fight each other.',
  },
  {
    type: 'threat',
    label: 'Threat',
    sign: -1,
    layer: 'security',
    directed: true,
    description: '`from` threatens `to` (attacks, plots); `to` perceives the danger.',
  },
];

/** The built-in vocabulary, grouped by layer. Frozen, entries too: a shared table. */
export const BUILTIN_VOCABULARY: readonly RelationTypeDef[] = Object.freeze(
  BUILTIN_TYPES.map((def) => Object.freeze(def)),
);

/** A resolved vocabulary: built-in types, with the case's additions and overrides applied. */
export type Vocabulary = ReadonlyMap<string, RelationTypeDef>;

/**
 * Builds the vocabulary a case uses: the built-in types, then each of the case's entries
 * (which may override a built-in type of the same name).
 */
export function resolveVocabulary(
  extension: readonly {
    readonly type: string;
    readonly sign: Sign;
    readonly layer: Layer;
    readonly directed: boolean;
    readonly label?: string | undefined;
    readonly description?: string | undefined;
  }[] = [],
): Vocabulary {
  const map = new Map<string, RelationTypeDef>();
  for (const def of BUILTIN_VOCABULARY) map.set(def.type, def);
  for (const def of extension) {
    map.set(def.type, {
      type: def.type,
      label: def.label ?? def.type,
      sign: def.sign,
      layer: def.layer,
      directed: def.directed,
      description: def.description ?? '',
    });
  }
  return map;
}

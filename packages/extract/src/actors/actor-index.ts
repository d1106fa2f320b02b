/**
 * The names extraction looks for: the case's actors (name and aliases) first, then the
 * gazetteer. Names are compared by a key that ignores case, diacritics, spaces and punctuation
 * ("Tehreek-e-Taliban Pakistan", "TehreekeTaliban Pakistan" and "TEHREEK E TALIBAN PAKISTAN" share
 * one key), so that texts that lost their hyphens still match. Short all-capital names (acronyms
 * such as "US", "TTP") match only when written in capitals.
 */
import type { ActorKind } from '@entente/core';
import { type GazetteerEntry, gazetteerEntries } from './gazetteer.js';

/** How a name was found. */
export type MentionVia = 'name' | 'alias' | 'demonym' | 'capital' | 'context';

/** A name the index knows. */
export interface NameEntry {
  readonly actor: string;
  readonly actorName: string;
  readonly kind: ActorKind;
  readonly origin: 'case' | 'gazetteer';
  readonly via: MentionVia;
  /** Match only text written without lower-case letters. */
  readonly acronym: boolean;
  /** The name's words that start in lower case ("branch", "of"): the only lower-case words a
   * match may contain, so that "Pakistan is" never reads as "Pakistanis". */
  readonly lowerWords: readonly string[];
}

/** The lookup table of names, keyed by {@link nameKey}. */
export interface ActorIndex {
  readonly names: ReadonlyMap<string, NameEntry>;
  /** The most tokens a name spans. */
  readonly maxTokens: number;
  /** First words of names written in lower case ("people of Afghanistan"): only these lower-case
   * tokens may start a mention. */
  readonly lowerStarts: ReadonlySet<string>;
}

/** The key two spellings of one name share: lower case, no diacritics, letters and digits only. */
export function nameKey(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const isAcronym = (name: string) => !/[a-z]/.test(name) && nameKey(name).length <= 6;

/** A case actor as the index needs it. */
export interface IndexedCaseActor {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly aliases?: readonly string[] | undefined;
}

/**
 * Builds the index: each case actor's name and aliases, then every gazetteer name not already
 * taken. A gazetteer entry whose own name is a case actor's name or alias stands for that actor
 * (so "Kabul" finds no case actor unless the case names Afghanistan, but "ISKP" finds the case's
 * IS-Khorasan when the case calls it "Islamic State Khorasan Province").
 */
export function buildActorIndex(
  caseActors: readonly IndexedCaseActor[] = [],
  gazetteer: readonly GazetteerEntry[] = gazetteerEntries(),
): ActorIndex {
  const names = new Map<string, NameEntry>();
  let maxTokens = 1;
  const lowerStarts = new Set<string>();
  const put = (text: string, entry: Omit<NameEntry, 'acronym' | 'lowerWords'>) => {
    const key = nameKey(text);
    if (key.length < 2 || names.has(key)) return;
    const lowerWords = text
      .split(/[\s]+/)
      .filter((w) => /^[a-z]/.test(w))
      .map((w) => w.toLowerCase());
    names.set(key, { ...entry, acronym: isAcronym(text), lowerWords });
    const first = text.split(/\s+/)[0] ?? '';
    if (/^[a-z]/.test(first)) lowerStarts.add(first);
    maxTokens = Math.max(maxTokens, text.split(/[\s\-.]+/).length + 2);
  };
  const caseByKey = new Map<string, IndexedCaseActor>();
  for (const a of caseActors) {
    const base = { actor: a.id, actorName: a.name, kind: a.kind, origin: 'case' as const };
    put(a.name, { ...base, via: 'name' });
    caseByKey.set(nameKey(a.name), a);
    for (const alias of a.aliases ?? []) {
      put(alias, { ...base, via: 'alias' });
      caseByKey.set(nameKey(alias), a);
    }
  }
  for (const g of gazetteer) {
    const own = caseByKey.get(nameKey(g.name));
    const base = own
      ? { actor: own.id, actorName: own.name, kind: own.kind, origin: 'case' as const }
      : { actor: g.id, actorName: g.name, kind: g.kind, origin: 'gazetteer' as const };
    put(g.name, { ...base, via: 'name' });
    for (const alias of g.aliases) put(alias, { ...base, via: 'alias' });
    for (const d of g.demonyms) put(d, { ...base, via: 'demonym' });
    for (const c of g.capitals) put(c, { ...base, via: 'capital' });
    for (const c of g.context) put(c, { ...base, via: 'context' });
  }
  return { names, maxTokens: Math.min(maxTokens, 12), lowerStarts };
}

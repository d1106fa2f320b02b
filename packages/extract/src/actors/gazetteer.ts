/**
 * The gazetteer: states (with official names, demonyms and capitals), international
 * organisations and non-state armed groups with their aliases, read from the derived file
 * `data/gazetteer.js` that `scripts/build-gazetteer.js` writes (sources and licences in
 * `data/NOTICE.md`).
 */
import type { ActorKind } from '@entente/core';
import data from '../../data/gazetteer.js';

/** One gazetteer actor. `context` names stand for it only next to words of armed conflict. */
export interface GazetteerEntry {
  readonly id: string;
  readonly kind: ActorKind;
  readonly name: string;
  /** CAMEO actor code where the source gives one (ISO-3 for states), else ''. */
  readonly code: string;
  readonly aliases: readonly string[];
  readonly demonyms: readonly string[];
  readonly capitals: readonly string[];
  readonly context: readonly string[];
}

/** The built-in gazetteer's entries (a fresh array each call; entries are shared and frozen). */
export function gazetteerEntries(): GazetteerEntry[] {
  return data.actors.map(([id, kind, name, code, aliases, demonyms, capitals, context]) =>
    Object.freeze({
      id,
      kind: kind as ActorKind,
      name,
      code,
      aliases,
      demonyms,
      capitals,
      context,
    }),
  );
}

/** Verb form (lower case) → CAMEO root class "01".."20", from the CAMEO 2.0 verb dictionary. */
export function cameoVerbs(): Readonly<Record<string, string>> {
  return data.verbs;
}

/**
 * The texts read in the Sources tab this session (in memory only, gone on reload), shared with
 * the evidence panel, which shows the sentence an evidence item cites when its source is one of
 * them. A tiny external store read through React's `useSyncExternalStore`.
 */
import { useSyncExternalStore } from 'react';
import type { HeldText } from '../sources.js';

let held: readonly HeldText[] = [];
const listeners = new Set<() => void>();

/** Holds `t` for this session (replacing a text of the same SHA-256). */
export function holdText(t: HeldText): void {
  held = [...held.filter((h) => h.sha256 !== t.sha256), t];
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
};
const snapshot = () => held;

/** The texts held this session, oldest first; re-renders when one is added. */
export function useHeldTexts(): readonly HeldText[] {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/**
 * Brings the element with id `id` into view once per request (`key` changes with each request),
 * not on every render — so a table that updates while the analyst reads it does not jump back.
 */
import { useEffect } from 'react';

/** Scrolls element `id` (none when null) into view whenever `key` changes. */
export function useScrollIntoView(id: string | null, key: number): void {
  useEffect(() => {
    if (id === null || key === 0) return;
    document.getElementById(id)?.scrollIntoView({ block: 'center' });
  }, [id, key]);
}

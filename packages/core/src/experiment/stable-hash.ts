/**
 * A 64-bit content hash of a string as 16 hex digits: two 32-bit FNV-1a hashes (Fowler, Noll &
 * Vo) with different offset bases, each passed through the murmur3 finaliser. Used to name plans;
 * not a cryptographic hash.
 */

import { fmix32 } from '../simulation/streams.js';

function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** A 16-hex-digit hash of `text`; equal strings give equal hashes. */
export function stableHash(text: string): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fnv1a(text, 0x811c9dc5)) + hex(fnv1a(text, 0x050c5d1f));
}

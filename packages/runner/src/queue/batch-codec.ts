/**
 * A batch result as text for Redis: JSON with the typed arrays as base64 of their bytes. Both
 * sides are little-endian in practice (x86-64, ARM64); a big-endian peer is refused.
 */
import { type BatchResult, EntenteError, parseEncodedBatch } from '@entente/core';

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const toBase64 = (a: Float64Array | Float32Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function fromBase64<T>(text: string, make: (b: ArrayBuffer, n: number) => T, size: number): T {
  const bytes = Buffer.from(text, 'base64');
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return make(copy, bytes.byteLength / size);
}

/** Encodes a batch result. */
export function encodeBatch(batch: BatchResult): string {
  if (!littleEndian)
    throw new EntenteError('unsupported-format', 'queue: big-endian hosts are not supported');
  return JSON.stringify({
    planId: batch.planId,
    start: batch.start,
    end: batch.end,
    outcomes: toBase64(batch.outcomes),
    series: toBase64(batch.series),
  });
}

/** Decodes {@link encodeBatch}'s text. */
export function decodeBatch(text: string): BatchResult {
  if (!littleEndian)
    throw new EntenteError('unsupported-format', 'queue: big-endian hosts are not supported');
  const raw = parseEncodedBatch(text);
  return {
    planId: raw.planId,
    start: raw.start,
    end: raw.end,
    outcomes: fromBase64(raw.outcomes, (b, n) => new Float64Array(b, 0, n), 8),
    series: fromBase64(raw.series, (b, n) => new Float32Array(b, 0, n), 4),
  };
}

/** A typed array's bytes as base64 (little-endian hosts only, like {@link encodeBatch}). */
export function encodeTyped(a: Float64Array | Uint32Array): string {
  if (!littleEndian)
    throw new EntenteError('unsupported-format', 'queue: big-endian hosts are not supported');
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/** Decodes {@link encodeTyped}'s text; null when its length is not a whole number of elements. */
export function decodeTyped<T extends Float64Array | Uint32Array>(
  text: string,
  kind: { new (b: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
): T | null {
  if (!littleEndian)
    throw new EntenteError('unsupported-format', 'queue: big-endian hosts are not supported');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % kind.BYTES_PER_ELEMENT !== 0) return null;
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return new kind(copy, 0, bytes.byteLength / kind.BYTES_PER_ELEMENT);
}

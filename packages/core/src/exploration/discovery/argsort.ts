/**
 * Stable argsort of doubles by LSD radix sort on their IEEE-754 bits (8 passes of 8 bits), made
 * order-preserving by flipping the sign bit of non-negative numbers and every bit of negative
 * ones (the usual trick, e.g. P. Terdiman, "Radix sort revisited", 2000). Linear time: PRIM sorts
 * each of up to dozens of 100,000-value columns once.
 */

/**
 * Indices that sort `values` (finite or infinite, no NaN) ascending; ties keep index order.
 * @example argsort(Float64Array.of(3, 1, 2)) // Uint32Array [1, 2, 0]
 */
export function argsort(values: Float64Array): Uint32Array {
  const n = values.length;
  if (n === 0) return new Uint32Array(0);
  const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  // bits[2i] is the low word and bits[2i+1] the high word on little-endian platforms (all JS
  // engines in use); checked once so a big-endian host would still sort correctly.
  const little = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;
  const loAt = little ? 0 : 1;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = bits[2 * i + 1 - loAt];
    const l = bits[2 * i + loAt];
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let tmp = new Uint32Array(n);
  const count = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const key = pass < 4 ? lo : hi;
    const shift = (pass % 4) * 8;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(key[i] >>> shift) & 255]++;
    if (count[(key[0] >>> shift) & 255] === n) continue; // every key has this digit
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = idx[k];
      tmp[count[(key[i] >>> shift) & 255]++] = i;
    }
    const t = idx;
    idx = tmp;
    tmp = t;
  }
  return idx;
}

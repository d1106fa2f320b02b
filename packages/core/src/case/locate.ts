/**
 * Maps a path in parsed case data back to a line and column of the YAML (or JSON) text, using
 * the `yaml` package's document nodes and its LineCounter.
 */
import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** A 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Finds the position of `path` in `doc`. With `atKey`, the last path segment is a map key and
 * the key itself is located (for unknown keys). A path that does not exist in the text (a
 * missing field) resolves to the deepest node that does.
 */
export function locatePath(
  doc: Document,
  counter: LineCounter,
  path: readonly (string | number)[],
  atKey = false,
): Position | undefined {
  const offset = locateOffset(doc, path, atKey);
  if (offset === undefined) return undefined;
  const pos = counter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** Like {@link locatePath}, as a character offset into the text. */
export function locateOffset(
  doc: Document,
  path: readonly (string | number)[],
  atKey = false,
): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyOf(p.key) === String(segment));
      if (!pair) break;
      if (last && atKey) {
        offset = rangeStart(pair.key) ?? offset;
        break;
      }
      next = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    } else {
      break;
    }
    if (next === undefined || next === null) break;
    node = next;
    offset = rangeStart(node) ?? offset;
  }
  return offset;
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

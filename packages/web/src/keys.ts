/**
 * React keys for lists whose items have no id (validation issues, evidence items): each item's
 * content, with a count appended to a repeat, so a key follows its item when the list changes
 * instead of its position.
 */

/** One distinct key per entry of `contents`: the content, then `content#2`, `#3` … for repeats. */
export function uniqueKeys(contents: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return contents.map((c) => {
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    return n === 1 ? c : `${c}#${n}`;
  });
}

/** The items of `items`, each with its key from {@link uniqueKeys} over `contentOf(item)`. */
export function keyed<T>(items: readonly T[], contentOf: (item: T) => string): [T, string][] {
  const keys = uniqueKeys(items.map(contentOf));
  return items.map((item, i) => [item, keys[i] ?? String(i)]);
}

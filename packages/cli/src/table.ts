/** Plain-text tables for terminal reports: columns padded to their widest cell. */

/** Column alignment: numbers read best right-aligned. */
export type Align = 'left' | 'right';

/**
 * Renders rows under a header, each column as wide as its widest cell, two spaces apart.
 * @example table(['layer', 'n'], [['security', '12']], ['left', 'right'])
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) =>
        align[c] === 'right' ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** A share as a whole percentage, e.g. 0.934 → "93%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

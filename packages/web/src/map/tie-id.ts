/** The id of a tie's map edge. */

/** The id of the map edge of a tie (endpoints in the projection's order). */
export function tieId(t: { source: string; target: string }): string {
  return `${t.source}--${t.target}`;
}

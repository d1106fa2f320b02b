/**
 * A GDELT 2.0 event row for the ingest tests: 61 tab-separated fields with the id, the day, the
 * two actor codes, EventRootCode 04, the QuadClass, Goldstein 1.0, 3 mentions, tone −2.5 and the
 * country AF; `url` (the last field) makes rows without an id distinct.
 */
export function gdeltRow(
  id: string | number,
  day: string,
  a: string,
  b: string,
  quad: string,
  url = '',
): string {
  const f = new Array(61).fill('');
  f[0] = String(id);
  f[1] = day;
  f[5] = a;
  f[15] = b;
  f[28] = '04';
  f[29] = quad;
  f[30] = '1.0';
  f[31] = '3';
  f[34] = '-2.5';
  f[53] = 'AF';
  f[60] = url;
  return f.join('\t');
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore, periodOf, segmentOf, spansBreakpoint } from '@entente/events';
import fc from 'fast-check';
import { expect, it } from 'vitest';

const day = fc
  .integer({ min: 0, max: 365 * 4 })
  .map((n) => new Date(Date.UTC(2019, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

it('DuckDB groups follow segmentOf, spansBreakpoint and periodOf (brute force over random rows)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(day, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 9 })), {
        minLength: 1,
        maxLength: 40,
      }),
      fc.uniqueArray(day, { maxLength: 3 }),
      fc.constantFrom('month' as const, 'year' as const),
      async (rows, bps, by) => {
        const breakpoints = [...bps].sort();
        const dir = mkdtempSync(join(tmpdir(), 'entente-groups-'));
        try {
          const file = join(dir, 'ged.csv');
          const lines = rows.map(([start, length, deaths], i) => {
            const end = new Date(Date.parse(start) + length * 86_400_000)
              .toISOString()
              .slice(0, 10);
            return `${i + 1},${start},${end},A,B,${deaths},Afghanistan`;
          });
          writeFileSync(
            file,
            `id,date_start,date_end,side_a,side_b,best,country\n${lines.join('\n')}\n`,
          );
          const store = await openEventStore(join(dir, 'e.duckdb'));
          try {
            await store.ingest([file], { format: 'ucdp-ged' });
            const groups = await store.groups({ by, breakpoints });
            const expected = new Map<
              string,
              { events: number; deaths: number; spanning: number }
            >();
            for (const [start, length, deaths] of rows) {
              const end = new Date(Date.parse(start) + length * 86_400_000)
                .toISOString()
                .slice(0, 10);
              const key = `${periodOf(start, by)}|${segmentOf(start, breakpoints)}`;
              const e = expected.get(key) ?? { events: 0, deaths: 0, spanning: 0 };
              e.events++;
              e.deaths += deaths;
              if (spansBreakpoint(start, end, breakpoints)) e.spanning++;
              expected.set(key, e);
            }
            const actual = new Map(
              groups.map((g) => [
                `${g.period}|${g.segment}`,
                { events: g.measures.events, deaths: g.measures.deaths_best, spanning: g.spanning },
              ]),
            );
            expect(actual).toEqual(expected);
          } finally {
            await store.close();
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    ),
    { numRuns: 12, seed: 11 },
  );
});

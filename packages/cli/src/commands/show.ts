/** `entente show [case]`: the case at a glance — actors, relations by layer and period, evidence. */
import { type CaseSummary, LAYERS, summarizeCase } from '@entente/core';
import type { Io } from '../io.js';
import { loadCaseFile } from '../load-case.js';
import { percent, table } from '../table.js';

/** Options of the show command. */
export interface ShowOptions {
  readonly json?: boolean;
  readonly at?: string;
}

/** Prints the summary of a case (the built-in one when `path` is undefined). */
export async function showCommand(
  io: Io,
  path: string | undefined,
  options: ShowOptions,
): Promise<number> {
  const { case: c } = await loadCaseFile(io, path);
  const summary = summarizeCase(c, { at: options.at });
  io.stdout(options.json ? `${JSON.stringify(summary, null, 2)}\n` : renderSummary(summary));
  return 0;
}

/** The human-readable report of a case summary. */
export function renderSummary(s: CaseSummary): string {
  const out: string[] = [];
  const ev = s.evidence;
  out.push(`${s.title} (${s.id})${s.at ? ` at ${s.at}` : ''}`);
  out.push(
    `${s.actors.total} actors · ${s.relations.total} relations (${s.relations.bySign.positive} +, ${s.relations.bySign.negative} −, ${s.relations.bySign.neutral} neutral) · evidence on ${percent(ev.coverage)} of relations · ${ev.assumptions} assumptions`,
  );
  out.push('');
  out.push('Actors by kind');
  out.push(
    table(
      ['kind', 'n', 'actors'],
      Object.entries(s.actors.byKind)
        .filter(([, list]) => list.length > 0)
        .map(([kind, list]) => [kind, String(list.length), list.map((a) => a.name).join(', ')]),
      ['left', 'right', 'left'],
    ),
  );
  out.push('');
  out.push('Relations by layer');
  out.push(
    table(
      ['layer', 'total'],
      LAYERS.map((l) => [l, String(s.relations.byLayer[l])]),
      ['left', 'right'],
    ),
  );
  if (s.relations.byPeriod.length > 0) {
    out.push('');
    out.push('Relations by period (in force at any time in the period)');
    out.push(
      table(
        ['period', 'from', 'to', 'total', '+', '−', ...LAYERS],
        s.relations.byPeriod.map((p) => [
          p.label,
          p.start,
          p.end ?? '…',
          String(p.total),
          String(p.bySign.positive),
          String(p.bySign.negative),
          ...LAYERS.map((l) => String(p.byLayer[l])),
        ]),
        ['left', 'left', 'left', ...Array<'right'>(3 + LAYERS.length).fill('right')],
      ),
    );
  }
  out.push('');
  out.push('Relations by type');
  out.push(
    table(
      ['type', 'n'],
      s.relations.byType.map((t) => [t.type, String(t.count)]),
      ['left', 'right'],
    ),
  );
  out.push('');
  out.push('Evidence');
  out.push(
    table(
      ['measure', 'value'],
      [
        [
          'relations with evidence',
          `${ev.relationsWithEvidence} of ${s.relations.total} (${percent(ev.coverage)})`,
        ],
        ['assumptions (no source states them)', String(ev.assumptions)],
        ['unsupported (neither)', String(ev.unsupported)],
        ['evidence items', String(ev.items)],
        ['sources cited', ev.sourcesCited.join(', ') || '—'],
        ['mechanisms · claims · scenarios', `${s.mechanisms} · ${s.claims} · ${s.scenarios}`],
      ],
    ),
  );
  return `${out.join('\n')}\n`;
}

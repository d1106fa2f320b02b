/** `entente export [case] --to gexf|graphml|csv|json`: write a case in another format. */
import {
  type Case,
  exportEdgeCsv,
  exportGexf,
  exportGraphml,
  exportJson,
  exportNodeCsv,
} from '@entente/core';
import { type Io, writeFileAtomic } from '../io.js';
import { loadCaseFile } from '../load-case.js';

/** Formats `entente export` writes. */
export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Options of the export command. */
export interface ExportCommandOptions {
  readonly to: ExportFormat;
  readonly out?: string;
  readonly nodesOut?: string;
  readonly at?: string;
  readonly json?: boolean;
}

function render(c: Case, to: ExportFormat, at: string | undefined): string {
  const options = { at };
  switch (to) {
    case 'gexf':
      return exportGexf(c, options);
    case 'graphml':
      return exportGraphml(c, options);
    case 'csv':
      return exportEdgeCsv(c, options);
    case 'json':
      return exportJson(c, options);
  }
}

/** Exports a case; files are written atomically. */
export async function exportCommand(
  io: Io,
  path: string | undefined,
  options: ExportCommandOptions,
): Promise<number> {
  const { case: c } = await loadCaseFile(io, path, { quiet: true });
  const text = render(c, options.to, options.at);
  const written: { file: string; bytes: number }[] = [];
  if (options.out) {
    await writeFileAtomic(io, options.out, text);
    written.push({ file: options.out, bytes: Buffer.byteLength(text) });
  } else if (!options.json) {
    io.stdout(text);
  }
  if (options.nodesOut) {
    const nodes = exportNodeCsv(c, { at: options.at });
    await writeFileAtomic(io, options.nodesOut, nodes);
    written.push({ file: options.nodesOut, bytes: Buffer.byteLength(nodes) });
  }
  if (options.json) {
    io.stdout(
      `${JSON.stringify({ format: options.to, case: c.id, at: options.at ?? null, written, ...(options.out ? {} : { content: text }) }, null, 2)}\n`,
    );
  } else {
    for (const w of written) io.stderr(`wrote ${w.file} (${w.bytes} bytes)\n`);
  }
  return 0;
}

/** `entente import --edges FILE [--nodes FILE]`: turn a signed edge list into a case file. */
import { importEdgeList } from '@entente/core';
import { stringify } from 'yaml';
import { type Io, readInput, writeFileAtomic } from '../io.js';
import { printIssues } from '../load-case.js';

/** Options of the import command. */
export interface ImportCommandOptions {
  readonly edges: string;
  readonly nodes?: string;
  readonly id?: string;
  readonly title?: string;
  readonly out?: string;
  readonly json?: boolean;
}

/** Imports an edge list (and optional node list) and prints or writes the case as YAML or JSON. */
export async function importCommand(io: Io, options: ImportCommandOptions): Promise<number> {
  const edges = await readInput(io, options.edges);
  const nodes = options.nodes ? await readInput(io, options.nodes) : undefined;
  const result = importEdgeList(edges.text, nodes?.text, {
    file: edges.file,
    ...(nodes ? { nodesFile: nodes.file } : {}),
    ...(options.id ? { id: options.id } : {}),
    ...(options.title ? { title: options.title } : {}),
  });
  if (!result.ok) {
    printIssues(io, edges.file, result.issues);
    return 1;
  }
  const asJson = options.json || (options.out !== undefined && /\.json$/i.test(options.out));
  const text = asJson
    ? `${JSON.stringify(result.case, null, 2)}\n`
    : stringify(result.case, { lineWidth: 0 });
  if (options.out) {
    await writeFileAtomic(io, options.out, text);
    io.stderr(
      `wrote ${options.out} (${result.case.actors.length} actors, ${result.case.relations.length} relations)\n`,
    );
  } else io.stdout(text);
  return 0;
}

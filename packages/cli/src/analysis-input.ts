/**
 * The input of every analysis command: a case file (the built-in one by default), or a signed
 * edge list (`--edges FILE [--nodes FILE]`) imported as a case, so that every analysis reads
 * one kind of input.
 */
import { type Case, importEdgeList } from '@entente/core';
import { InputError, type Io, readInput } from './io.js';
import { CaseInvalid, loadCaseFile, printIssues } from './load-case.js';

/** Options shared by the analysis commands for choosing their input. */
export interface InputOptions {
  readonly edges?: string;
  readonly nodes?: string;
}

/** Loads the case an analysis command works on. */
export async function loadAnalysisInput(
  io: Io,
  path: string | undefined,
  options: InputOptions,
): Promise<{ file: string; case: Case }> {
  if (options.edges === undefined) {
    if (options.nodes !== undefined) throw new InputError(options.nodes, '--nodes needs --edges');
    const loaded = await loadCaseFile(io, path, { quiet: true });
    return { file: loaded.file, case: loaded.case };
  }
  if (path !== undefined)
    throw new InputError(path, 'give either a case file or --edges, not both');
  const edges = await readInput(io, options.edges);
  const nodes = options.nodes ? await readInput(io, options.nodes) : undefined;
  const result = importEdgeList(edges.text, nodes?.text, {
    file: edges.file,
    ...(nodes ? { nodesFile: nodes.file } : {}),
  });
  if (!result.ok) {
    printIssues(io, edges.file, result.issues);
    throw new CaseInvalid(edges.file, result.issues);
  }
  return { file: edges.file, case: result.case };
}

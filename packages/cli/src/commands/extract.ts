/**
 * `entente extract DOC [--date D] [--into CASE] [--json] [--out REVIEW]`: reads a text and
 * proposes actors and relations for review; `entente extract --apply REVIEW --into CASE
 * [--out CASE2]` merges the accepted proposals into the case. A thin adapter over
 * `@entente/extract`.
 */
import { EntenteError } from '@entente/core';
import { applyReview, extract, formatOfName } from '@entente/extract';
import type { Command } from 'commander';
import { parse, stringify } from 'yaml';
import { example } from '../flag-parsers.js';
import { type Io, readInput, writeFileAtomic } from '../io.js';
import { loadCaseFile } from '../load-case.js';

/** Options of the extract command. */
export interface ExtractCommandOptions {
  readonly date?: string;
  readonly into?: string;
  readonly json?: boolean;
  readonly out?: string;
  readonly apply?: string;
  readonly author?: string;
  readonly title?: string;
}

const asJson = (path: string | undefined, json: boolean | undefined) =>
  json === true || (path !== undefined && /\.json$/i.test(path));

/** Runs extract (or --apply); returns the exit code. */
export async function extractCommand(
  io: Io,
  document: string | undefined,
  options: ExtractCommandOptions,
): Promise<number> {
  if (options.apply !== undefined) return applyCommand(io, options.apply, options);
  if (document === undefined) {
    throw new EntenteError(
      'invalid-argument',
      'extract: give a document (DOC.txt|.md|.html) or --apply REVIEW',
    );
  }
  const { file, text } = await readInput(io, document);
  const target = options.into ? await loadCaseFile(io, options.into, { quiet: true }) : undefined;
  const extraction = extract(text, {
    format: formatOfName(file),
    ...(options.date ? { date: options.date } : {}),
    ...(target ? { caseData: target.case } : {}),
  });
  for (const d of extraction.diagnostics) io.stderr(`${file}: ${d}\n`);
  const serialized = asJson(options.out, options.json)
    ? `${JSON.stringify(extraction, null, 2)}\n`
    : stringify(extraction, { lineWidth: 0 });
  if (options.out) {
    await writeFileAtomic(io, options.out, serialized);
    io.stderr(
      `wrote ${options.out}: ${extraction.proposals.length} proposals (pending), ${extraction.newActors.length} new actors\n`,
    );
    if (!options.json) return 0;
  }
  if (options.json) {
    if (!options.out) io.stdout(serialized);
    return 0;
  }
  const counts = { new: 0, confirming: 0, conflicting: 0 };
  for (const p of extraction.proposals) {
    const verdict = p.against?.verdict;
    if (verdict) counts[verdict]++;
    io.stdout(
      `¶${p.evidence.paragraph}.${p.evidence.sentence} ${p.from} ${p.directed ? '→' : '—'} ${p.to}  ${p.type} (${p.sign > 0 ? '+' : p.sign < 0 ? '−' : '0'}) conf ${p.confidence}${verdict ? `  [${verdict}]` : ''}  ${p.evidence.rule}${p.evidence.hedges.length ? ` hedged: ${p.evidence.hedges.join(', ')}` : ''}\n`,
    );
  }
  const actors = extraction.newActors.map((a) => `${a.name}${a.origin === 'unknown' ? '?' : ''}`);
  io.stdout(
    `${file}: ${extraction.proposals.length} proposals` +
      (target
        ? ` against ${target.file}: ${counts.new} new, ${counts.confirming} confirming, ${counts.conflicting} conflicting`
        : '') +
      `; new actors: ${actors.length ? actors.join(', ') : 'none'}\n`,
  );
  return 0;
}

async function applyCommand(
  io: Io,
  reviewPath: string,
  options: ExtractCommandOptions,
): Promise<number> {
  if (!options.into)
    throw new EntenteError(
      'invalid-argument',
      'extract --apply: give the case to merge into with --into CASE',
    );
  const { file, text } = await readInput(io, reviewPath);
  let review: unknown;
  try {
    review = parse(text);
  } catch (error) {
    throw new EntenteError(
      'invalid-argument',
      `extract --apply: ${file}: not YAML or JSON: ${(error as Error).message}`,
    );
  }
  const target = await loadCaseFile(io, options.into, { quiet: true });
  const merged = applyReview(target.case, review, {
    ...(options.date ? { date: options.date } : {}),
    ...(options.author ? { author: options.author } : {}),
    ...(options.title ? { title: options.title } : {}),
  });
  const out = asJson(options.out, options.json)
    ? `${JSON.stringify(merged, null, 2)}\n`
    : stringify(merged, { lineWidth: 0 });
  const added = merged.relations.length - target.case.relations.length;
  if (options.out) {
    await writeFileAtomic(io, options.out, out);
    io.stderr(
      `wrote ${options.out}: ${added} new relation(s), ${merged.actors.length - target.case.actors.length} new actor(s)\n`,
    );
  } else io.stdout(out);
  return 0;
}

/** Registers `entente extract`. */
export function registerExtractCommand(
  program: Command,
  io: Io,
  setCode: (code: number) => void,
): void {
  program
    .command('extract')
    .description(
      'Read an English text (.txt, .md, .html) and propose actors and signed, typed relations, each\nwith its sentence, for review; or merge a reviewed file into a case (--apply).',
    )
    .argument('[document]', 'the text to read')
    .option(
      '--date <date>',
      'the document date (YYYY, YYYY-MM or YYYY-MM-DD), for relative dates and the source entry',
    )
    .option(
      '--into <case>',
      'compare with this case (new / confirming / conflicting); with --apply, the case to merge into',
    )
    .option(
      '--out <file>',
      'write the review file (or, with --apply, the merged case) here, atomically',
    )
    .option('--apply <review>', 'merge the accepted proposals of this review file into --into')
    .option('--author <name>', 'with --apply: author of the new source entry')
    .option('--title <title>', 'with --apply: title of the new source entry')
    .option('--json', 'print JSON (the extraction, or the merged case)')
    .addHelpText(
      'after',
      example([
        'entente extract ../shared/seed/coalition-of-enemies.txt --date 2023 --out review.yaml',
        'entente extract report.html --into my-case.yaml --json',
        'entente extract --apply review.yaml --into my-case.yaml --out my-case-2.yaml',
      ]),
    )
    .action(async (document: string | undefined, opts: ExtractCommandOptions) => {
      setCode(await extractCommand(io, document, opts));
    });
}

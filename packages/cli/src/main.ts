/**
 * The `entente` command line: a thin adapter that parses argv with commander, calls the core and
 * formats its results. `main(argv, io)` takes its arguments and streams as parameters, so tests
 * run it without spawning a process.
 *
 * Exit codes: 0 ok, 1 invalid input (a case with errors, an unreadable file), 2 usage error.
 */
import { isCaseDate } from '@entente/core';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXPORT_FORMATS, type ExportFormat, exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { schemaCommand } from './commands/schema.js';
import { showCommand } from './commands/show.js';
import { validateCommand } from './commands/validate.js';
import { InputError, type Io, processIo } from './io.js';
import { CaseInvalid } from './load-case.js';

/** The package version, printed by `entente --version`. */
export const VERSION = '0.1.0';

/** Exit codes of every command. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const;

function parseDate(value: string): string {
  if (!isCaseDate(value))
    throw new InvalidArgumentError('expected a date YYYY, YYYY-MM or YYYY-MM-DD');
  return value;
}

const example = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/** Builds the commander program; `setCode` receives each action's exit code. */
function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('entente')
    .description(
      'Model, measure and stress-test coalitions among states, regimes and armed groups.\n' +
        'A case is optional wherever it is shown as [case]: the built-in case\n' +
        'cases/afghanistan-2023.yaml ("A Coalition of Enemies") is used.',
    )
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  program.addHelpText(
    'after',
    example([
      'entente show',
      'entente validate my-case.yaml',
      'entente export --to gexf --out case.gexf',
    ]),
  );

  const wrap =
    <A extends unknown[]>(fn: (...args: A) => Promise<number>) =>
    async (...args: A) => {
      setCode(await fn(...args));
    };

  program
    .command('validate')
    .description('Check a case file; report every error and warning with file:line:column.')
    .argument('<case>', 'case file (.yaml, .yml or .json)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      example([
        'entente validate cases/afghanistan-2023.yaml',
        'entente validate my-case.json --json',
      ]),
    )
    .action(wrap((path: string, opts: { json?: boolean }) => validateCommand(io, path, opts)));

  program
    .command('show')
    .description(
      'Summarise a case: actors by kind, relations by layer and period, evidence coverage.',
    )
    .argument('[case]', 'case file; the built-in case when omitted')
    .option(
      '--at <date>',
      'only what is in force at this date (YYYY, YYYY-MM or YYYY-MM-DD)',
      parseDate,
    )
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      example(['entente show', 'entente show --at 2019-06', 'entente show my-case.yaml --json']),
    )
    .action(
      wrap((path: string | undefined, opts: { json?: boolean; at?: string }) =>
        showCommand(io, path, opts),
      ),
    );

  program
    .command('export')
    .description('Write a case as GEXF 1.3 (Gephi), GraphML, CSV edge list or JSON.')
    .argument('[case]', 'case file; the built-in case when omitted')
    .addOption(
      new Option('--to <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory(),
    )
    .option('--out <file>', 'write to this file (atomically) instead of standard output')
    .option('--nodes-out <file>', 'with --to csv: also write the node list to this file')
    .option('--at <date>', 'only what is in force at this date', parseDate)
    .option('--json', 'print what was written as JSON')
    .addHelpText(
      'after',
      example([
        'entente export --to gexf --out afghanistan.gexf',
        'entente export my-case.yaml --to csv --out edges.csv --nodes-out nodes.csv',
        'entente export --to json --at 2019-06',
      ]),
    )
    .action(
      wrap(
        (
          path: string | undefined,
          opts: { to: ExportFormat; out?: string; nodesOut?: string; at?: string; json?: boolean },
        ) => exportCommand(io, path, opts),
      ),
    );

  program
    .command('import')
    .description('Turn a signed edge list CSV (source,target,sign|weight[,type]) into a case file.')
    .requiredOption('--edges <file>', 'edge list CSV with a header row')
    .option('--nodes <file>', 'node list CSV (id,size,...)')
    .option('--id <id>', 'id of the new case')
    .option('--title <title>', 'title of the new case')
    .option(
      '--out <file>',
      'write the case here (YAML, or JSON for .json) instead of standard output',
    )
    .option('--json', 'print the case as JSON instead of YAML')
    .addHelpText(
      'after',
      example([
        'entente import --edges ../shared/data/signed/highland-tribes.csv --out tribes.yaml',
        'entente import --edges edges.csv --nodes nodes.csv --id my-case --json',
      ]),
    )
    .action(
      wrap(
        (opts: {
          edges: string;
          nodes?: string;
          id?: string;
          title?: string;
          out?: string;
          json?: boolean;
        }) => importCommand(io, opts),
      ),
    );

  program
    .command('schema')
    .description('Print the JSON Schema of the case format entente/1 (for editors and validators).')
    .option('--out <file>', 'write it to this file (atomically)')
    .option('--json', 'accepted for uniformity: the schema is always JSON')
    .addHelpText(
      'after',
      example(['entente schema', 'entente schema --out schema/entente-case.schema.json']),
    )
    .action(wrap((opts: { out?: string }) => schemaCommand(io, opts)));

  return program;
}

/**
 * Runs the CLI on `argv` (without the node and script paths) and returns the exit code.
 * @example await main(['show', '--json'])
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      const benign = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
      return benign.includes(error.code) ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CaseInvalid) return EXIT.invalidInput;
    if (error instanceof InputError) {
      io.stderr(`${error.file}: ${error.message}\n`);
      return EXIT.invalidInput;
    }
    if (error instanceof RangeError || (error instanceof Error && error.name === 'EntenteError')) {
      io.stderr(`entente: ${error.message}\n`);
      return EXIT.invalidInput;
    }
    throw error;
  }
}

/**
 * The `entente` command line: a thin adapter that parses argv with commander, calls the core and
 * formats its results. `main(argv, io)` takes its arguments and streams as parameters, so tests
 * run it without spawning a process.
 *
 * Exit codes: 0 ok, 1 invalid input (a case with errors, an unreadable file), 2 usage error.
 */
import { ENTENTE_VERSION, EntenteError, type EntenteErrorCode, isCaseDate } from '@entente/core';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  type AnalysisCliOptions,
  addAnalysisOptions,
  drawsOption,
  sizesOption,
} from './analysis-options.js';
import { type AnalyzeCommandOptions, analyzeCommand } from './commands/analyze.js';
import { type BalanceCommandOptions, balanceCommand } from './commands/balance.js';
import { registerCalibrateCommand } from './commands/calibrate.js';
import { type CoalitionsCommandOptions, coalitionsCommand } from './commands/coalitions.js';
import { registerEventsActorsCommand } from './commands/events-actors.js';
import { registerEventsCompareCommand } from './commands/events-compare.js';
import { registerEventsFetchCommand } from './commands/events-fetch.js';
import { registerEventsIngestCommand } from './commands/events-ingest.js';
import { registerEventsSeriesCommand } from './commands/events-series.js';
import { registerExploreCommand } from './commands/explore.js';
import { EXPORT_FORMATS, type ExportFormat, exportCommand } from './commands/export.js';
import { registerExtractCommand } from './commands/extract.js';
import { importCommand } from './commands/import.js';
import {
  type LandscapeCommandOptions,
  landscapeCommand,
  type TippingCommandOptions,
  tippingCommand,
} from './commands/landscape.js';
import { leverageCommand } from './commands/leverage.js';
import { schemaCommand } from './commands/schema.js';
import { registerServeCommand } from './commands/serve.js';
import { showCommand } from './commands/show.js';
import { registerSimulateCommand } from './commands/simulate.js';
import { validateCommand } from './commands/validate.js';
import { registerWorkerCommand } from './commands/worker.js';
import { example } from './flag-parsers.js';
import { InputError, type Io, processIo } from './io.js';
import { CaseInvalid } from './load-case.js';

/** The package version, printed by `entente --version`. */
export const VERSION: string = ENTENTE_VERSION;

/** Exit codes of every command. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2, internal: 70, cancelled: 130 } as const;

/**
 * The exit code of each {@link EntenteErrorCode}, the one place the CLI maps codes: bad input
 * exits 1, a cancelled run 130 (as after SIGINT), and a bug in entente 70 (`EX_SOFTWARE` of
 * sysexits.h). Usage errors (commander's own) exit 2 before any code is reached.
 */
const EXIT_OF_CODE: Readonly<Record<EntenteErrorCode, number>> = {
  'invalid-case': EXIT.invalidInput,
  'invalid-csv': EXIT.invalidInput,
  'invalid-argument': EXIT.invalidInput,
  'out-of-range': EXIT.invalidInput,
  'resource-limit': EXIT.invalidInput,
  'unsupported-format': EXIT.invalidInput,
  'not-found': EXIT.invalidInput,
  cancelled: EXIT.cancelled,
  internal: EXIT.internal,
};

/** Prints an error that is not the user's fault: a bug, with what to send when reporting it. */
function reportBug(io: Io, error: unknown): number {
  const detail =
    error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  io.stderr(
    `entente: internal error: ${error instanceof Error ? error.message : String(error)}\n` +
      'this is a bug in entente, please report it with the command you ran and this output:\n' +
      `${detail}\n`,
  );
  return EXIT.internal;
}

function parseDate(value: string): string {
  if (!isCaseDate(value))
    throw new InvalidArgumentError('expected a date YYYY, YYYY-MM or YYYY-MM-DD');
  return value;
}

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

  const positiveInt = (what: string) => (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new InvalidArgumentError(`expected a whole number ≥ 1 (${what})`);
    return n;
  };
  const seed = (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff)
      throw new InvalidArgumentError('expected a whole number 0..4294967295');
    return n;
  };

  addAnalysisOptions(
    program
      .command('balance')
      .description(
        'Structural balance: triad census, unbalanced triads with their evidence, frustration index and who carries it.',
      ),
  )
    .option('--weighted', 'weigh ties by strength instead of counting them')
    .option('--time-limit <seconds>', 'time budget of the exact solver', positiveInt('seconds'), 60)
    .option('--limit <n>', 'most unbalanced triads to list', positiveInt('triads'), 50)
    .option('--seed <n>', 'seed of the heuristic parts and the case draws', seed, 1)
    .addOption(drawsOption())
    .addHelpText(
      'after',
      example([
        'entente balance',
        'entente balance --at 2023 --draws 1000 --json',
        'entente balance --at 2019 --json',
        'entente balance --over 2015..2023 --step 1y --json',
        'entente balance --edges ../shared/data/signed/highland-tribes.csv',
      ]),
    )
    .action(
      wrap((path: string | undefined, opts: BalanceCommandOptions) =>
        balanceCommand(io, path, opts),
      ),
    );

  const positiveNumber = (value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number > 0');
    return n;
  };
  const number = (value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a number');
    return n;
  };
  const unit = (value: string) => {
    const n = Number(value);
    if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a number in 0..1');
    return n;
  };
  const pair = (value: string): [string, string] => {
    const parts = value.split(',');
    if (parts.length !== 2 || !parts[0] || !parts[1])
      throw new InvalidArgumentError('expected two actor ids, A,B');
    return [parts[0], parts[1]];
  };
  const landscapeOptions = (command: Command) =>
    command
      .option(
        '--default-size <x>',
        'size of actors without one (an edge list without --nodes uses 1)',
        positiveNumber,
      )
      .option('--starts <n>', 'random starts beyond 25 actors', positiveInt('starts'))
      .option('--seed <n>', 'seed of the random starts and the case draws', seed, 1)
      .addOption(sizesOption())
      .option('--no-basins', 'skip the basins of attraction')
      .option('--top <n>', 'stable configurations to list', positiveInt('configurations'), 5);

  landscapeOptions(
    addAnalysisOptions(
      program
        .command('landscape')
        .description(
          'Landscape theory (Axelrod & Bennett 1993): stable two-coalition configurations, energies, basins, actor frustration.',
        ),
    ),
  )
    .addOption(drawsOption())
    .addHelpText(
      'after',
      example([
        'entente landscape',
        'entente landscape --at 2019 --json',
        'entente landscape --at 2023 --layers diplomatic,economic,security,control --draws 1000',
        'entente landscape --edges e.csv --nodes n.csv',
      ]),
    )
    .action(
      wrap((path: string | undefined, opts: LandscapeCommandOptions) =>
        landscapeCommand(io, path, opts),
      ),
    );

  landscapeOptions(
    addAnalysisOptions(
      program
        .command('tipping')
        .description(
          'Tipping points: where the most stable configuration changes as one parameter is swept.',
        ),
    ),
  )
    .addOption(drawsOption())
    .option(
      '--threats-from <actor>',
      "θ scales all of this actor's negative ties (e.g. a group's threats)",
    )
    .option(
      '--with-cooperation',
      'with --threats-from: the counter-terrorism cooperation answering the threats scales with θ too',
    )
    .option('--size <actor>', "θ is this actor's size")
    .option('--pair <a,b>', 'θ is the propensity of this pair', pair)
    .option('--from <x>', 'start of the range of θ', number, 1)
    .option('--to <x>', 'end of the range of θ', number, 0)
    .option(
      '--steps <n>',
      'also sweep θ in n steps and report changes of the set of minima',
      positiveInt('steps'),
    )
    .addHelpText(
      'after',
      example([
        'entente tipping --threats-from isk --at 2023',
        'entente tipping --threats-from isk --with-cooperation --at 2023 --draws 500',
        'entente tipping --size pakistan --from 0.001 --to 0.05',
        'entente tipping --pair us,russia --from -1 --to 1 --json',
      ]),
    )
    .action(
      wrap((path: string | undefined, opts: TippingCommandOptions) =>
        tippingCommand(io, path, opts),
      ),
    );

  addAnalysisOptions(
    program
      .command('coalitions')
      .description(
        'Signed coalitions: Doreian–Mrvar relocation into k groups (k given or swept) and signed modularity.',
      ),
  )
    .option('--k <n>', 'number of groups (default: sweep 1..--k-max)', positiveInt('groups'))
    .option('--k-max <n>', 'largest k of the sweep', positiveInt('groups'), 4)
    .option(
      '--alpha <a>',
      'weight of negative ties within groups (1−α for positive between)',
      unit,
      0.5,
    )
    .option('--starts <n>', 'random starts', positiveInt('starts'), 100)
    .option('--seed <n>', 'seed of the random starts and the case draws', seed, 1)
    .addOption(drawsOption())
    .option('--weighted', 'weigh ties by strength instead of counting them')
    .addHelpText(
      'after',
      example([
        'entente coalitions',
        'entente coalitions --k 3 --edges ../shared/data/signed/highland-tribes.csv',
      ]),
    )
    .action(
      wrap((path: string | undefined, opts: CoalitionsCommandOptions) =>
        coalitionsCommand(io, path, opts),
      ),
    );

  addAnalysisOptions(
    program
      .command('leverage')
      .description(
        'Leverage: dependency on patrons, threat leverage through harboured groups, brokerage on positive ties.',
      ),
  )
    .addHelpText('after', example(['entente leverage', 'entente leverage --at 2023 --json']))
    .action(
      wrap((path: string | undefined, opts: AnalysisCliOptions) => leverageCommand(io, path, opts)),
    );

  landscapeOptions(
    addAnalysisOptions(
      program
        .command('analyze')
        .description(
          'The whole coalition analysis in one report: balance, landscape, tipping points, coalitions, leverage.',
        ),
    ),
  )
    .addOption(drawsOption())
    .option('--weighted', 'weigh ties by strength in balance and coalitions')
    .option(
      '--time-limit <seconds>',
      'time budget of the exact frustration solver',
      positiveInt('seconds'),
      60,
    )
    .option('--limit <n>', 'most unbalanced triads to list', positiveInt('triads'), 50)
    .option('--k <n>', 'number of coalitions for relocation', positiveInt('groups'), 2)
    .addHelpText(
      'after',
      example([
        'entente analyze',
        'entente analyze --at 2019',
        'entente analyze --over 2015..2023 --json',
      ]),
    )
    .action(
      wrap((path: string | undefined, opts: AnalyzeCommandOptions) =>
        analyzeCommand(io, path, opts),
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

  registerSimulateCommand(program, io, setCode);
  registerExploreCommand(program, io, setCode);
  registerCalibrateCommand(program, io, setCode);
  registerWorkerCommand(program, io, setCode);
  registerServeCommand(program, io, setCode);
  registerEventsIngestCommand(program, io, setCode);
  registerEventsActorsCommand(program, io, setCode);
  registerEventsSeriesCommand(program, io, setCode);
  registerExtractCommand(program, io, setCode);
  const events =
    program.commands.find((cmd) => cmd.name() === 'events') ??
    program.command('events').description('Event data (UCDP, GDELT, ACLED): docs/events.md.');
  registerEventsCompareCommand(events, io, setCode);
  registerEventsFetchCommand(program, io, setCode);

  return program;
}

/**
 * Runs the CLI on `argv` (without the node and script paths) and returns the exit code (see
 * {@link EXIT}); it never rejects: a bug in entente prints a "please report it" message and exits 70.
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
    if (error instanceof EntenteError && error.code !== 'internal') {
      io.stderr(`entente: ${error.message}\n`);
      return EXIT_OF_CODE[error.code];
    }
    // `internal`, and anything that is not an EntenteError (a RangeError, a TypeError …), is a bug
    // in entente, never bad input.
    return reportBug(io, error);
  }
}

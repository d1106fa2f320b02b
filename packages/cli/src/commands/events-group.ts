/**
 * The `entente events` command group, shared by its subcommands (ingest, actors, series, and the
 * others' fetch and compare): each registers itself on the one group, created on first use.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { EntenteError } from '@entente/core';
import { defaultEventDbPath } from '@entente/events';
import type { Command } from 'commander';
import type { Io } from '../io.js';

/** The `events` command of `program`, created with its description when absent. */
export function eventsCommandGroup(program: Command): Command {
  const found = program.commands.find((c) => c.name() === 'events');
  if (found !== undefined) return found;
  return program
    .command('events')
    .description(
      'Event data (UCDP, GDELT, ACLED): ingest files, map dataset actors to case actors, build series.',
    );
}

/**
 * The event store a command uses: `--db` if given, else `.entente/events.duckdb` beside the case
 * file when one is named, else in the working directory.
 */
export function eventDbFor(io: Io, db: string | undefined, casePath: string | undefined): string {
  if (db !== undefined) return /^[a-z][a-z0-9+.-]*:\/\//i.test(db) ? db : resolve(io.cwd, db);
  return defaultEventDbPath(casePath === undefined ? undefined : resolve(io.cwd, casePath), io.cwd);
}

/** Refuses to read a store that does not exist (rather than creating an empty one). */
export function mustExist(operation: string, db: string): void {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(db) || existsSync(db)) return;
  throw new EntenteError(
    'not-found',
    `${operation}: no event store at ${db}; run \`entente events ingest\` first or give --db`,
  );
}

/**
 * Adds `--engine URL` to an events command: the same store as `--db`, named as the issue and the
 * docs name an engine (`--engine clickhouse://HOST:PORT?shards=…`). Giving both is a usage error.
 */
export function withEngineOption(cmd: Command): Command {
  return cmd
    .option(
      '--engine <url>',
      'event engine URL, e.g. clickhouse://HOST:PORT (the same as --db URL)',
    )
    .hook('preAction', (self) => {
      const { engine, db } = self.opts() as { engine?: string; db?: string };
      if (engine === undefined) return;
      if (db !== undefined) self.error('error: give one of --engine and --db', { exitCode: 2 });
      self.setOptionValue('db', engine);
    });
}

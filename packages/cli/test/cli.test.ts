import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EntenteError } from '@entente/core';
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/io.js';
import { EXIT, main } from '../src/main.js';
import { runCli, tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const BUILTIN = join(ROOT, 'cases/afghanistan-2023.yaml');

describe('entente validate', () => {
  it('validate cases/afghanistan-2023.yaml exits 0 with no warnings', async () => {
    const r = await runCli(['validate', BUILTIN]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/valid \(\d+ actors, \d+ relations, 0 warning\(s\)\)/);
    expect(r.code).toBe(0);
  });

  it('validate reports a relation to an unknown actor at its line and column, exit 1', async () => {
    const lines = readFileSync(BUILTIN, 'utf8').split('\n');
    // Rename the target of the first `to:` line of a relation to an actor that does not exist.
    const index = lines.findIndex((l) => /^\s+to: /.test(l));
    expect(index).toBeGreaterThan(0);
    const line = lines[index] as string;
    const column = line.indexOf('to: ') + 'to: '.length + 1;
    lines[index] = `${line.slice(0, column - 1)}nobody-here`;
    const dir = tempDir();
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, lines.join('\n'));
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:${index + 1}:${column}: unknown-actor`);
    expect(r.stderr).toContain('"nobody-here"');
  });

  it('validate --json lists issues with code, line and column', async () => {
    const dir = tempDir();
    const file = join(dir, 'c.yaml');
    writeFileSync(
      file,
      [
        'format: entente/1',
        'id: c',
        'title: C',
        'actors:',
        '  - {id: a, name: A, kind: state}',
        '  - {id: a, name: B, kind: state}',
        '',
      ].join('\n'),
    );
    const r = await runCli(['validate', file, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.issues).toEqual([
      // `  - {id: a, ...}`: the duplicate id's value `a` starts at column 10.
      expect.objectContaining({ code: 'duplicate-id', line: 6, column: 10, severity: 'error' }),
    ]);
  });

  it('validate on a missing file exits 1 and says so', async () => {
    const r = await runCli(['validate', '/nonexistent/case.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no such file');
  });
});

describe('entente usage errors', () => {
  it('an unknown command exits 2', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });
  it('an unknown option exits 2', async () => {
    expect((await runCli(['show', '--nope'])).code).toBe(2);
  });
  it('export --to with an unknown format exits 2', async () => {
    const r = await runCli(['export', '--to', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gexf');
  });
  it('a malformed --at date exits 2', async () => {
    expect((await runCli(['show', '--at', '2019-13'])).code).toBe(2);
  });
  it.each(['validate', 'show', 'export', 'import', 'schema'])(
    '%s --help shows an example and exits 0',
    async (cmd) => {
      const r = await runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).toContain(`$ entente ${cmd}`);
    },
  );
});

describe('entente show', () => {
  it('show --json on the built-in case lists at least 12 actors and evidence on at least 90% of relations', async () => {
    const r = await runCli(['show', '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.actors.total).toBeGreaterThanOrEqual(12);
    expect(s.evidence.coverage).toBeGreaterThanOrEqual(0.9);
    expect(s.relations.byPeriod.length).toBeGreaterThanOrEqual(3);
  });

  it('show --at filters to what is in force at the date', async () => {
    const all = JSON.parse((await runCli(['show', '--json'])).stdout);
    const before = JSON.parse((await runCli(['show', '--json', '--at', '2019'])).stdout);
    const after = JSON.parse((await runCli(['show', '--json', '--at', '2023'])).stdout);
    expect(before.relations.total).toBeLessThan(all.relations.total);
    expect(after.relations.total).toBeLessThan(all.relations.total);
    const ids = (s: { actors: { byKind: Record<string, { id: string }[]> } }) =>
      Object.values(s.actors.byKind).flatMap((l) => l.map((a) => a.id));
    // The Republic exists in 2019 and not in 2023.
    expect(ids(before)).toContain('republic');
    expect(ids(after)).not.toContain('republic');
  });

  it('show prints the tables a reader expects', async () => {
    const r = await runCli(['show']);
    expect(r.code).toBe(0);
    for (const heading of [
      'Actors by kind',
      'Relations by layer',
      'Relations by period',
      'Evidence',
    ]) {
      expect(r.stdout).toContain(heading);
    }
  });
});

describe('entente export', () => {
  it('export --to gexf --out writes a GEXF 1.3 file atomically and leaves no temp file', async () => {
    const dir = tempDir();
    const r = await runCli(['export', '--to', 'gexf', '--out', 'case.gexf'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['case.gexf']);
    const text = readFileSync(join(dir, 'case.gexf'), 'utf8');
    expect(text).toContain('version="1.3"');
  });

  it('export --to json round-trips through validate', async () => {
    const dir = tempDir();
    expect((await runCli(['export', '--to', 'json', '--out', 'case.json'], dir)).code).toBe(0);
    const r = await runCli(['validate', 'case.json'], dir);
    expect(r.code).toBe(0);
  });

  it('export of an invalid case exits 1 and writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'format: entente/1\nid: x\ntitle: X\nactors: 3\n');
    const r = await runCli(['export', 'bad.yaml', '--to', 'csv', '--out', 'out.csv'], dir);
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['bad.yaml']);
  });

  it('export --to csv --nodes-out writes both lists', async () => {
    const dir = tempDir();
    const r = await runCli(
      ['export', '--to', 'csv', '--out', 'e.csv', '--nodes-out', 'n.csv', '--json'],
      dir,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.written.map((w: { file: string }) => w.file)).toEqual(['e.csv', 'n.csv']);
    expect(readFileSync(join(dir, 'n.csv'), 'utf8').split('\n')[0]).toMatch(/^id,name,kind/);
  });
});

describe('entente import', () => {
  it('import turns an edge list into a case that validates', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'e.csv'), 'source,target,sign\na,b,1\nb,c,-1\n');
    writeFileSync(join(dir, 'n.csv'), 'id,size\na,0.5\nb,0.25\nc,0.25\n');
    const r = await runCli(
      ['import', '--edges', 'e.csv', '--nodes', 'n.csv', '--out', 'case.yaml'],
      dir,
    );
    expect(r.code).toBe(0);
    const v = await runCli(['show', 'case.yaml', '--json'], dir);
    expect(v.code).toBe(0);
    const s = JSON.parse(v.stdout);
    expect(s.actors.total).toBe(3);
    expect(s.relations.bySign).toEqual({ positive: 1, negative: 1, neutral: 0 });
  });

  it('import of a bad edge list exits 1 with a located error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'e.csv'), 'source,target,sign\na,b,1\nb,c,banana\n');
    const r = await runCli(['import', '--edges', 'e.csv'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^e\.csv:3:\d+: /m);
  });
});

describe('entente schema', () => {
  it('schema/entente-case.schema.json is up to date with the zod schemas (run npm run schema)', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    const committed = readFileSync(join(ROOT, 'schema/entente-case.schema.json'), 'utf8');
    expect(r.stdout).toBe(committed);
  });
});

describe('entente exit codes by error code', () => {
  /** Runs `show` with an Io whose stdout throws `error`, as if the command had failed with it. */
  async function showThrowing(error: unknown): Promise<{ code: number; stderr: string }> {
    let stderr = '';
    const io: Io = {
      stdout: () => {
        throw error;
      },
      stderr: (t) => {
        stderr += t;
      },
      cwd: process.cwd(),
    };
    return { code: await main(['show'], io), stderr };
  }

  it.each([
    ['invalid-argument', EXIT.invalidInput],
    ['out-of-range', EXIT.invalidInput],
    ['resource-limit', EXIT.invalidInput],
    ['not-found', EXIT.invalidInput],
    ['unsupported-format', EXIT.invalidInput],
    ['cancelled', EXIT.cancelled],
  ] as const)('an EntenteError %s exits %i with its message', async (code, exit) => {
    const r = await showThrowing(new EntenteError(code, `show: failed with ${code}`));
    expect(r.code).toBe(exit);
    expect(r.stderr).toBe(`entente: show: failed with ${code}\n`);
  });

  it('exit codes are 1 for input, 2 for usage, 70 for a bug, 130 for cancelled', () => {
    expect(EXIT).toEqual({ ok: 0, invalidInput: 1, usage: 2, internal: 70, cancelled: 130 });
  });

  it.each([
    ['a plain RangeError', new RangeError('index 7 out of bounds')],
    ['a TypeError', new TypeError("cannot read properties of undefined (reading 'x')")],
    ['an internal EntenteError', new EntenteError('internal', 'show: impossible state')],
  ])('%s is a bug: exit 70 with a please-report message, never exit 1', async (_, error) => {
    const r = await showThrowing(error);
    expect(r.code).toBe(70);
    expect(r.stderr).toContain('entente: internal error: ');
    expect(r.stderr).toContain((error as Error).message);
    expect(r.stderr).toContain('this is a bug in entente, please report it');
  });
});

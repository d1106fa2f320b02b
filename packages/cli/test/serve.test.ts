import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerServeCommand, serveCommand } from '../src/commands/serve.js';
import { captureIo, tempDir } from './helpers.js';

describe('serveCommand', () => {
  it('prints the URL on 127.0.0.1, serves the API and the folder cases, stops on abort with 0', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.yaml'), 'format: entente/1\nid: notes\n');
    const { io, out } = captureIo(dir);
    const controller = new AbortController();
    let url = '';
    const done = serveCommand(
      io,
      '.',
      { port: 0 },
      {
        signal: controller.signal,
        onListening: (u) => {
          url = u;
        },
      },
    );
    await expect.poll(() => url, { timeout: 10_000 }).not.toBe('');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(out.stdout).toContain(`entente workbench: ${url}`);
    expect(out.stdout).toContain('cases: afghanistan-2023, notes');
    const health = await fetch(new URL('/api/health', url));
    expect(await health.json()).toEqual({ ok: true, version: '0.1.0' });
    const cases = (await (await fetch(new URL('/api/cases', url))).json()) as {
      cases: { id: string; origin: string; valid: boolean }[];
    };
    expect(cases.cases.map((c) => [c.id, c.origin, c.valid])).toEqual([
      ['afghanistan-2023', 'builtin', true],
      ['notes', 'folder', false],
    ]);
    controller.abort();
    expect(await done).toBe(0);
    await expect(fetch(new URL('/api/health', url))).rejects.toThrow();
  });

  it('returns 1 for a case path that does not exist', async () => {
    const { io, out } = captureIo(tempDir());
    expect(await serveCommand(io, 'missing.yaml', { port: 0 })).toBe(1);
    expect(out.stderr).toContain('missing.yaml: no such file or folder');
  });

  it('throws the located error of a bad --calibration and serves nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'run.json'), '{"format": "entente-calibration/1"}');
    const { io, out } = captureIo(dir);
    await expect(
      serveCommand(io, undefined, { port: 0, calibration: 'run.json' }),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/^serve --calibration: .*run\.json: /),
    });
    await expect(
      serveCommand(io, undefined, { port: 0, calibration: 'absent' }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(out.stdout).toBe('');
  });

  it('registerServeCommand adds `serve` with --port, --host (127.0.0.1) and --open', () => {
    const program = new Command('entente').exitOverride();
    const { io } = captureIo();
    registerServeCommand(program, io, () => {});
    const serve = program.commands.find((c) => c.name() === 'serve');
    expect(serve).toBeDefined();
    const flags = serve?.options.map((o) => o.long);
    expect(flags).toEqual(
      expect.arrayContaining(['--port', '--host', '--open', '--max-jobs', '--job-concurrency']),
    );
    expect(serve?.opts()).toEqual({
      port: 8787,
      host: '127.0.0.1',
      maxJobs: 16,
      jobConcurrency: 1,
    });
    const host = serve?.options.find((o) => o.long === '--host');
    expect(host?.defaultValue).toBe('127.0.0.1');
  });
});

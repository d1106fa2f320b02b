/** `entente events fetch` end to end against a local fixture server (never the internet). */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

const zip = new TextEncoder().encode('PK fixture bytes');
const list = `${zip.byteLength} ${createHash('md5').update(zip).digest('hex')} http://data.gdeltproject.org/gdeltv2/20150220001500.export.CSV.zip\n`;
const server = createServer((req, res) => {
  if (req.url === '/gdeltv2/masterfilelist.txt') return void res.end(list);
  if (req.url === '/gdeltv2/20150220001500.export.CSV.zip') return void res.end(zip);
  res.writeHead(404).end();
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

describe('entente events fetch', () => {
  it('fetches GDELT exports, says what it did, and skips them when run again', async () => {
    const dir = tempDir();
    const argv = [
      'events',
      'fetch',
      'gdelt',
      '--from',
      '2015-02-20',
      '--to',
      '2015-02-20',
      '--out',
      'g',
      '--base-url',
      base,
    ];
    const first = await runCli(argv, dir);
    expect(first.code).toBe(0);
    expect(readdirSync(join(dir, 'g'))).toEqual(['20150220001500.export.CSV.zip']);
    expect(first.stdout).toMatch(/^gdelt: 1 downloaded, 0 already present, 16 bytes/);
    expect(first.stderr).toMatch(/\[1\/1\] 16 bytes/);
    const again = await runCli(argv, dir);
    expect(again.stdout).toMatch(/^gdelt: 0 downloaded, 1 already present/);
  });

  it('exits 1 with the operation named on a bad range, and 2 on an unknown source', async () => {
    const bad = await runCli(
      ['events', 'fetch', 'ucdp', '--from', '2016', '--to', '2015'],
      tempDir(),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/events fetch ucdp: --from 2016 is after --to 2015/);
    const unknown = await runCli(
      ['events', 'fetch', 'acled', '--from', '2016', '--to', '2016'],
      tempDir(),
    );
    expect(unknown.code).toBe(2);
  });
});

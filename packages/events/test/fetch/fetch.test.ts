/**
 * `events fetch` against a local fixture server (node:http on 127.0.0.1 serving files made here),
 * never the internet: the GDELT masterfilelist selection, size and MD5 checks, resumable skips,
 * limits and timeouts, and UCDP's paged API into per-year CSV files.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntenteError } from '@entente/core';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fetchGdelt,
  fetchUcdp,
  listGdeltExports,
  parseMasterLine,
  recordsToCsv,
} from '../../src/index.js';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

let base = '';
let handler: Handler = (_req, res) => res.writeHead(404).end();
const requests: string[] = [];
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  requests.push(`${url.pathname}${url.search}`);
  handler(req, res, url);
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const temp = () => mkdtempSync(join(tmpdir(), 'entente-fetch-'));
const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');

/** A small real zip holding one GDELT-like export line. */
function exportZip(stamp: string): Uint8Array {
  const line = `${stamp}1\t20150218\t201502\t2015\t2015.13\tAFG\tAFGHANISTAN\n`;
  return zipSync({ [`${stamp}.export.CSV`]: new TextEncoder().encode(line) });
}

/** Serves a masterfilelist over the given files (plus mentions/gkg lines the fetch must skip). */
function gdeltSite(
  stamps: readonly string[],
  corrupt: ReadonlySet<string> = new Set(),
): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const lines: string[] = [];
  for (const s of stamps) {
    const zip = exportZip(s);
    files.set(`/gdeltv2/${s}.export.CSV.zip`, zip);
    const sum = corrupt.has(s) ? '0'.repeat(32) : md5(zip);
    lines.push(`${zip.byteLength} ${sum} http://data.gdeltproject.org/gdeltv2/${s}.export.CSV.zip`);
    lines.push(`123 ${'a'.repeat(32)} http://data.gdeltproject.org/gdeltv2/${s}.mentions.CSV.zip`);
    lines.push(`456 ${'b'.repeat(32)} http://data.gdeltproject.org/gdeltv2/${s}.gkg.csv.zip`);
  }
  files.set('/gdeltv2/masterfilelist.txt', new TextEncoder().encode(`${lines.join('\n')}\n`));
  handler = (_req, res, url) => {
    const body = files.get(url.pathname);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-length': String(body.byteLength) }).end(body);
  };
  return files;
}

const STAMPS = ['20150218224500', '20150218230000', '20150219000000', '20150220001500'];

describe('fetchGdelt', () => {
  it('parseMasterLine reads export lines and ignores mentions and gkg lines', () => {
    const l = parseMasterLine(
      '150383 297a16b493de7cf6ca809a7cc31d0b93 http://data.gdeltproject.org/gdeltv2/20150218230000.export.CSV.zip',
    );
    expect(l).toEqual({
      size: 150383,
      md5: '297a16b493de7cf6ca809a7cc31d0b93',
      url: 'http://data.gdeltproject.org/gdeltv2/20150218230000.export.CSV.zip',
      name: '20150218230000.export.CSV.zip',
      timestamp: '20150218230000',
    });
    expect(
      parseMasterLine(
        '5 297a16b493de7cf6ca809a7cc31d0b93 http://x/gdeltv2/20150218230000.mentions.CSV.zip',
      ),
    ).toBeUndefined();
  });

  it('downloads exactly the exports of the days in range, intact, and skips them on a second run', async () => {
    const files = gdeltSite(STAMPS);
    const out = temp();
    requests.length = 0;
    const first = await fetchGdelt({ from: '2015-02-18', to: '2015-02-19', out, baseUrl: base });
    expect(first.downloaded).toBe(3);
    expect(first.skipped).toBe(0);
    expect(readdirSync(out).sort()).toEqual(STAMPS.slice(0, 3).map((s) => `${s}.export.CSV.zip`));
    for (const s of STAMPS.slice(0, 3)) {
      expect(new Uint8Array(readFileSync(join(out, `${s}.export.CSV.zip`)))).toEqual(
        files.get(`/gdeltv2/${s}.export.CSV.zip`),
      );
    }
    requests.length = 0;
    const again = await fetchGdelt({ from: '2015-02-18', to: '2015-02-19', out, baseUrl: base });
    expect(again).toMatchObject({ downloaded: 0, skipped: 3 });
    expect(requests).toEqual(['/gdeltv2/masterfilelist.txt']);
  });

  it('replaces a present file whose MD5 differs from the list', async () => {
    gdeltSite(STAMPS);
    const out = temp();
    const name = `${STAMPS[3]}.export.CSV.zip`;
    writeFileSync(join(out, name), 'not the file');
    const r = await fetchGdelt({ from: '2015-02-20', to: '2015-02-20', out, baseUrl: base });
    expect(r).toMatchObject({ downloaded: 1, skipped: 0 });
    expect(md5(readFileSync(join(out, name)))).toBe(md5(exportZip(STAMPS[3] as string)));
  });

  it('refuses a body whose MD5 is not the listed one and leaves nothing behind', async () => {
    gdeltSite(STAMPS, new Set([STAMPS[1] as string]));
    const out = temp();
    const error = await fetchGdelt({
      from: '2015-02-18',
      to: '2015-02-18',
      out,
      baseUrl: base,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(EntenteError);
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(/^events fetch: .*MD5/);
    // The file before it in the list is whole; the bad one and its temp file are absent.
    expect(readdirSync(out)).toEqual([`${STAMPS[0]}.export.CSV.zip`]);
  });

  it('refuses files larger than maxBytes and ranges with more than maxFiles files', async () => {
    gdeltSite(STAMPS);
    const out = temp();
    await expect(
      fetchGdelt({ from: '2015', to: '2015', out, baseUrl: base, maxBytes: 10 }),
    ).rejects.toMatchObject({
      code: 'resource-limit',
    });
    await expect(
      fetchGdelt({ from: '2015', to: '2015', out, baseUrl: base, maxFiles: 3 }),
    ).rejects.toMatchObject({
      code: 'resource-limit',
      message: expect.stringMatching(/4 export files/),
    });
    expect(readdirSync(out)).toEqual([]);
  });

  it('lists nothing outside the range and rejects a reversed or malformed range', async () => {
    gdeltSite(STAMPS);
    expect(await listGdeltExports({ from: '2016', to: '2016', baseUrl: base })).toEqual([]);
    await expect(
      listGdeltExports({ from: '2015-03', to: '2015-02', baseUrl: base }),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(
      listGdeltExports({ from: '2015-02-30', to: '2015-03', baseUrl: base }),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });

  it('gives up on a server that never answers with a resource-limit error (timeout)', async () => {
    handler = () => undefined; // never responds
    await expect(
      fetchGdelt({ from: '2015', to: '2015', out: temp(), baseUrl: base, timeoutMs: 200 }),
    ).rejects.toMatchObject({
      code: 'resource-limit',
      message: expect.stringMatching(/within 200 ms/),
    });
  });

  it('reports an HTTP error status as not-found', async () => {
    handler = (_req, res) => res.writeHead(503).end();
    await expect(
      fetchGdelt({ from: '2015', to: '2015', out: temp(), baseUrl: base }),
    ).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/HTTP 503/),
    });
  });
});

/** A UCDP API over `n` events per year for the given years, paged as the real API pages. */
function ucdpSite(years: Record<string, number>, lie = false) {
  handler = (_req, res, url) => {
    const m = /^\/api\/gedevents\/(\d+\.\d+)$/.exec(url.pathname);
    if (!m) return void res.writeHead(404).end();
    const size = Number(url.searchParams.get('pagesize'));
    const page = Number(url.searchParams.get('page'));
    const start = url.searchParams.get('StartDate') ?? '';
    const n = years[start.slice(0, 4)] ?? 0;
    const all = Array.from({ length: n }, (_, i) => ({
      id: Number(start.slice(0, 4)) * 10_000 + i,
      year: Number(start.slice(0, 4)),
      side_a: 'Government of Afghanistan',
      side_b: i % 2 ? 'Taleban' : 'IS, "Khorasan"',
      date_start: `${start.slice(0, 4)}-03-01 00:00:00.000`,
      best: i,
      adm_1: null,
    }));
    const body = {
      TotalCount: lie ? n + 1 : n,
      TotalPages: Math.ceil(n / size),
      PreviousPageUrl: '',
      NextPageUrl: '',
      Result: all.slice(page * size, (page + 1) * size),
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
}

describe('fetchUcdp', () => {
  it('recordsToCsv quotes fields with commas and quotes and writes null as empty', () => {
    expect(recordsToCsv([{ a: 'x, "y"', b: null, c: 3 }])).toBe('a,b,c\n"x, ""y""",,3\n');
  });

  it('pages the API year by year into one CSV per year, with every event, and skips present years', async () => {
    ucdpSite({ '2015': 2500, '2016': 3 });
    const out = temp();
    requests.length = 0;
    const r = await fetchUcdp({ from: '2015-06', to: '2016', out, baseUrl: base, version: '23.1' });
    expect(r).toMatchObject({ downloaded: 2, skipped: 0 });
    // 2015: three pages of 1000 (the last partial); 2016: one.
    expect(requests).toEqual([
      '/api/gedevents/23.1?pagesize=1000&page=0&StartDate=2015-06-01&EndDate=2015-12-31',
      '/api/gedevents/23.1?pagesize=1000&page=1&StartDate=2015-06-01&EndDate=2015-12-31',
      '/api/gedevents/23.1?pagesize=1000&page=2&StartDate=2015-06-01&EndDate=2015-12-31',
      '/api/gedevents/23.1?pagesize=1000&page=0&StartDate=2016-01-01&EndDate=2016-12-31',
    ]);
    const csv = readFileSync(join(out, 'ucdp-ged-23.1-2015-06-01_2015-12-31.csv'), 'utf8');
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('id,year,side_a,side_b,date_start,best,adm_1');
    expect(lines).toHaveLength(2501);
    expect(lines[1]).toBe(
      '20150000,2015,Government of Afghanistan,"IS, ""Khorasan""",2015-03-01 00:00:00.000,0,',
    );
    requests.length = 0;
    expect(
      await fetchUcdp({ from: '2015-06', to: '2016', out, baseUrl: base, version: '23.1' }),
    ).toMatchObject({
      downloaded: 0,
      skipped: 2,
    });
    expect(requests).toEqual([]);
  });

  it('refuses a year whose rows differ from the API count, writing nothing', async () => {
    ucdpSite({ '2015': 5 }, true);
    const out = temp();
    await expect(fetchUcdp({ from: '2015', to: '2015', out, baseUrl: base })).rejects.toMatchObject(
      {
        code: 'invalid-argument',
        message: expect.stringMatching(/received 5 events, the API counts 6/),
      },
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it('sends the access token as x-ucdp-access-token', async () => {
    let seen: string | undefined;
    handler = (req, res) => {
      seen = req.headers['x-ucdp-access-token'] as string | undefined;
      res.writeHead(200).end(JSON.stringify({ TotalCount: 0, TotalPages: 0, Result: [] }));
    };
    await fetchUcdp({ from: '2015', to: '2015', out: temp(), baseUrl: base, token: 'secret-1' });
    expect(seen).toBe('secret-1');
  });
});

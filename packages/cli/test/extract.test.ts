import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseSchema, ExtractionSchema } from '@entente/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeShared, sharedPath } from '../../../test-support/shared-data.js';
import { runCli, tempDir } from './helpers.js';

const ESSAY = 'seed/coalition-of-enemies.txt';
const EMPTY = 'format: entente/1\nid: empty\ntitle: Empty\nactors: []\n';

describe('entente extract', () => {
  it('extract DOC --json prints an extraction that the contract schema accepts', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'doc.txt'), 'Iran is worried about the TTP.\n');
    const r = await runCli(['extract', 'doc.txt', '--json', '--date', '2023-05-01'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    // Nothing the schema does not name: parsing gives the document back unchanged.
    expect(ExtractionSchema.parse(json)).toEqual(json);
    const x = ExtractionSchema.parse(json);
    expect(x.document.date).toBe('2023-05-01');
    expect(x.proposals.map((p) => [p.from, p.to, p.type, p.status])).toEqual([
      ['tehrik-i-taliban-pakistan', 'iran', 'threat', 'pending'],
    ]);
  });

  it('extract --into CASE tells new, confirming and conflicting relations apart', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'case.yaml'),
      `${EMPTY.replace('actors: []', 'actors:\n  - { id: ir, name: Iran, kind: state }\n  - { id: iq, name: Iraq, kind: state }\n  - { id: sy, name: Syria, kind: state }\n  - { id: qa, name: Qatar, kind: state }')}relations:\n  - { from: ir, to: iq, type: armed-conflict }\n  - { from: ir, to: sy, type: alliance }\n`,
    );
    writeFileSync(
      join(dir, 'doc.txt'),
      'Iran fought Iraq. Iran fought Syria. Iran fought Qatar.\n',
    );
    const r = await runCli(['extract', 'doc.txt', '--into', 'case.yaml', '--json'], dir);
    expect(r.code).toBe(0);
    const x = ExtractionSchema.parse(JSON.parse(r.stdout));
    expect(x.proposals.map((p) => [p.to, p.against?.verdict])).toEqual([
      ['iq', 'confirming'],
      ['sy', 'conflicting'],
      ['qa', 'new'],
    ]);
  });

  it('extract of a binary file fails with exit 1 and changes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.txt'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]));
    const r = await runCli(['extract', 'x.txt', '--out', 'review.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^entente: extract: the input looks binary/);
    expect(() => readFileSync(join(dir, 'review.yaml'))).toThrow();
  });

  it('extract --apply without --into is a usage error of the command (exit 1)', async () => {
    const r = await runCli(['extract', '--apply', 'review.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--into/);
  });
});

describeShared(ESSAY, 'entente extract on the essay', () => {
  it('the essay → review → accept all → apply to an empty case → validates', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.yaml'), EMPTY);
    const essay = sharedPath(ESSAY);
    const a = await runCli(
      ['extract', essay, '--date', '2023', '--into', 'empty.yaml', '--out', 'review.yaml'],
      dir,
    );
    expect(a.code).toBe(0);
    const review = readFileSync(join(dir, 'review.yaml'), 'utf8');
    expect(review).toMatch(/status: pending/);
    writeFileSync(
      join(dir, 'review.yaml'),
      review.replaceAll('status: pending', 'status: accepted'),
    );
    const b = await runCli(
      ['extract', '--apply', 'review.yaml', '--into', 'empty.yaml', '--out', 'merged.yaml'],
      dir,
    );
    expect(b.code).toBe(0);
    const v = await runCli(['validate', 'merged.yaml'], dir);
    expect(v.code).toBe(0);
    const j = await runCli(
      ['extract', '--apply', 'review.yaml', '--into', 'empty.yaml', '--json'],
      dir,
    );
    const merged1 = JSON.parse(j.stdout);
    expect(CaseSchema.parse(merged1)).toEqual(merged1);
    const merged = parse(readFileSync(join(dir, 'merged.yaml'), 'utf8'));
    expect(merged.relations.length).toBeGreaterThan(20);
    expect(merged.relations.every((r: { evidence: unknown[] }) => r.evidence.length > 0)).toBe(
      true,
    );
  });
});

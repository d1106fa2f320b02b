import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary directory. */
export function tempDir(prefix = 'entente-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A small valid case (three actors, two relations) with the given id. */
export function smallCase(id: string, title = `Case ${id}`): string {
  return [
    'format: entente/1',
    `id: ${id}`,
    `title: ${title}`,
    'sources:',
    '  - id: s',
    '    title: A source',
    '    kind: report',
    '    author: Someone',
    '    date: 2020',
    'actors:',
    '  - { id: a, name: A, kind: state }',
    '  - { id: b, name: B, kind: regime }',
    '  - { id: c, name: C, kind: armed-group }',
    'relations:',
    '  - from: a',
    '    to: b',
    '    type: engagement',
    '    evidence: [{ source: s, paragraph: 1, paraphrase: "A engages B." }]',
    '  - from: c',
    '    to: a',
    '    type: threat',
    '    evidence: [{ source: s, paragraph: 2, paraphrase: "C threatens A." }]',
    '',
  ].join('\n');
}

/** Writes `files` (name → text) into a new temporary folder and returns it. */
export function caseFolder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** {@link smallCase} with two scenarios (status quo, every state severs ties) and a hypothesis. */
export function scenarioCase(id: string): string {
  return `${smallCase(id)}scenarios:
  - id: status-quo
    months: 24
  - id: sever
    months: 24
    defaultPolicy: sever
hypotheses:
  - id: sever-strengthens
    statement: Severing ties lets the group grow more than engagement does.
    scenario: sever
    metric: strength.total.change
    op: ">"
    versus: status-quo
`;
}

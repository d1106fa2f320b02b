import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itShared, SHARED_ROOT } from '../../../test-support/shared-data.js';
import { buildActorIndex, cameoVerbs, createReader, extract, nameKey } from '../src/index.js';

const reader = createReader();

describe('the built-in gazetteer', () => {
  const index = buildActorIndex();
  const actorOf = (name: string) => index.names.get(nameKey(name))?.actor;

  it('knows IS-K, TTP and ETIM by their aliases and abbreviations', () => {
    for (const name of [
      'IS-K',
      'ISKP',
      'ISSK',
      'ISS-K',
      'Islamic State Khorasan',
      'Islamic StateKhorasan',
    ]) {
      expect(actorOf(name), name).toBe('islamic-state-khorasan');
    }
    for (const name of ['TTP', 'Tehrik-i-Taliban Pakistan', 'TehreekeTaliban Pakistan']) {
      expect(actorOf(name), name).toBe('tehrik-i-taliban-pakistan');
    }
    expect(actorOf('ETIM')).toBe('east-turkestan-islamic-movement');
    expect(actorOf('Taliban')).toBe('taliban');
  });

  it('knows states by name, demonym and capital (world-countries)', () => {
    expect(actorOf('Pakistani')).toBe('pakistan');
    expect(actorOf('Islamabad')).toBe('pakistan');
    expect(actorOf('Islamic Republic of Iran')).toBe('iran');
    expect(actorOf('U.S.')).toBe('united-states');
  });

  it('a case actor takes the gazetteer names whose entry it is', () => {
    const withCase = buildActorIndex([
      { id: 'isk', name: 'Islamic State Khorasan Province', kind: 'armed-group' },
    ]);
    expect(withCase.names.get(nameKey('ISKP'))).toMatchObject({ actor: 'isk', origin: 'case' });
  });

  it('acronyms match only in capitals: "us" is not the United States', () => {
    const x = extract('They told us that Iran fought Iraq.', { reader });
    expect(x.mentions.map((m) => m.actor)).toEqual(['iran', 'iraq']);
  });

  it('classes CAMEO verbs: fight 19, threaten 13, negotiate 08', () => {
    const verbs = cameoVerbs();
    expect([verbs.fight, verbs.threaten, verbs.negotiate]).toEqual(['19', '13', '08']);
  });
});

itShared(
  ['data/text/Phoenix.MilNonState.actors.txt', 'data/text/CAMEO.2.0.txt'],
  'data/gazetteer.js is what scripts/build-gazetteer.js writes from the sources',
  () => {
    const root = resolve(import.meta.dirname, '../../..');
    const out = execFileSync(
      process.execPath,
      [join(root, 'scripts/build-gazetteer.js'), '--check', '--shared', SHARED_ROOT],
      { encoding: 'utf8' },
    );
    expect(out).toMatch(/is up to date/);
  },
);

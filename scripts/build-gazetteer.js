#!/usr/bin/env node
/**
 * Builds packages/extract/data/gazetteer.js: the compact actor gazetteer and verb lexicon that
 * @entente/extract reads. Run after changing this script or the data it reads:
 *
 *   node scripts/build-gazetteer.js [--shared ../shared] [--check]
 *
 * `--check` writes nothing and exits 1 when the committed file differs from what it would write.
 *
 * Sources (each keeps its licence; see packages/extract/data/NOTICE.md):
 * - world-countries (npm, ODbL-1.0 data): states, their official names, demonyms and capitals;
 * - Phoenix.MilNonState.actors.txt (petrarch2 dictionaries, MIT): non-state armed groups and
 *   their aliases;
 * - CAMEO.2.0.txt (petrarch2 dictionaries, MIT): verbs and the CAMEO class of their block;
 * - entente's own additions below (MIT): groups the 2013 dictionaries lack (IS-K, TTP, ETIM),
 *   international organisations and common short forms.
 * The output is deterministic: the same inputs give the same bytes.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argShared = process.argv.indexOf('--shared');
const shared = resolve(
  root,
  argShared > 0 ? process.argv[argShared + 1] : join('..', 'shared'),
  'data',
  'text',
);
const require = createRequire(import.meta.url);
const countries = require('world-countries');

/** Lower-case, hyphenated id from a display name. */
const slug = (name) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** "ADEN_ABYAN_ISLAMIC_ARMY_" → "Aden Abyan Islamic Army". */
const titleCase = (raw) =>
  raw
    .replace(/_/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/(^|[\s\-(/])([a-z])/g, (_, p, c) => p + c.toUpperCase())
    .replace(/\b(Of|The|And|For|In|On|Al|Al-|De|Du|La|Le|Y|E|I)\b/g, (w, _x, at) =>
      at === 0 ? w : w.toLowerCase(),
    );

// Single words too generic to stand for a group on their own (Phoenix lists some as aliases).
const GENERIC = new Set(
  'organization organisation movement front army party group brigade brigades council union league alliance committee resistance revolution people forces militia jihad mujahideen'.split(
    ' ',
  ),
);

const entries = new Map();
/** Adds or extends an entry: { id, name, kind, code?, aliases, demonyms, capitals, context }. */
function add(entry) {
  const prior = entries.get(entry.id);
  if (prior) {
    for (const key of ['aliases', 'demonyms', 'capitals', 'context']) {
      for (const v of entry[key] ?? []) if (!prior[key].includes(v)) prior[key].push(v);
    }
    return;
  }
  entries.set(entry.id, {
    id: entry.id,
    name: entry.name,
    kind: entry.kind,
    ...(entry.code ? { code: entry.code } : {}),
    aliases: [...new Set(entry.aliases ?? [])].filter((a) => a !== entry.name),
    demonyms: [...new Set(entry.demonyms ?? [])],
    capitals: [...new Set(entry.capitals ?? [])],
    context: [...(entry.context ?? [])],
  });
}

// ── States (world-countries) ───────────────────────────────────────────────────────────────
for (const c of countries) {
  if (!c.independent && c.status !== 'officially-assigned') continue;
  const name = c.name.common;
  const demonyms = [];
  const eng = c.demonyms?.eng;
  if (eng) {
    for (const d of new Set([eng.m, eng.f])) {
      if (!d) continue;
      demonyms.push(d);
      if (!/s$/.test(d)) demonyms.push(`${d}s`);
    }
  }
  const alt = (c.altSpellings ?? []).filter(
    (a) => a.length > 3 && /^[A-Za-z .'-]+$/.test(a) && a !== name,
  );
  add({
    id: slug(name),
    name,
    kind: 'state',
    code: c.cca3,
    aliases: [c.name.official, ...alt],
    demonyms,
    capitals: (c.capital ?? []).filter((x) => x.length > 2),
  });
}

// ── Non-state armed groups (Phoenix, MIT) ──────────────────────────────────────────────────
{
  const text = readFileSync(join(shared, 'Phoenix.MilNonState.actors.txt'), 'utf8');
  let current;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (!line.trim()) continue;
    const head = /^([^+\s][^[]*?)\s*\[([A-Z]{3,})[^\]]*\]/.exec(line);
    const names = (s) => {
      const paren = /\(([A-Z0-9-]{2,8})\)/.exec(s);
      const base = s
        .replace(/\([^)]*\)/g, '')
        .replace(/_+/g, ' ')
        .trim();
      return [titleCase(base), ...(paren ? [paren[1]] : [])];
    };
    if (head) {
      const [name, ...acr] = names(head[1]);
      if (!name) continue;
      current = slug(name);
      add({ id: current, name, kind: 'armed-group', code: head[2], aliases: acr });
    } else if (line.startsWith('+') && current) {
      for (const part of line.slice(1).split('+')) {
        const found = names(part).filter(
          (n) => n && !(n.split(' ').length === 1 && GENERIC.has(n.toLowerCase())),
        );
        add({ id: current, name: '', kind: 'armed-group', aliases: found });
      }
    } else current = undefined;
  }
}

// ── entente's additions (MIT) ──────────────────────────────────────────────────────────────
const ADDITIONS = [
  {
    id: 'taliban',
    name: 'Taliban',
    kind: 'armed-group',
    code: 'AFGINSTAL',
    aliases: ['Afghan Taliban', 'Taleban', 'Islamic Emirate of Afghanistan', 'Islamic Emirate'],
  },
  {
    id: 'islamic-state-khorasan',
    name: 'Islamic State Khorasan Province',
    kind: 'armed-group',
    aliases: [
      'IS-K',
      'ISKP',
      'ISK',
      'ISSK',
      'ISS-K',
      'ISIS-K',
      'ISIL-K',
      'IS-KP',
      'Islamic State Khorasan',
      'Islamic State-Khorasan',
      'Islamic State of Khorasan',
      'Islamic State in Khorasan',
      'Islamic State of Khorasan Province',
      'Islamic State – Khorasan Province',
      'Daesh Khorasan',
      'Khorasan branch of the Islamic State',
      'Khorasan Province',
    ],
  },
  {
    id: 'islamic-state',
    name: 'Islamic State',
    kind: 'armed-group',
    code: 'IMGMUSISI',
    aliases: [
      'ISIS',
      'ISIL',
      'Daesh',
      "Da'esh",
      'Islamic State of Iraq and the Levant',
      'Islamic State of Iraq and Syria',
      'Islamic State of Iraq and al-Sham',
      'Islamic State of Iraq',
    ],
  },
  {
    id: 'tehrik-i-taliban-pakistan',
    name: 'Tehrik-i-Taliban Pakistan',
    kind: 'armed-group',
    aliases: [
      'TTP',
      'Tehrik-e-Taliban Pakistan',
      'Tehreek-e-Taliban Pakistan',
      'Tehreek-i-Taliban Pakistan',
      'Tehrik-e-Taliban',
      'Pakistani Taliban',
    ],
  },
  {
    id: 'east-turkestan-islamic-movement',
    name: 'East Turkestan Islamic Movement',
    kind: 'armed-group',
    aliases: [
      'ETIM',
      'East Turkistan Islamic Movement',
      'Turkistan Islamic Party',
      'Turkestan Islamic Party',
      'TIP',
      'Uyghur militants',
      'Uighur militants',
    ],
  },
  // "Uyghurs" names the people; it stands for the militants only beside words of armed conflict.
  {
    id: 'east-turkestan-islamic-movement',
    name: '',
    kind: 'armed-group',
    context: ['Uyghurs', 'Uighurs', 'Uyghur', 'Uighur'],
  },
  {
    id: 'al-qaeda',
    name: 'al-Qaeda',
    kind: 'armed-group',
    aliases: ['al Qaeda', 'al-Qaida', 'Al Qaida', 'AQ'],
  },
  {
    id: 'haqqani-network',
    name: 'Haqqani Network',
    kind: 'armed-group',
    aliases: ['Haqqanis', 'the Haqqanis'],
  },
  { id: 'hezbollah', name: 'Hezbollah', kind: 'armed-group', aliases: ['Hizbullah', 'Hizballah'] },
  { id: 'hamas', name: 'Hamas', kind: 'armed-group' },
  { id: 'houthis', name: 'Houthis', kind: 'armed-group', aliases: ['Ansar Allah', 'Houthi'] },
  {
    id: 'nato',
    name: 'NATO',
    kind: 'organisation',
    aliases: ['North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation'],
  },
  { id: 'united-nations', name: 'United Nations', kind: 'organisation', aliases: ['UN', 'U.N.'] },
  { id: 'european-union', name: 'European Union', kind: 'organisation', aliases: ['EU', 'E.U.'] },
  {
    id: 'shanghai-cooperation-organisation',
    name: 'Shanghai Cooperation Organisation',
    kind: 'organisation',
    aliases: ['SCO', 'Shanghai Cooperation Organization'],
  },
  { id: 'african-union', name: 'African Union', kind: 'organisation', aliases: ['AU'] },
  {
    id: 'arab-league',
    name: 'Arab League',
    kind: 'organisation',
    aliases: ['League of Arab States'],
  },
  {
    id: 'organisation-of-islamic-cooperation',
    name: 'Organisation of Islamic Cooperation',
    kind: 'organisation',
    aliases: ['OIC', 'Organization of Islamic Cooperation'],
  },
  {
    id: 'united-states',
    name: 'United States',
    kind: 'state',
    aliases: ['U.S.', 'US', 'USA', 'U.S.A.', 'America', 'Washington', 'White House'],
  },
  {
    id: 'united-kingdom',
    name: 'United Kingdom',
    kind: 'state',
    aliases: ['UK', 'U.K.', 'Britain', 'Great Britain'],
    demonyms: ['British'],
  },
  { id: 'russia', name: 'Russia', kind: 'state', aliases: ['Kremlin', 'Russian Federation'] },
  { id: 'china', name: 'China', kind: 'state', aliases: ["People's Republic of China", 'PRC'] },
];
for (const entry of ADDITIONS) add(entry);

// ── Verbs and their CAMEO class (CAMEO.2.0.txt, MIT) ───────────────────────────────────────
const verbs = {};
{
  const text = readFileSync(join(shared, 'CAMEO.2.0.txt'), 'utf8');
  let code;
  for (const raw of text.split(/\r?\n/)) {
    const block = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(raw);
    if (block) {
      code = /^\d{3,4}$/.test(block[2]) ? block[2].slice(0, 2) : undefined;
      continue;
    }
    if (!code || !raw || raw.startsWith('-') || raw.startsWith('#') || /^\s/.test(raw)) continue;
    const line = raw.replace(/#.*$/, '').trim();
    const m = /^([A-Z_'-]+)\s*(\{([^}]*)\})?/.exec(line);
    if (!m || m[1].includes('_')) continue; // multi-word forms need the patterns; skipped
    for (const form of [m[1], ...(m[3] ? m[3].trim().split(/\s+/) : [])]) {
      const v = form.toLowerCase();
      if (v.length > 1 && !(v in verbs)) verbs[v] = code;
    }
  }
}

const sorted = [...entries.values()]
  .filter((e) => e.name)
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const data = {
  notice:
    'Derived by scripts/build-gazetteer.js; see NOTICE.md. States: world-countries (ODbL-1.0). Armed groups: Phoenix.MilNonState.actors.txt and verbs: CAMEO.2.0.txt (petrarch2 dictionaries, (c) Open Event Data Alliance, MIT). Additions: entente (MIT).',
  actors: sorted.map((e) => [
    e.id,
    e.kind,
    e.name,
    e.code ?? '',
    e.aliases,
    e.demonyms,
    e.capitals,
    e.context,
  ]),
  verbs: Object.fromEntries(Object.entries(verbs).sort(([a], [b]) => (a < b ? -1 : 1))),
};
const out = join(root, 'packages', 'extract', 'data', 'gazetteer.js');
const body = `// Generated by scripts/build-gazetteer.js: do not edit. Licences: ./NOTICE.md.\nexport default ${JSON.stringify(data)};\n`;
if (process.argv.includes('--check')) {
  const same = existsSync(out) && readFileSync(out, 'utf8') === body;
  console.log(
    same ? `${out} is up to date` : `${out} is stale: run node scripts/build-gazetteer.js`,
  );
  process.exit(same ? 0 : 1);
}
writeFileSync(`${out}.tmp`, body);
renameSync(`${out}.tmp`, out);
console.log(
  `wrote ${out}: ${sorted.length} actors, ${Object.keys(verbs).length} verbs, ${body.length} bytes`,
);

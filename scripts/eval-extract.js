#!/usr/bin/env node
/**
 * `npm run eval:extract`: measures @entente/extract against
 * 1. the hand-made gold annotation of the essay (packages/extract/gold/essay.yaml): precision,
 *    recall and F1 for actor mentions (paragraph, actor), unordered pairs (paragraph, pair) and
 *    signed pairs (paragraph, pair, sign) — with the built-in case's actors, and with the
 *    gazetteer alone;
 * 2. the PLOVER gold-standard records (../shared/data/text/PLOVER_GSR_CAMEO.txt, CC BY-SA 4.0):
 *    recall of the coded actors, source/target precision and recall, and cooperation-vs-conflict
 *    polarity accuracy;
 * 3. sentence splitting by wink-nlp and by Intl.Segmenter on the same texts.
 * Prints a report; `--json` prints the numbers as JSON. The functions are exported for the test
 * that pins the floors (packages/extract/test/eval.test.ts).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCase } from '@entente/core';
import { buildActorIndex, createReader, extract, textPolarity } from '@entente/extract';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Gazetteer ids → the essay gold's (the built-in case's) actor ids, for the gazetteer-only run. */
const GAZETTEER_TO_CASE = {
  'united-states': 'us',
  'islamic-state-khorasan': 'isk',
  'tehrik-i-taliban-pakistan': 'ttp',
  'east-turkestan-islamic-movement': 'etim',
};

/** Precision, recall and F1 of two sets of string keys. */
export function prf(predicted, gold) {
  let tp = 0;
  for (const k of predicted) if (gold.has(k)) tp++;
  const precision = predicted.size ? tp / predicted.size : 0;
  const recall = gold.size ? tp / gold.size : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, predicted: predicted.size, gold: gold.size, correct: tp };
}

const pairKey = (p, a, b) => (a < b ? `${p}|${a}|${b}` : `${p}|${b}|${a}`);

/** Scores an extraction of the essay against the gold file. */
export function scoreEssay(extraction, gold, map = (id) => id) {
  const goldMentions = new Set();
  for (const [p, ids] of Object.entries(gold.mentions))
    for (const id of ids) goldMentions.add(`${p}|${id}`);
  const goldPairs = new Set(gold.relations.map((r) => pairKey(r.paragraph, ...r.pair)));
  const goldSigned = new Set(
    gold.relations.map((r) => `${pairKey(r.paragraph, ...r.pair)}|${r.sign}`),
  );
  const mentions = new Set(
    extraction.mentions.filter((m) => !m.place).map((m) => `${m.paragraph}|${map(m.actor)}`),
  );
  const pairs = new Set();
  const signed = new Set();
  for (const p of extraction.proposals) {
    const k = pairKey(p.evidence.paragraph, map(p.from), map(p.to));
    pairs.add(k);
    signed.add(`${k}|${p.sign}`);
  }
  const errors = {
    missedPairs: [...goldPairs].filter((k) => !pairs.has(k)),
    extraPairs: [...pairs].filter((k) => !goldPairs.has(k)),
    wrongSign: [...signed].filter(
      (k) => !goldSigned.has(k) && goldPairs.has(k.replace(/\|-?\d$/, '')),
    ),
  };
  return {
    mentions: prf(mentions, goldMentions),
    pairs: prf(pairs, goldPairs),
    signedPairs: prf(signed, goldSigned),
    errors,
  };
}

/** The essay evaluation: with the built-in case's actors, and with the gazetteer alone. */
export function evaluateEssay({
  shared = join(root, '..', 'shared'),
  reader = createReader(),
} = {}) {
  const gold = parse(readFileSync(join(root, 'packages/extract/gold/essay.yaml'), 'utf8'));
  const text = readFileSync(join(shared, 'seed', 'coalition-of-enemies.txt'), 'utf8');
  const caseData = parseCase(readFileSync(join(root, 'cases/afghanistan-2023.yaml'), 'utf8'));
  const withCase = extract(text, { caseData, date: '2023', reader });
  const alone = extract(text, { date: '2023', reader });
  if (withCase.document.sha256 !== gold.sha256) {
    throw new Error(
      `eval-extract: the essay's sha256 ${withCase.document.sha256} is not the gold's ${gold.sha256}`,
    );
  }
  return {
    withCase: scoreEssay(withCase, gold),
    gazetteerOnly: scoreEssay(alone, gold, (id) => GAZETTEER_TO_CASE[id] ?? id),
    proposals: withCase.proposals.length,
  };
}

const COOPERATION = new Set([
  'AGREE',
  'SUPPORT',
  'CONSULT',
  'AID',
  'COOPERATE',
  'CONCEDE',
  'RETREAT',
  'INVESTIGATE',
]);

const actorList = (v) => (Array.isArray(v) ? v.filter((a) => a?.actorText) : []);

/** The PLOVER evaluation. */
export function evaluatePlover({
  shared = join(root, '..', 'shared'),
  reader = createReader(),
} = {}) {
  const records = JSON.parse(
    readFileSync(join(shared, 'data/text/PLOVER_GSR_CAMEO.txt'), 'utf8'),
  ).filter((r) => r.event !== 'DOCUMENT' && typeof r.text === 'string');
  let goldActors = 0;
  let foundActors = 0;
  const src = { tp: 0, predicted: 0, gold: 0 };
  const tar = { tp: 0, predicted: 0, gold: 0 };
  let polarityRight = 0;
  let undecided = 0;
  const actorIndex = buildActorIndex();
  for (const r of records) {
    const x = extract(r.text, { reader, actorIndex });
    const actorAt = (text) => {
      const at = r.text.indexOf(text);
      if (at < 0) return undefined;
      const m = x.mentions.find((m) => m.span[0] < at + text.length && m.span[1] > at);
      return m?.actor;
    };
    const goldOf = (list, tag) =>
      new Set(list.map((a, i) => actorAt(a.actorText) ?? `${tag}${i}:${a.actorText}`));
    const sources = actorList(r.source);
    const targets = actorList(r.target);
    for (const a of [...sources, ...targets]) {
      goldActors++;
      if (actorAt(a.actorText) !== undefined) foundActors++;
    }
    const gs = goldOf(sources, 's');
    const gt = goldOf(targets, 't');
    const ps = new Set(x.proposals.map((p) => p.from));
    const pt = new Set(x.proposals.map((p) => p.to));
    // A compound SRC/TAR record ("X and Y agreed") codes both actors as sources and targets.
    for (const [pred, goldSet, acc] of [
      [ps, gs, src],
      [pt, gt, tar],
    ]) {
      acc.predicted += pred.size;
      acc.gold += goldSet.size;
      for (const k of pred) if (goldSet.has(k)) acc.tp++;
    }
    const signs = x.proposals.map((p) => p.sign).filter((s) => s !== 0);
    let polarity = signs.length ? Math.sign(signs.reduce((a, b) => a + b, 0)) : 0;
    if (polarity === 0) polarity = textPolarity(r.text, { reader });
    if (polarity === 0) undecided++;
    else if (polarity > 0 === COOPERATION.has(r.event)) polarityRight++;
  }
  const rate = (a) => ({
    precision: a.predicted ? a.tp / a.predicted : 0,
    recall: a.gold ? a.tp / a.gold : 0,
  });
  return {
    records: records.length,
    actorRecall: foundActors / goldActors,
    source: rate(src),
    target: rate(tar),
    polarityAccuracy: polarityRight / records.length,
    polarityUndecided: undecided,
  };
}

/** Sentence splitting of wink-nlp and Intl.Segmenter on the PLOVER sentences and the essay. */
export function compareSegmenters({
  shared = join(root, '..', 'shared'),
  reader = createReader(),
} = {}) {
  const records = JSON.parse(
    readFileSync(join(shared, 'data/text/PLOVER_GSR_CAMEO.txt'), 'utf8'),
  ).filter((r) => r.event !== 'DOCUMENT' && typeof r.text === 'string');
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const intl = (t) => [...segmenter.segment(t)].filter((s) => s.segment.trim()).length;
  const wink = (t) => reader.readDoc(t).sentences().length();
  let winkOne = 0;
  let intlOne = 0;
  for (const r of records) {
    if (wink(r.text) === 1) winkOne++;
    if (intl(r.text) === 1) intlOne++;
  }
  const essay = readFileSync(join(shared, 'seed', 'coalition-of-enemies.txt'), 'utf8');
  const paragraphs = essay.split(/\n\s*\n/).slice(2);
  return {
    ploverSingleSentence: { wink: winkOne / records.length, intl: intlOne / records.length },
    essaySentences: { wink: paragraphs.map(wink), intl: paragraphs.map(intl) },
  };
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;
const row = (name, m) =>
  `| ${name} | ${m.precision.toFixed(2)} | ${m.recall.toFixed(2)} | ${m.f1.toFixed(2)} | ${m.correct}/${m.predicted} pred, ${m.gold} gold |`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const reader = createReader();
  const essay = evaluateEssay({ reader });
  const plover = evaluatePlover({ reader });
  const seg = compareSegmenters({ reader });
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ essay, plover, segmenters: seg }, null, 2));
  } else {
    for (const [label, s] of [
      ['Essay, with the built-in case actors', essay.withCase],
      ['Essay, gazetteer only', essay.gazetteerOnly],
    ]) {
      console.log(
        `\n${label}\n\n| unit | precision | recall | F1 | counts |\n|---|---|---|---|---|`,
      );
      console.log(row('actor mentions (¶, actor)', s.mentions));
      console.log(row('unordered pairs (¶, pair)', s.pairs));
      console.log(row('signed pairs (¶, pair, sign)', s.signedPairs));
      console.log(`\nmissed pairs: ${s.errors.missedPairs.join(', ') || 'none'}`);
      console.log(`extra pairs: ${s.errors.extraPairs.join(', ') || 'none'}`);
      console.log(`wrong sign: ${s.errors.wrongSign.join(', ') || 'none'}`);
    }
    console.log(`\nPLOVER (${plover.records} records)\n`);
    console.log(`- coded actors found: ${pct(plover.actorRecall)}`);
    console.log(
      `- source actors: precision ${pct(plover.source.precision)}, recall ${pct(plover.source.recall)}`,
    );
    console.log(
      `- target actors: precision ${pct(plover.target.precision)}, recall ${pct(plover.target.recall)}`,
    );
    console.log(
      `- cooperation vs conflict polarity accuracy: ${pct(plover.polarityAccuracy)} (${plover.polarityUndecided} undecided, counted wrong)`,
    );
    console.log('\nSentence splitting (wink-nlp vs Intl.Segmenter)\n');
    console.log(
      `- PLOVER records read as one sentence: wink ${pct(seg.ploverSingleSentence.wink)}, Intl.Segmenter ${pct(seg.ploverSingleSentence.intl)}`,
    );
    console.log(
      `- essay sentences per body paragraph: wink ${seg.essaySentences.wink.join(' ')}; Intl.Segmenter ${seg.essaySentences.intl.join(' ')}`,
    );
  }
}

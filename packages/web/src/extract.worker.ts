/**
 * The Sources tab's worker: reads a text with `@entente/extract` (wink-nlp and its model load
 * here, once) and merges a review into a case with `applyReview`, off the page's main thread, so
 * a long report does not freeze the workbench while it is read. Messages are
 * {@link ExtractRequest} in and {@link ExtractReply} out (extract-client.ts sends them).
 */
import { resolveVocabulary } from '@entente/core';
import { applyReview, createReader, documentText, extract, formatOfName } from '@entente/extract';
import { stringify } from 'yaml';
import type { ExtractReply, ExtractRequest } from './extract-messages.js';

let reader: ReturnType<typeof createReader> | null = null;

function handle(m: ExtractRequest): ExtractReply {
  try {
    if (m.kind === 'extract') {
      reader ??= createReader();
      const format = m.fileName ? formatOfName(m.fileName) : 'text';
      const x = extract(m.raw, {
        format,
        caseData: m.caseData,
        reader,
        ...(m.date ? { date: m.date } : {}),
      });
      const types = [...resolveVocabulary(m.caseData.vocabulary ?? []).values()].map((d) => ({
        type: d.type,
        label: d.label,
      }));
      return { id: m.id, ok: true, kind: 'extract', x, text: documentText(m.raw, format), types };
    }
    if (m.kind === 'apply') {
      const merged = applyReview(m.caseData, m.review, m.date ? { date: m.date } : {});
      return { id: m.id, ok: true, kind: 'apply', yaml: stringify(merged, { lineWidth: 0 }) };
    }
    reader ??= createReader();
    return { id: m.id, ok: true, kind: 'ready' };
  } catch (e) {
    return { id: m.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

self.onmessage = (ev: MessageEvent<ExtractRequest>) => {
  self.postMessage(handle(ev.data));
};

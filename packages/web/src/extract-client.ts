/**
 * The page's side of the Sources tab's worker (extract.worker.ts): one worker, started on first
 * use, and a promise per request. A worker that fails to start or crashes rejects what was
 * pending and is started afresh on the next request.
 */
import type { Case } from '@entente/core/contract';
import type { Extraction } from '@entente/extract';
import type { ExtractReply, ExtractRequest, OfferedType } from './extract-messages.js';

type Pending = { resolve(r: ExtractReply): void; reject(e: Error): void };
type Body = ExtractRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

let worker: Worker | null = null;
let next = 1;
const pending = new Map<number, Pending>();

function failAll(message: string) {
  for (const p of pending.values()) p.reject(new Error(message));
  pending.clear();
  worker?.terminate();
  worker = null;
}

function ask(body: Body): Promise<ExtractReply> {
  if (!worker) {
    worker = new Worker(new URL('./extract.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<ExtractReply>) => {
      const p = pending.get(ev.data.id);
      pending.delete(ev.data.id);
      p?.resolve(ev.data);
    };
    worker.onerror = (ev) => failAll(`sources: the extraction worker failed: ${ev.message}`);
  }
  const id = next++;
  return new Promise<ExtractReply>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker?.postMessage({ ...body, id } as ExtractRequest);
  });
}

const failed = (r: ExtractReply): never => {
  throw new Error(r.ok ? `sources: unexpected reply ${r.kind}` : r.message);
};

/** Starts the worker and loads the extractor's model (call when the tab opens). */
export async function warmExtractor(): Promise<void> {
  const r = await ask({ kind: 'ready' });
  if (!r.ok) failed(r);
}

/** Reads `raw` (from a file named `fileName`, or pasted) against `caseData`. */
export async function extractText(
  raw: string,
  fileName: string | null,
  date: string | null,
  caseData: Case,
): Promise<{ x: Extraction; text: string; types: readonly OfferedType[] }> {
  const r = await ask({ kind: 'extract', raw, fileName, date, caseData });
  return r.ok && r.kind === 'extract' ? { x: r.x, text: r.text, types: r.types } : failed(r);
}

/** `applyReview(caseData, review)` as YAML text. */
export async function applyReviewText(
  caseData: Case,
  review: Extraction,
  date: string | null,
): Promise<string> {
  const r = await ask({ kind: 'apply', caseData, review, date });
  return r.ok && r.kind === 'apply' ? r.yaml : failed(r);
}

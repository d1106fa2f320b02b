/**
 * The messages between the Sources tab and its worker (extract.worker.ts): read a text, merge a
 * review into a case, or just load the extractor; each reply carries the request's id.
 */
import type { Case } from '@entente/core/contract';
import type { Extraction } from '@entente/extract';

/** A request to the worker. */
export type ExtractRequest =
  | {
      readonly id: number;
      readonly kind: 'extract';
      readonly raw: string;
      /** The uploaded file's name (its extension picks text, markdown or HTML), or null. */
      readonly fileName: string | null;
      readonly date: string | null;
      readonly caseData: Case;
    }
  | {
      readonly id: number;
      readonly kind: 'apply';
      readonly caseData: Case;
      readonly review: Extraction;
      readonly date: string | null;
    }
  | { readonly id: number; readonly kind: 'ready' };

/** A relation type offered when a proposal is edited. */
export interface OfferedType {
  readonly type: string;
  readonly label: string;
}

/** The worker's reply. */
export type ExtractReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly kind: 'extract';
      readonly x: Extraction;
      /** The text the offsets count in (for HTML, the text made of it). */
      readonly text: string;
      readonly types: readonly OfferedType[];
    }
  | { readonly id: number; readonly ok: true; readonly kind: 'apply'; readonly yaml: string }
  | { readonly id: number; readonly ok: true; readonly kind: 'ready' }
  | { readonly id: number; readonly ok: false; readonly message: string };

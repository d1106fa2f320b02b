/**
 * Text sent to the case editor from elsewhere in the workbench (the Sources tab's "Apply
 * accepted"): the editor replaces its document with it as one edit, so the linter checks it and
 * undo takes it back. A text sent before the (lazily loaded) editor exists waits for it.
 */

/** A text for the editor, with a note for its status line. */
export interface EditorDelivery {
  readonly text: string;
  readonly note: string;
}

let pending: EditorDelivery | null = null;
let receiver: ((d: EditorDelivery) => void) | null = null;

/** Sends `text` to the case editor (now if it is open, else when it opens). */
export function sendToEditor(text: string, note: string): void {
  const d = { text, note };
  if (receiver) receiver(d);
  else pending = d;
}

/**
 * Makes `r` the editor's receiver and hands it a text that was waiting; returns the function
 * that stops receiving.
 */
export function receiveInEditor(r: (d: EditorDelivery) => void): () => void {
  receiver = r;
  const waiting = pending;
  pending = null;
  if (waiting) r(waiting);
  return () => {
    if (receiver === r) receiver = null;
  };
}

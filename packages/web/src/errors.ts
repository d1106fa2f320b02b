/**
 * An error as the workbench shows it: a server error with its first located issues
 * (`line:column code message`), or any other error's message.
 */
import { ApiError } from './api/client.js';

/** The text shown for error `e`: the message, then up to five located issues of a server error. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    const located = e.issues
      .slice(0, 5)
      .map((i) => `${i.line ?? '?'}:${i.column ?? '?'} ${i.code} ${i.message}`);
    return [e.message, ...located].join('\n');
  }
  return e instanceof Error ? e.message : String(e);
}

/** The short text of error `e` in a panel: `code: message` for a server error. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return `${e.code}: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

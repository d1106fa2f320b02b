/**
 * The checks every calibration method runs on its options, with the same messages:
 * `<operation>: <name> must be a whole number ≥ <min>, got <x>` and `… must lie in (0, 1), got …`.
 */
import { EntenteError } from '../errors.js';

/**
 * Checks that `x` is a safe whole number ≥ `min`.
 * @throws {EntenteError} `out-of-range`
 */
export function checkWhole(operation: string, name: string, x: number, min: number): void {
  if (!Number.isSafeInteger(x) || x < min)
    throw new EntenteError(
      'out-of-range',
      `${operation}: ${name} must be a whole number ≥ ${min}, got ${x}`,
    );
}

/**
 * Checks that `x` lies strictly between 0 and 1.
 * @throws {EntenteError} `out-of-range`
 */
export function checkShare(operation: string, name: string, x: number): void {
  if (!(x > 0 && x < 1))
    throw new EntenteError('out-of-range', `${operation}: ${name} must lie in (0, 1), got ${x}`);
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Case, loadCase } from '@entente/core';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../../..');

/** The built-in case, validated. */
export function builtinCase(): Case {
  const result = loadCase(readFileSync(resolve(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  return result.case;
}

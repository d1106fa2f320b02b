/**
 * A calibration as `entente serve --calibration PATH` reads it: the folder `entente calibrate
 * --out DIR` writes (`posterior.json`, `fit.json`, `forecast.json`) or the one file of
 * `calibrate --json`, parsed and checked by core's {@link parseCalibrationParts}.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CALIBRATION_FILES,
  type CalibrateCommandJson,
  type CalibrationPart,
  EntenteError,
  parseCalibrationParts,
} from '@entente/core';

const OPERATION = 'serve --calibration';

/** Reads and parses one JSON file, naming it in any error. */
async function readPart(file: string): Promise<CalibrationPart> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new EntenteError(
      'not-found',
      `${OPERATION}: cannot read ${file} (a folder written by \`entente calibrate --out DIR\` holds ${CALIBRATION_FILES.join(', ')})`,
    );
  }
  try {
    return { name: file, data: JSON.parse(text) };
  } catch (error) {
    throw new EntenteError(
      'invalid-argument',
      `${OPERATION}: ${file}: not JSON (${(error as Error).message})`,
    );
  }
}

/**
 * Reads the calibration at `path`: a folder of `calibrate --out` or a `calibrate --json` file.
 * @throws {EntenteError} `not-found` when the path or one of the folder's files is missing;
 *   `invalid-argument` naming the file and field when a file is not JSON or not a calibration
 */
export async function readCalibration(path: string): Promise<CalibrateCommandJson> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch {
    throw new EntenteError('not-found', `${OPERATION}: no such file or folder ${path}`);
  }
  const files = isDir ? CALIBRATION_FILES.map((f) => join(path, f)) : [path];
  const parts: CalibrationPart[] = [];
  for (const f of files) parts.push(await readPart(f));
  return parseCalibrationParts(parts, OPERATION);
}

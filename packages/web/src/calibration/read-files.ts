/**
 * Reads a calibration the user opens in the browser: the file of `entente calibrate --json`, or
 * the three files of its `--out` folder, checked by core's `parseCalibrationParts` (the zod schema
 * the server uses). Loaded on first use: it brings zod into the page.
 */
import { type CalibrateCommandJson, EntenteError, parseCalibrationParts } from '@entente/core';

/** A file's name and text. */
export interface NamedText {
  readonly name: string;
  readonly text: string;
}

/**
 * The calibration in `files`.
 * @throws {EntenteError} `invalid-argument` naming the file that is not JSON, or the file and
 *   field that are not a calibration
 */
export function readCalibrationFiles(files: readonly NamedText[]): CalibrateCommandJson {
  const parts = files.map((f) => {
    try {
      return { name: f.name, data: JSON.parse(f.text) as unknown };
    } catch (error) {
      throw new EntenteError(
        'invalid-argument',
        `open calibration: ${f.name}: not JSON (${(error as Error).message})`,
      );
    }
  });
  return parseCalibrationParts(parts, 'open calibration');
}

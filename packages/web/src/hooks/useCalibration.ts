/**
 * The Calibration tab's state: the calibration the server was started with (`GET
 * /api/calibration`, asked once the tab is first opened), or one the user opens from files
 * (`calibrate --json`, or the three files of `calibrate --out DIR`), checked in the browser with
 * the contract's zod schema; a bad file leaves what is shown unchanged and says why. Also which
 * parameters the scatter matrix shows (the informed ones until the user picks others).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { getCalibration } from '../api/client.js';
import { type Calibration, defaultPairIds, MAX_PAIR_PARAMETERS } from '../charts/calibration.js';
import { errorText } from '../errors.js';

/** What {@link useCalibration} returns. */
export interface CalibrationState {
  /** The calibration shown, or null. */
  calibration: Calibration | null;
  /** Where it came from: `server`, or the names of the files opened. */
  origin: string | null;
  /** Whether the server's answer is awaited. */
  loading: boolean;
  /** Why the server's calibration could not be read (not its absence), or null. */
  error: string | null;
  /** Why the files last opened were refused (the calibration shown is unchanged), or null. */
  fileError: string | null;
  /** Opens a calibration from files. */
  openFiles(files: readonly File[]): void;
  /** The parameters of the scatter matrix, in the calibration's order. */
  pairIds: string[];
  /** Adds a parameter to the scatter matrix or takes it out (at most MAX_PAIR_PARAMETERS). */
  togglePair(id: string): void;
}

type Shown = { calibration: Calibration; origin: string };

/** The calibration of the tab; nothing is asked until `enabled` (the tab has been opened). */
export function useCalibration(enabled: boolean): CalibrationState {
  const [shown, setShown] = useState<Shown | null>(null);
  const [asked, setAsked] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ of: Calibration; ids: string[] } | null>(null);

  useEffect(() => {
    if (!enabled || asked) return;
    setAsked(true);
    setLoading(true);
    getCalibration()
      .then((c) => {
        // A file opened while the server answered wins.
        if (c) setShown((s) => s ?? { calibration: c, origin: 'server' });
      })
      .catch((e) => setError(errorText(e)))
      .finally(() => setLoading(false));
  }, [enabled, asked]);

  const openFiles = useCallback((files: readonly File[]) => {
    if (files.length === 0) return;
    Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })))
      .then(async (texts) => {
        const { readCalibrationFiles } = await import('../calibration/read-files.js');
        const calibration = readCalibrationFiles(texts);
        setShown({ calibration, origin: texts.map((t) => t.name).join(', ') });
        setFileError(null);
      })
      .catch((e) => setFileError(errorText(e)));
  }, []);

  const calibration = shown?.calibration ?? null;
  const pairIds = useMemo(() => {
    if (!calibration) return [];
    if (picked && picked.of === calibration) return picked.ids;
    return defaultPairIds(calibration);
  }, [calibration, picked]);
  const togglePair = useCallback(
    (id: string) => {
      if (!calibration) return;
      const has = pairIds.includes(id);
      if (!has && pairIds.length >= MAX_PAIR_PARAMETERS) return;
      const next = calibration.parameters
        .map((p) => p.id)
        .filter((p) => (p === id ? !has : pairIds.includes(p)));
      setPicked({ of: calibration, ids: next });
    },
    [calibration, pairIds],
  );

  return {
    calibration,
    origin: shown?.origin ?? null,
    loading,
    error,
    fileError,
    openFiles,
    pairIds,
    togglePair,
  };
}

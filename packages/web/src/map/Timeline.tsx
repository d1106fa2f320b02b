/**
 * The timeline under the map: a slider over the dates the case mentions, with the date shown and
 * the periods of the case that contain it.
 */
import type { Case } from '../api/types.js';
import { periodsAt } from '../timeline.js';

/** Props of {@link Timeline}. */
export interface TimelineProps {
  caseData: Case | null;
  dates: readonly string[];
  at: string | null;
  atIndex: number;
  onAt(at: string | null): void;
}

/** The timeline slider (nothing when the case mentions no date). */
export function Timeline({ caseData, dates, at, atIndex, onAt }: TimelineProps) {
  if (dates.length === 0) return null;
  return (
    <div className="timeline">
      <label className="field grow">
        <span>
          Date: <strong data-testid="date">{at ?? 'all'}</strong>
          {caseData && at ? (
            <span className="muted"> {periodsAt(caseData, at).join(' · ')}</span>
          ) : null}
        </span>
        <input
          type="range"
          min={0}
          max={dates.length - 1}
          step={1}
          value={atIndex}
          onChange={(e) => onAt(dates[Number(e.target.value)] ?? null)}
          aria-valuetext={at ?? ''}
          data-testid="timeline"
        />
      </label>
      <div className="ticks" aria-hidden="true">
        <span>{dates[0]}</span>
        <span>{dates[dates.length - 1]}</span>
      </div>
    </div>
  );
}

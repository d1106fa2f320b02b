/**
 * The map's controls: the layer toggles, the grouping, the actor in focus, the tie list (the
 * keyboard's way to select a tie) and the exports.
 */
import { type AnalysisBundle, LAYERS, type Layer, type ProjectedTie } from '../api/types.js';
import type { Grouping, GroupingOption } from '../grouping.js';
import { projectedActorIds } from '../projection.js';
import { tieId } from './tie-id.js';

/** Props of {@link MapToolbar}. */
export interface MapToolbarProps {
  analysis: AnalysisBundle | null;
  /** Actor names by id. */
  names: ReadonlyMap<string, string>;
  layers: readonly Layer[];
  onLayer(layer: Layer, on: boolean): void;
  groupingOptions: GroupingOption[];
  grouping: Grouping;
  onGrouping(g: Grouping): void;
  focus: string | null;
  onFocus(id: string | null): void;
  tie: ProjectedTie | null;
  onSelectTie(t: ProjectedTie | null): void;
  onExportSvg(): void;
  onExportPng(): void;
}

/** The toolbar above the map. */
export function MapToolbar(props: MapToolbarProps) {
  const { analysis, names, layers, tie } = props;
  return (
    <div className="toolbar">
      <fieldset className="layers">
        <legend>Layers</legend>
        {LAYERS.map((l) => (
          <label key={l} className="check">
            <input
              type="checkbox"
              checked={layers.includes(l)}
              onChange={(e) => props.onLayer(l, e.target.checked)}
              data-testid={`layer-${l}`}
            />
            {l}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Group by</span>
        <select
          value={props.grouping}
          onChange={(e) => props.onGrouping(e.target.value)}
          aria-label="Group the map by"
        >
          {props.groupingOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Focus</span>
        <select
          aria-label="Focus on an actor"
          value={props.focus ?? ''}
          onChange={(e) => props.onFocus(e.target.value || null)}
        >
          <option value="">all actors</option>
          {projectedActorIds(analysis).map((id) => (
            <option key={id} value={id}>
              {names.get(id) ?? id}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Tie</span>
        <select
          value={tie ? tieId(tie) : ''}
          onChange={(e) =>
            props.onSelectTie(
              analysis?.projection.ties.find((t) => tieId(t) === e.target.value) ?? null,
            )
          }
          data-testid="tie-select"
          aria-label="Select a tie"
        >
          <option value="">none selected</option>
          {(analysis?.projection.ties ?? []).map((t) => (
            <option key={tieId(t)} value={tieId(t)}>
              {names.get(t.source) ?? t.source} {t.sign > 0 ? '+' : '−'}{' '}
              {names.get(t.target) ?? t.target} ({t.weight.toFixed(2)})
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={props.onExportSvg} disabled={!analysis}>
        Export SVG
      </button>
      <button type="button" onClick={props.onExportPng} disabled={!analysis}>
        Export PNG
      </button>
    </div>
  );
}

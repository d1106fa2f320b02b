/**
 * The relation layers the map projects, in the order of `LAYERS` whatever order they are turned
 * on in.
 */
import { useCallback, useState } from 'react';
import { LAYERS, type Layer } from '../api/types.js';

/** What {@link useLayers} returns. */
export interface LayersState {
  layers: Layer[];
  /** Turns a layer on or off. */
  toggle(layer: Layer, on: boolean): void;
}

/** The layers on (all, at first). */
export function useLayers(): LayersState {
  const [layers, setLayers] = useState<Layer[]>([...LAYERS]);
  const toggle = useCallback(
    (l: Layer, on: boolean) =>
      setLayers((prev) =>
        on ? LAYERS.filter((x) => x === l || prev.includes(x)) : prev.filter((x) => x !== l),
      ),
    [],
  );
  return { layers, toggle };
}

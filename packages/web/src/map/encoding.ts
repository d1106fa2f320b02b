/**
 * The map's visual encoding, in one place so the map, its legend and the report agree: shape by
 * actor kind, size by actor size (log scale), colour *and* line style by tie sign, width by
 * |weight|, a coloured halo per group of the chosen grouping.
 */

import type { Actor } from '@entente/core/contract';
import type { Css, StylesheetJson } from 'cytoscape';

/** Tie colours: positive blue-ish, negative red-ish (always paired with a line style). */
export const POSITIVE_COLOR = '#2563eb';
export const NEGATIVE_COLOR = '#c2410c';

/** Node shape per actor kind. */
export const KIND_SHAPES: Record<string, Css.NodeShape> = {
  state: 'ellipse',
  regime: 'diamond',
  'armed-group': 'triangle',
  organisation: 'hexagon',
  opposition: 'star',
  population: 'round-rectangle',
  other: 'octagon',
};

/** Node fill per actor kind (a second cue next to the shape). */
export const KIND_FILLS: Record<string, string> = {
  state: '#e2e8f0',
  regime: '#fde68a',
  'armed-group': '#fca5a5',
  organisation: '#c7d2fe',
  opposition: '#bbf7d0',
  population: '#f5d0fe',
  other: '#e5e7eb',
};

/** Halo colours of the groups of a grouping (coalitions or a landscape configuration). */
export const GROUP_COLORS = ['#0891b2', '#d97706', '#7c3aed', '#16a34a', '#db2777', '#4b5563'];

/** Diameter in pixels of an actor's node: log scale of its size; actors without one get 30. */
export function nodeDiameter(actor: Actor | undefined): number {
  const v = actor?.size?.value;
  if (v === undefined || !(v > 0)) return 30;
  // CINC shares run from about 1e-5 (small groups) to 0.25 (the largest states).
  const t = (Math.log10(v) + 5) / 4.4;
  return Math.round(22 + 52 * Math.min(1, Math.max(0, t)));
}

/** Width in pixels of a tie of weight `w` when the heaviest tie weighs `max`. */
export function edgeWidth(w: number, max: number): number {
  return 1.5 + 6 * (max > 0 ? Math.abs(w) / max : 0);
}

/** The Cytoscape stylesheet of the map. */
export function mapStylesheet(): StylesheetJson {
  const byKind = Object.entries(KIND_SHAPES).map(([kind, shape]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape, 'background-color': KIND_FILLS[kind] ?? '#e5e7eb' },
  }));
  const groups = GROUP_COLORS.map((color, i) => ({
    selector: `node[group = ${i}]`,
    style: {
      'underlay-color': color,
      'underlay-opacity': 0.45,
      'underlay-padding': 7,
      'underlay-shape': 'ellipse' as const,
    },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 'data(size)',
        height: 'data(size)',
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: '#111827',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'border-width': 1.5,
        'border-color': '#374151',
      },
    },
    ...byKind,
    ...groups,
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'curve-style': 'straight',
        opacity: 0.85,
      },
    },
    {
      selector: 'edge.positive',
      style: { 'line-color': POSITIVE_COLOR, 'line-style': 'solid' },
    },
    {
      selector: 'edge.negative',
      style: { 'line-color': NEGATIVE_COLOR, 'line-style': 'dashed', 'line-dash-pattern': [7, 4] },
    },
    {
      selector: 'edge:selected',
      style: {
        'overlay-color': '#111827',
        'overlay-opacity': 0.18,
        'overlay-padding': 5,
        opacity: 1,
      },
    },
    {
      selector: 'node:selected',
      style: { 'border-width': 3.5, 'border-color': '#111827' },
    },
    { selector: '.faded', style: { opacity: 0.12 } },
    {
      selector: 'node.highlighted',
      style: { 'border-width': 4, 'border-color': '#7c3aed' },
    },
    {
      selector: 'edge.highlighted',
      style: {
        opacity: 1,
        'overlay-color': '#7c3aed',
        'overlay-opacity': 0.25,
        'overlay-padding': 4,
      },
    },
  ];
}

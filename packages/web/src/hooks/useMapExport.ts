/**
 * Downloads of what the map shows: the map as SVG or PNG, and the one-click HTML report (the case,
 * the analyses, the map and the latest exploration; report/buildReport.ts). Holds the map's
 * Cytoscape core, which the map hands over when it is created.
 */
import type { Core } from 'cytoscape';
import { useCallback, useRef } from 'react';
import type { AnalysisBundle, Case, ExplorationSummary, Layer } from '../api/types.js';
import { downloadBlob, safeName } from '../download.js';
import { cySvg } from '../map/cytoscape-setup.js';
import { buildReport } from '../report/buildReport.js';

/** What is exported. */
export interface ExportInput {
  caseData: Case | null;
  analysis: AnalysisBundle | null;
  at: string | null;
  layers: readonly Layer[];
  exploration: ExplorationSummary | null;
}

/** What {@link useMapExport} returns. */
export interface MapExport {
  /** To be given the map's core when it is created. */
  onReady(cy: Core): void;
  exportSvg(): void;
  exportPng(): void;
  downloadReport(): void;
}

/** Exports of the map and the report of `input`. */
export function useMapExport(input: ExportInput): MapExport {
  const cyRef = useRef<Core | null>(null);
  const onReady = useCallback((cy: Core) => {
    cyRef.current = cy;
  }, []);
  const { caseData, analysis, at, layers, exploration } = input;
  const base = `${safeName(caseData?.id ?? 'map')}-${safeName(at ?? 'all')}`;
  return {
    onReady,
    exportSvg: () => {
      const cy = cyRef.current;
      if (!cy) return;
      downloadBlob(
        cySvg(cy, { full: true, scale: 1, bg: '#ffffff' }),
        `${base}.svg`,
        'image/svg+xml',
      );
    },
    exportPng: () => {
      const cy = cyRef.current;
      if (!cy) return;
      downloadBlob(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), `${base}.png`);
    },
    downloadReport: () => {
      if (!caseData || !analysis) return;
      const cy = cyRef.current;
      const mapSvg = cy ? cySvg(cy, { full: true, scale: 1, bg: '#ffffff' }) : '';
      const html = buildReport({ caseData, analysis, mapSvg, exploration, layers });
      downloadBlob(html, `${safeName(caseData.id)}-report.html`, 'text/html');
    },
  };
}

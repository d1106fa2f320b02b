/**
 * The map's legend: tie sign by colour and line style, node shape by actor kind, node size, and
 * the halo colours of the current grouping with their members.
 */
import type { Case } from '@entente/core/contract';
import { GROUP_COLORS, KIND_FILLS, NEGATIVE_COLOR, POSITIVE_COLOR } from './encoding.js';

function KindGlyph({ kind }: { kind: string }) {
  const fill = KIND_FILLS[kind] ?? '#e5e7eb';
  const common = { fill, stroke: '#374151', strokeWidth: 1.2 };
  switch (kind) {
    case 'regime':
      return <polygon points="8,1 15,8 8,15 1,8" {...common} />;
    case 'armed-group':
      return <polygon points="8,1 15,15 1,15" {...common} />;
    case 'organisation':
      return <polygon points="4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8" {...common} />;
    case 'opposition':
      return (
        <polygon
          points="8,0.5 10,5.5 15.5,5.8 11.2,9.3 12.7,15 8,11.8 3.3,15 4.8,9.3 0.5,5.8 6,5.5"
          {...common}
        />
      );
    case 'population':
      return <rect x="1" y="3" width="14" height="10" rx="3" {...common} />;
    case 'other':
      return <rect x="2" y="2" width="12" height="12" {...common} />;
    default:
      return <circle cx="8" cy="8" r="6.5" {...common} />;
  }
}

/** Props of {@link Legend}. */
export interface LegendProps {
  caseData: Case;
  groups: string[][] | null;
  groupingLabel: string;
}

/** The legend under the map. */
export function Legend({ caseData, groups, groupingLabel }: LegendProps) {
  const kinds = [...new Set(caseData.actors.map((a) => a.kind))];
  const name = new Map(caseData.actors.map((a) => [a.id, a.name]));
  return (
    <section className="legend" aria-label="Map legend">
      <div className="legend-row">
        <span className="legend-item">
          <svg width="36" height="10" aria-hidden="true">
            <line x1="1" y1="5" x2="35" y2="5" stroke={POSITIVE_COLOR} strokeWidth="3" />
          </svg>
          positive tie (solid)
        </span>
        <span className="legend-item">
          <svg width="36" height="10" aria-hidden="true">
            <line
              x1="1"
              y1="5"
              x2="35"
              y2="5"
              stroke={NEGATIVE_COLOR}
              strokeWidth="3"
              strokeDasharray="7 4"
            />
          </svg>
          negative tie (dashed)
        </span>
        <span className="legend-item">width ∝ |weight|</span>
        <span className="legend-item">node size ∝ log(actor size)</span>
      </div>
      <div className="legend-row">
        {kinds.map((k) => (
          <span key={k} className="legend-item">
            <svg width="16" height="16" aria-hidden="true">
              <KindGlyph kind={k} />
            </svg>
            {k}
          </span>
        ))}
      </div>
      {groups && groups.length > 0 && (
        <div className="legend-row">
          <span className="legend-item legend-title">{groupingLabel}:</span>
          {groups.map((g, i) => (
            <span key={g.join(',')} className="legend-item">
              <svg width="14" height="14" aria-hidden="true">
                <circle
                  cx="7"
                  cy="7"
                  r="6"
                  fill={GROUP_COLORS[i % GROUP_COLORS.length]}
                  opacity="0.6"
                />
              </svg>
              group {i + 1}: {g.map((id) => name.get(id) ?? id).join(', ')}
            </span>
          ))}
        </div>
      )}
    </section>
  );
}

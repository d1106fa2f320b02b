/**
 * The one-click report: a self-contained HTML file (inline CSS, the map as inline SVG, no script,
 * no external resource) with the case summary, the current analyses, the claims with their
 * verdicts (the workbench's Claims table) and, when one ran, the latest exploration and its
 * hypotheses. Every value from the case is escaped.
 */
import type { AnalysisBundle, Case, ExplorationSummary, Layer } from '../api/types.js';
import { claimRows } from '../claims.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: unknown): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Removes scripts, event handlers and external references from an SVG string. */
export function sanitizeSvg(svg: string): string {
  return svg
    .replace(/<\?xml[^>]*>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/\son[a-z]+="[^"]*"/gi, '')
    .replace(/\s(?:xlink:)?href="(?!#|data:)[^"]*"/gi, '');
}

/** What the report shows. */
export interface ReportInput {
  caseData: Case;
  analysis: AnalysisBundle;
  /** The map, from cytoscape-svg; empty when unavailable. */
  mapSvg: string;
  exploration: ExplorationSummary | null;
  layers: readonly Layer[];
  /** When the report was made (ISO); omitted from the output when absent. */
  generated?: string;
}

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;color:#111827;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d1d5db}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:13px}
th,td{border:1px solid #d1d5db;padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f6}.num{text-align:right;font-variant-numeric:tabular-nums}
.map svg{max-width:100%;height:auto;border:1px solid #d1d5db}
.muted{color:#6b7280}.pos{color:#1d4ed8}.neg{color:#c2410c}
`;

const f = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '—');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function table(head: string[], rows: (string | number)[][]): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r
          .map((c) =>
            typeof c === 'number'
              ? `<td class="num">${escapeHtml(f(c))}</td>`
              : `<td>${escapeHtml(c)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The report's HTML. */
export function buildReport(input: ReportInput): string {
  const { caseData: c, analysis: a, exploration: x } = input;
  const names = new Map(c.actors.map((y) => [y.id, y.name]));
  const n = (id: string) => names.get(id) ?? id;
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(c.title)}</h1>`);
  parts.push(
    `<p class="muted">Case <code>${escapeHtml(c.id)}</code> at ${escapeHtml(a.at ?? 'all dates')}, layers ${escapeHtml(input.layers.join(', '))}${input.generated ? `; report made ${escapeHtml(input.generated)}` : ''}. Made by the entente workbench. Every figure follows from the case as encoded.</p>`,
  );
  if (c.description) parts.push(`<p>${escapeHtml(c.description)}</p>`);

  parts.push('<h2>Map</h2>');
  parts.push(
    '<p class="muted">Solid blue ties are positive, dashed red ties negative; width ∝ |weight|; node shape by actor kind.</p>',
  );
  if (input.mapSvg) parts.push(`<div class="map">${sanitizeSvg(input.mapSvg)}</div>`);
  parts.push(
    table(
      ['actor', 'actor', 'sign', 'weight', 'relations'],
      a.projection.ties.map((t) => [
        n(t.source),
        n(t.target),
        t.sign > 0 ? '+' : '−',
        t.weight,
        String(t.relations.length),
      ]),
    ),
  );

  const fr = a.balance.frustration;
  parts.push('<h2>Structural balance</h2>');
  parts.push(
    `<p>${a.balance.actors} actors, ${a.balance.ties} signed ties, ${a.balance.triads.triangles} triangles; balance ratio ${f(a.balance.triads.ratio ?? Number.NaN)}. Frustration index <strong>${fr.value}</strong>${fr.exact ? ' (proven optimal)' : ` (heuristic; lower bound ${fr.lowerBound})`}.</p>`,
  );
  parts.push(
    table(
      ['actor', 'frustrated ties', 'share'],
      Object.entries(fr.perActorShare)
        .sort((p, q) => q[1] - p[1])
        .map(([id, s]) => [n(id), String(fr.perActor[id] ?? 0), pct(s)]),
    ),
  );
  parts.push(
    table(
      ['unbalanced triad', 'pattern', 'weight'],
      a.balance.unbalancedTriads.map((t) => [t.actors.map(n).join(' – '), t.pattern, t.weight]),
    ),
  );

  parts.push('<h2>Landscape: stable configurations</h2>');
  parts.push(
    table(
      ['energy', 'basin', 'side A', 'side B'],
      a.landscape.minima.map((m) => [
        f(m.energy, 5),
        m.basin === null || m.basin === undefined
          ? '—'
          : m.basinCount
            ? `${m.basin} / ${m.basinCount}`
            : String(m.basin),
        m.coalitions[0].map(n).join(', '),
        m.coalitions[1].map(n).join(', '),
      ]),
    ),
  );
  if (a.tipping.length > 0) {
    parts.push('<h2>Tipping points</h2>');
    parts.push(
      table(
        ['group', 'parameter', 'tipping points'],
        a.tipping.map((t) => [
          n(t.group),
          t.parameter.description,
          t.tippingPoints.length === 0
            ? `none in [${t.range.join(', ')}]`
            : t.tippingPoints.map((p) => `θ = ${f(p.value)}`).join('; '),
        ]),
      ),
    );
  }

  parts.push('<h2>Leverage and dependency</h2>');
  parts.push(
    table(
      ['regime', 'over', 'threat leverage'],
      [...a.leverage.threatLeverage.pairs]
        .sort((p, q) => q.value - p.value)
        .map((p) => [n(p.regime), n(p.target), p.value]),
    ),
  );
  parts.push(
    table(
      ['actor', 'dependency total', 'patrons'],
      Object.entries(a.leverage.dependency.actors)
        .filter(([, d]) => d.total > 0)
        .map(([id, d]) => [
          n(id),
          d.total,
          d.patrons.map((p) => `${n(p.patron)} (${pct(p.share)})`).join(', '),
        ]),
    ),
  );

  const claims = claimRows(c, x);
  if (claims.length > 0) {
    parts.push('<h2>Claims</h2>');
    parts.push(
      `<p class="muted">Each claim of the case, the hypotheses that test it and their verdicts${x ? ` over the ${x.completedWorlds} worlds of the latest exploration` : ' (no exploration ran)'}.</p>`,
    );
    parts.push(
      table(
        ['claim', '¶', 'hypothesis', 'claimant', 'comparison', 'verdict', 'where it fails'],
        claims.flatMap((r) => {
          const claim = r.claim ? `${r.claim}: ${r.statement}` : r.statement;
          if (r.tests.length === 0) {
            return [[claim, r.paragraph || '—', 'no hypothesis tests this claim', '', '', '', '']];
          }
          return r.tests.map((t) => [
            claim,
            r.paragraph || '—',
            t.id,
            t.claimant ?? '—',
            t.comparison,
            t.verdict,
            t.failsWhere ?? '—',
          ]);
        }),
      ),
    );
  }

  if (x) {
    parts.push('<h2>Latest exploration</h2>');
    parts.push(
      `<p>${x.completedWorlds} of ${x.worlds} worlds${x.complete ? '' : ' (incomplete)'}; uncertain parameters: ${escapeHtml(x.parameters.map((p) => `${p.id} ∈ [${p.lo}, ${p.hi}]`).join(', '))}.</p>`,
    );
    parts.push('<h3>Hypotheses</h3>');
    // With a calibration's posterior (explore --posterior): each verdict under the prior ranges
    // and under the posterior, side by side.
    const post = x.posterior;
    if (post)
      parts.push(
        `<p class="muted">Prior ranges beside the posterior of ${escapeHtml(post.source)} (${escapeHtml(post.method ?? 'calibration')}, ${post.particles} particles${post.ess === null ? '' : `, ESS ${post.ess.toPrecision(3)}`}; ${post.completedWorlds} worlds; the particles set ${escapeHtml(post.parameters.join(', ') || 'no explored parameter')}, the other parameters keep their prior ranges).</p>`,
      );
    const posteriorOf = (id: string) => post?.hypotheses.find((q) => q.id === id);
    const median = (h: { effect: { median: number } | null } | undefined) =>
      h?.effect ? h.effect.median.toPrecision(3) : '—';
    parts.push(
      table(
        [
          'hypothesis',
          'statement',
          'scenario',
          ...(post
            ? [
                'holds (prior)',
                'holds (posterior)',
                'effect median (prior)',
                'effect median (posterior)',
              ]
            : ['holds']),
          '95% CI',
          'fails where (PRIM)',
        ],
        x.hypotheses.map((h) => [
          h.id,
          h.statement,
          h.versus ? `${h.policy} vs ${h.versus}` : h.policy,
          h.holds === null ? '—' : pct(h.holds),
          ...(post
            ? [
                ((q) => (q?.holds == null ? '—' : pct(q.holds)))(posteriorOf(h.id)),
                median(h),
                median(posteriorOf(h.id)),
              ]
            : []),
          h.ci ? `${pct(h.ci[0])}–${pct(h.ci[1])}` : '—',
          h.failBox
            ? h.failBox.limits
                .map((l) => `${l.parameter} ∈ [${l.lo.toPrecision(3)}, ${l.hi.toPrecision(3)}]`)
                .join(', ') || 'not confined to a box: no parameter range separates the failures'
            : '—',
        ]),
      ),
    );
    parts.push('<h3>Outcomes</h3>');
    parts.push(
      table(
        ['scenario', 'outcome', 'mean', 'p05', 'p50', 'p95'],
        x.outcomes.map((o) => [o.scenario, o.metric, o.mean, o.p05, o.p50, o.p95]),
      ),
    );
  }

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(c.title)} — entente report</title>
<style>${CSS}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}

/**
 * The core's modules import each other without cycles (issue 10, Deliver 5): in particular the
 * case schema embeds the scenario and hypothesis schemas of `simulation/`, and `simulation/`
 * reads cases, so those schemas must not import the case schema back. The id rule they share lives
 * in the leaf `ids.ts`, written once.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC, sources } from './sources.js';

/** Relative imports and re-exports of each module (type-only ones too), as paths under src/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'/gms)].map(
      (m) => relative(SRC, resolve(dirname(file), m[1].replace(/\.js$/, '.ts'))),
    );
    graph.set(relative(SRC, file), targets);
  }
  return graph;
}

/** The strongly connected components with more than one module (Tarjan 1972), i.e. the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('core import graph', () => {
  const graph = importGraph();

  it('finds the modules and their imports (case/schema.ts imports case/scenario.ts)', () => {
    expect(graph.get('case/schema.ts')).toContain('case/scenario.ts');
    expect(graph.get('case/scenario.ts')).toContain('ids.ts');
  });

  it('cycles() finds a planted cycle', () => {
    const planted = new Map(graph);
    planted.set('case/scenario.ts', [...(graph.get('case/scenario.ts') ?? []), 'case/schema.ts']);
    expect(cycles(planted)).toEqual([['case/scenario.ts', 'case/schema.ts']]);
  });

  it('has no import cycle, in particular none through case/ and simulation/', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('the folders import one way: model/ is a leaf beside ids.ts, case/ reads model/, simulation/ reads both', () => {
    // The case format embeds scenarios and hypotheses (case/scenario.ts, case/hypotheses.ts) and
    // checks them against the model's parameter and outcome tables (model/); compileModel reads
    // cases. Nothing in case/ or model/ imports simulation/, and model/ imports neither.
    const edges = (from: string, to: string) =>
      [...graph]
        .filter(([f]) => f.startsWith(from))
        .flatMap(([f, targets]) =>
          targets.filter((t) => t.startsWith(to)).map((t) => `${f} → ${t}`),
        );
    expect(edges('case/', 'simulation/')).toEqual([]);
    expect(edges('model/', 'simulation/')).toEqual([]);
    expect(edges('model/', 'case/')).toEqual([]);
    expect(edges('case/', 'model/').length).toBeGreaterThan(0);
    expect(edges('simulation/', 'case/').length).toBeGreaterThan(0);
  });

  it('ids.ts is a leaf (it imports only zod) and the id pattern is written only there', () => {
    expect(graph.get('ids.ts')).toEqual([]);
    const writers = sources(SRC).filter((f) =>
      readFileSync(f, 'utf8').includes('/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/'),
    );
    expect(writers.map((f) => relative(SRC, f))).toEqual(['ids.ts']);
  });
});

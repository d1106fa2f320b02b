/**
 * A small made-up case for the leverage tests; every expected figure is computed by hand in the
 * test files from the relation list below (indices in comments).
 */

import { loadCase } from '../../../src/case/load.js';
import type { Case } from '../../../src/case/schema.js';

export const MADE_UP_YAML = `
format: entente/1
id: made-up
title: A made-up case for leverage tests
actors:
  - { id: s1, name: State one, kind: state }
  - { id: s2, name: State two, kind: state }
  - { id: s3, name: State three, kind: state }
  - { id: r, name: The regime, kind: regime }
  - { id: g1, name: Group one, kind: armed-group }
  - { id: g2, name: Group two, kind: armed-group }
relations:
  - { from: s1, to: r, type: aid, weight: 0.6 }                      # 0
  - { from: r, to: s1, type: dependency, weight: 0.4 }               # 1
  - { from: s2, to: r, type: hosting, weight: 0.5 }                  # 2
  - { from: s3, to: r, type: engagement, weight: 0.9 }               # 3
  - { from: s2, to: s3, type: economic-ties, weight: 0.3 }           # 4
  - { from: r, to: g1, type: harbouring, weight: 0.5 }               # 5
  - { from: r, to: g2, type: harbouring, weight: 1 }                 # 6
  - { from: g1, to: s1, type: threat, weight: 0.8 }                  # 7
  - { from: g1, to: s2, type: threat, weight: 0.2 }                  # 8
  - { from: g2, to: s1, type: threat, weight: 0.5 }                  # 9
  - { from: g1, to: r, type: territorial-presence, weight: 0.4 }     # 10
  - { from: g2, to: s3, type: threat, weight: 0.6, since: 2022 }     # 11
  - { from: s1, to: s2, type: hostility, weight: 0.7 }               # 12
  - { from: s3, to: r, type: lobbying, weight: 0.2, until: 2020 }    # 13
`;

/** The made-up case, loaded and validated. */
export function madeUpCase(): Case {
  const result = loadCase(MADE_UP_YAML);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  return result.case;
}

import { describe, expect, it } from 'vitest';
import * as cli from '../src/index.js';

describe('@entente/cli public API', () => {
  it('exports exactly main, EXIT and VERSION', () => {
    expect(Object.keys(cli).sort()).toEqual(['EXIT', 'VERSION', 'main']);
    expect(cli.EXIT).toEqual({ ok: 0, invalidInput: 1, usage: 2, internal: 70, cancelled: 130 });
  });
});

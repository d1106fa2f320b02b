/**
 * `POST /api/scenario-roles`: a scenario's states and policies without simulating, for a listed
 * case, for session text and with a client scenario; answers checked against core's
 * `scenarioRoles` and the route's own zod response schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCase, ScenarioRolesResponseSchema, scenarioRoles } from '@entente/core';
import { BUILTIN_CASE, createServer, type EntenteServer } from '@entente/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const builtinText = readFileSync(BUILTIN_CASE, 'utf8');
const loaded = loadCase(builtinText);
if (!loaded.ok) throw new Error('the built-in case does not load');
const builtin = loaded.case;

describe('POST /api/scenario-roles', () => {
  let app: EntenteServer;
  beforeAll(async () => {
    app = createServer({ webRoot: join(tempDir(), 'no-web'), warmAnalyses: 0 });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/scenario-roles', payload });

  it('answers core’s roles for each built-in scenario, valid against its schema', async () => {
    for (const s of builtin.scenarios ?? []) {
      const r = await post({ caseId: 'afghanistan-2023', scenario: s.id });
      expect(r.statusCode).toBe(200);
      const body = ScenarioRolesResponseSchema.parse(r.json());
      expect(body).toEqual(JSON.parse(JSON.stringify(scenarioRoles(builtin, s.id))));
    }
  });

  it('reads session text, and a client scenario replaces the case’s of the same id', async () => {
    const r = await post({
      text: builtinText,
      scenario: 'status-quo',
      scenarios: [{ id: 'status-quo', defaultPolicy: 'sever', policies: { qatar: 'engage' } }],
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.defaultPolicy).toBe('sever');
    expect(body.policies.qatar).toBe('engage');
    expect(body.policies.pakistan).toBe('sever');
  });

  it('refuses an unknown scenario (400 invalid-argument) and a body without a case (400)', async () => {
    const r = await post({ caseId: 'afghanistan-2023', scenario: 'nope' });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('invalid-argument');
    expect(r.json().message).toMatch(/no scenario "nope"/);
    expect((await post({ scenario: 'status-quo' })).statusCode).toBe(400);
    expect((await post({ caseId: 'afghanistan-2023', scenario: 'x', extra: 1 })).statusCode).toBe(
      400,
    );
  });
});

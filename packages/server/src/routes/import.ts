/**
 * `POST /api/import`: a signed edge list (CSV, with an optional node list) or a GEXF graph turned
 * into a case, returned as YAML text for the editor together with the import's issues.
 */
import { importEdgeList, importGexf } from '@entente/core';
import type { FastifyInstance } from 'fastify';
import { stringify } from 'yaml';
import { ApiError } from '../api-error.js';
import { caseIdSchema, errorResponses, issueSchema } from '../schemas.js';

/** Body of `POST /api/import`. */
export interface ImportBody {
  readonly format: 'csv' | 'gexf';
  readonly edges?: string;
  readonly nodes?: string;
  readonly text?: string;
  readonly id?: string;
  readonly title?: string;
}

/** Registers the import route. */
export function importRoutes(app: FastifyInstance): void {
  app.post<{ Body: ImportBody }>(
    '/api/import',
    {
      schema: {
        body: {
          type: 'object',
          required: ['format'],
          additionalProperties: false,
          properties: {
            format: { type: 'string', enum: ['csv', 'gexf'] },
            edges: { type: 'string' },
            nodes: { type: 'string' },
            text: { type: 'string' },
            id: caseIdSchema,
            title: { type: 'string', minLength: 1, maxLength: 1000 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['text', 'issues'],
            properties: { text: { type: 'string' }, issues: { type: 'array', items: issueSchema } },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const b = request.body;
      const naming = { ...(b.id ? { id: b.id } : {}), ...(b.title ? { title: b.title } : {}) };
      let result: ReturnType<typeof importGexf>;
      if (b.format === 'csv') {
        if (b.edges === undefined || b.text !== undefined) {
          throw new ApiError(400, 'invalid-request', 'import csv: give `edges` (and `nodes`)');
        }
        result = importEdgeList(b.edges, b.nodes, { file: 'edges.csv', ...naming });
      } else {
        if (b.text === undefined || b.edges !== undefined || b.nodes !== undefined) {
          throw new ApiError(400, 'invalid-request', 'import gexf: give the GEXF as `text`');
        }
        result = importGexf(b.text, { file: 'graph.gexf', ...naming });
      }
      if (!result.ok) throw new ApiError(400, 'invalid-case', 'the import failed', result.issues);
      return { text: stringify(result.case, { lineWidth: 0 }), issues: result.issues };
    },
  );
}

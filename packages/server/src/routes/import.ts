/**
 * `POST /api/import`: a signed edge list (CSV, with an optional node list) or a GEXF graph turned
 * into a case, returned as YAML text for the editor together with the import's issues.
 */
import {
  type ImportRequest,
  ImportRequestSchema,
  type ImportResponse,
  ImportResponseSchema,
  importEdgeList,
  importGexf,
} from '@entente/core';
import type { FastifyInstance } from 'fastify';
import { stringify } from 'yaml';
import { ApiError } from '../api-error.js';
import { errorResponses, request, response } from '../schemas.js';

/** Registers the import route. */
export function importRoutes(app: FastifyInstance): void {
  app.post<{ Body: ImportRequest }>(
    '/api/import',
    {
      schema: {
        body: request(ImportRequestSchema),
        response: { 200: response(ImportResponseSchema), ...errorResponses },
      },
    },
    async (req): Promise<ImportResponse> => {
      const b = req.body;
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
      return {
        text: stringify(result.case, { lineWidth: 0 }),
        issues: result.issues.map((i) => ({ ...i, path: [...i.path] })),
      };
    },
  );
}

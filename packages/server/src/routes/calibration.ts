/**
 * `GET /api/calibration`: the calibration given to `entente serve --calibration PATH`, read and
 * checked once when the server becomes ready (a missing or bad one stops `ready()`/`listen()`
 * with a located error, so the server never runs half-configured). Without one it answers 404
 * `not-found`, and the workbench offers to open a file instead.
 */
import { type CalibrateCommandJson, CalibrateCommandSchema } from '@entente/core';
import type { FastifyInstance } from 'fastify';
import { apiError } from '../api-error.js';
import { readCalibration } from '../calibration-data.js';
import { errorResponses, response } from '../schemas.js';
import type { ServerContext } from '../server-context.js';

/** Registers the calibration route; the calibration is read when the server becomes ready. */
export function calibrationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const path = ctx.options.calibration;
  let calibration: CalibrateCommandJson | null = null;
  if (path !== undefined)
    app.addHook('onReady', async () => {
      calibration = await readCalibration(path);
    });

  app.get(
    '/api/calibration',
    { schema: { response: { 200: response(CalibrateCommandSchema), ...errorResponses } } },
    async (): Promise<CalibrateCommandJson> => {
      if (calibration === null)
        throw apiError(
          'not-found',
          'calibration: the server was started without one (`entente serve --calibration DIR`, DIR written by `entente calibrate --out DIR`)',
        );
      return calibration;
    },
  );
}

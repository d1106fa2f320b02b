/**
 * The built workbench: `packages/web/dist` served at `/` (index.html and its hashed assets). When
 * it has not been built, `GET /` answers 503 with a page that says how to build it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>entente — workbench not built</title></head>
<body><h1>The workbench is not built</h1>
<p>Run <code>npm run build:web</code> (or <code>npm start</code>, which builds what is missing),
then reload this page. The API is available under <code>/api/</code>.</p></body></html>
`;

/** Registers the static workbench, or the 503 page when `webRoot` holds no index.html. */
export async function webRoutes(app: FastifyInstance, webRoot: string): Promise<void> {
  if (!existsSync(join(webRoot, 'index.html'))) {
    app.get('/', async (_request, reply) =>
      reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    index: ['index.html'],
    wildcard: true,
    dotfiles: 'ignore',
    // Hashed assets may be cached; index.html must be revalidated to pick up new builds.
    setHeaders: (res, path) => {
      res.header(
        'Cache-Control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}

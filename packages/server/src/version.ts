import { ENTENTE_VERSION } from '@entente/core';

/** The server's version, reported by `GET /api/health`: entente's version. */
export const SERVER_VERSION: string = ENTENTE_VERSION;

/**
 * The one error shape of the API, `{ code, message, issues }`, and the Fastify error handler
 * that turns every failure — schema violations, malformed JSON, oversized bodies, case problems,
 * core argument errors, anything unexpected — into it with the right status.
 */
import { type CaseIssue, ENTENTE_ERROR_CODES, type EntenteErrorCode } from '@entente/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** An error the API reports to the client as `{ code, message, issues }` with `status`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly CaseIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The JSON body of every error response. */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly issues: readonly CaseIssue[];
}

/**
 * The HTTP status of each {@link EntenteErrorCode}, the one place the server maps codes: bad input
 * is 400, a missing thing 404, a request for more than a stated bound 422 (the body is well-formed
 * but asks too much; 413 stays for bodies over the size limit), a cancelled operation 499 (client
 * closed request) and a bug in entente 500.
 */
export const STATUS_OF_CODE: Readonly<Record<EntenteErrorCode, number>> = {
  'invalid-case': 400,
  'invalid-csv': 400,
  'invalid-argument': 400,
  'out-of-range': 400,
  'unsupported-format': 400,
  'not-found': 404,
  'resource-limit': 422,
  cancelled: 499,
  internal: 500,
};

/** The body of every 500: no stack, no internal message (those go to the server log). */
const INTERNAL_BODY: ApiErrorBody = {
  code: 'internal',
  message: 'internal server error',
  issues: [],
};

/** True when `code` is one of core's {@link EntenteErrorCode}s. */
function isEntenteCode(code: unknown): code is EntenteErrorCode {
  return typeof code === 'string' && (ENTENTE_ERROR_CODES as readonly string[]).includes(code);
}

/** An {@link ApiError} whose status comes from {@link STATUS_OF_CODE}. */
export function apiError(
  code: EntenteErrorCode,
  message: string,
  issues: readonly CaseIssue[] = [],
): ApiError {
  return new ApiError(STATUS_OF_CODE[code], code, message, issues);
}

/**
 * What a failed job reports to the client, `{ code, message }`: an error carrying one of core's
 * codes keeps it and its message; an internal error or anything else (a bug) says only `internal`.
 */
export function jobError(error: unknown): { code: string; message: string } {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e && isEntenteCode(e.code) && e.code !== 'internal') {
    return { code: e.code, message: typeof e.message === 'string' ? e.message : e.code };
  }
  return { code: INTERNAL_BODY.code, message: 'internal error' };
}

/** A 404 naming what was not found. */
export function notFound(what: string): ApiError {
  return new ApiError(404, 'not-found', `${what} not found`);
}

type SchemaIssue = { instancePath?: string; message?: string; params?: Record<string, unknown> };

/** Ajv's validation errors as case-like issues (path split into keys and indices). */
function schemaIssues(
  errors: readonly SchemaIssue[] | undefined,
  context: string | undefined,
): CaseIssue[] {
  return (errors ?? []).map((e) => {
    const path = (e.instancePath ?? '')
      .split('/')
      .filter((p) => p !== '')
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
    const extra =
      typeof e.params?.additionalProperty === 'string'
        ? ` "${e.params.additionalProperty}"`
        : typeof e.params?.missingProperty === 'string'
          ? ` "${e.params.missingProperty}"`
          : '';
    return {
      code: 'invalid-value',
      severity: 'error',
      message: `${context ?? 'body'}${path.length > 0 ? `/${path.join('/')}` : ''} ${e.message ?? 'is invalid'}${extra}`,
      path,
    };
  });
}

/** Maps any error to its status and `{ code, message, issues }` body. */
export function errorBody(error: unknown): { status: number; body: ApiErrorBody } {
  if (error instanceof ApiError) {
    return {
      status: error.status,
      body: { code: error.code, message: error.message, issues: error.issues },
    };
  }
  const e = error as Partial<FastifyError> & {
    validation?: SchemaIssue[];
    validationContext?: string;
    name?: string;
  };
  if (e.validation) {
    return {
      status: 400,
      body: {
        code: 'invalid-request',
        message: e.message ?? 'invalid request',
        issues: schemaIssues(e.validation, e.validationContext),
      },
    };
  }
  if (e.name === 'EntenteError') {
    const code = (e as { code?: unknown }).code;
    if (!isEntenteCode(code) || code === 'internal') return { status: 500, body: INTERNAL_BODY };
    const issues = (e as { issues?: readonly CaseIssue[] }).issues ?? [];
    return { status: STATUS_OF_CODE[code], body: { code, message: e.message ?? code, issues } };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { code: 'too-large', message: e.message ?? '', issues: [] } };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        body: { code: 'malformed-json', message: e.message ?? '', issues: [] },
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: { code: 'unsupported-media-type', message: e.message ?? '', issues: [] },
      };
  }
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) {
    return { status, body: { code: 'bad-request', message: e.message ?? '', issues: [] } };
  }
  return { status: 500, body: INTERNAL_BODY };
}

/** Fastify error handler: logs server faults, answers `{ code, message, issues }`. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = errorBody(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  void reply.status(status).type('application/json; charset=utf-8').send(body);
}

import { DomainError, type DomainErrorCode, type FieldProblem } from '@trellis/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
  requestId?: string;
  [extension: string]: unknown;
}

const STATUS_OF: Record<DomainErrorCode, number> = {
  validation: 422,
  not_found: 404,
  conflict: 409,
  stale: 409,
  forbidden: 403,
  unauthenticated: 401,
  locked: 423,
  invalid_state: 409,
  precondition_required: 428,
};

const TITLE_OF: Record<number, string> = {
  400: 'The request could not be read',
  401: 'Sign-in needed',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported content type',
  422: 'Check the highlighted fields',
  423: 'Locked',
  428: 'Version needed',
  429: 'Too many attempts',
  500: 'Something went wrong on our side',
  503: 'Not available right now',
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  extra: Partial<ProblemBody> = {},
): FastifyReply {
  const body: ProblemBody = {
    type: `https://trellis.health/problems/${status}`,
    title: TITLE_OF[status] ?? 'Error',
    status,
    detail,
    ...extra,
    requestId: String(reply.request.id),
  };
  return reply.code(status).type('application/problem+json').send(body);
}

/** `body.roles.0` for a path, or the source (`body`) when the problem is the whole input. */
function fieldName(source: string | undefined, path: string, params: Record<string, unknown>): string {
  const keys = params.keys as string[] | undefined;
  const segments = path.split('/').filter(Boolean);
  if (keys?.length) segments.push(keys.join(','));
  return segments.length > 0 ? segments.join('.') : (source ?? 'body');
}

/** Maps every error to problem+json. A person never sees a stack trace. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const source = (error as { validationContext?: string }).validationContext;
    const errors = error.validation.map((v) => ({
      field: fieldName(source, v.instancePath, v.params as Record<string, unknown>),
      message: v.message ?? 'Invalid value.',
    }));
    const first = errors[0];
    const detail =
      errors.length === 1 && first
        ? `${first.field}: ${first.message}`
        : `${errors.length} fields need attention: ${errors.map((e) => e.field).join(', ')}.`;
    return sendProblem(reply, 400, detail, { errors });
  }
  if (error instanceof DomainError) {
    const status = STATUS_OF[error.code];
    return sendProblem(reply, status, error.message, {
      ...(error.errors.length ? { errors: error.errors } : {}),
      ...error.extensions,
    });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendProblem(reply, 400, 'The request body is not valid JSON. Check it and send it again.', {
        errors: [{ field: 'body', message: 'Not valid JSON.' }],
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendProblem(reply, 413, 'The request body is larger than Trellis accepts. Send less at once.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendProblem(reply, 415, 'Send the request body as application/json.');
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return sendProblem(reply, 429, 'Too many attempts from this address. Wait a minute and try again.');
  }
  if (error.statusCode === 429) {
    return sendProblem(reply, 429, 'Too many attempts from this address. Wait a minute and try again.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(reply, error.statusCode, error.message);
  }
  // Log the error's kind and place, never its payload: database errors can quote row values.
  request.log.error(
    { err: { type: error.name, code: error.code, message: error.message, stack: error.stack } },
    'request failed',
  );
  return sendProblem(
    reply,
    500,
    `Trellis could not finish this request. Nothing was saved. Try again; if it keeps happening, tell your administrator and quote request ${request.id}.`,
  );
}

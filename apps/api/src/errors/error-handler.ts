import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { ErrorBody } from '@trygg/domain'
import { AppError, type FieldError } from './app-error.ts'

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

/** Connection-level failures of either engine that mean "the database is down". */
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006'])

interface AjvError {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

function fieldErrors(validation: AjvError[], context: string | undefined): FieldError[] {
  return validation.map((v) => {
    const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.')
    if (v.keyword === 'required') return { field: joinPath(base, String(v.params.missingProperty)), message: 'is required' }
    if (v.keyword === 'additionalProperties') {
      return { field: joinPath(base, String(v.params.additionalProperty)), message: 'is not allowed' }
    }
    return { field: base || context || 'body', message: v.message ?? 'is invalid' }
  })
}

const joinPath = (base: string, name: string) => (base ? `${base}.${name}` : name)

function isUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: unknown }
  if (e?.code && UNAVAILABLE.has(e.code)) return true
  if (/Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(e?.message ?? '')) return true
  return e?.cause ? isUnavailable(e.cause) : false
}

/** Turns any error into an ErrorBody; hides internals of 5xx. */
export function toErrorBody(error: FastifyError | AppError | Error): ErrorBody {
  if (error instanceof AppError) {
    return {
      statusCode: error.statusCode,
      code: error.code,
      error: STATUS_TEXT[error.statusCode] ?? 'Error',
      message: error.message,
      ...(error.messageSv ? { messageSv: error.messageSv } : {}),
      ...(error.fields ? { fields: error.fields } : {}),
    }
  }
  const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string }
  if (fe.validation) {
    const fields = fieldErrors(fe.validation, fe.validationContext)
    return {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      error: STATUS_TEXT[400]!,
      message: `Invalid ${fe.validationContext ?? 'request'}: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`,
      messageSv: 'Uppgifterna är inte giltiga. Kontrollera fälten och försök igen.',
      fields,
    }
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { statusCode: 413, code: 'BODY_TOO_LARGE', error: STATUS_TEXT[413]!, message: 'The request body is too large.', messageSv: 'Förfrågan är för stor.' }
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', error: STATUS_TEXT[415]!, message: 'Unsupported content type; send application/json.', messageSv: 'Formatet stöds inte; skicka JSON.' }
  }
  if (fe.statusCode === 400 && (error instanceof SyntaxError || /JSON/i.test(fe.message) || fe.code?.startsWith('FST_ERR_CTP'))) {
    return { statusCode: 400, code: 'MALFORMED_JSON', error: STATUS_TEXT[400]!, message: `The request body is not valid JSON: ${fe.message}`, messageSv: 'Förfrågan är inte giltig JSON.' }
  }
  if (isUnavailable(error)) {
    return { statusCode: 503, code: 'DATABASE_UNAVAILABLE', error: STATUS_TEXT[503]!, message: 'The database is unavailable; try again shortly.', messageSv: 'Databasen är inte tillgänglig just nu; försök igen om en stund.' }
  }
  const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500
  if (status < 500) {
    return { statusCode: status, code: 'BAD_REQUEST', error: STATUS_TEXT[status] ?? 'Bad Request', message: fe.message }
  }
  return { statusCode: 500, code: 'INTERNAL', error: STATUS_TEXT[500]!, message: 'Something went wrong on our side.', messageSv: 'Något gick fel hos oss.' }
}

async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const body = toErrorBody(error)
    if (body.statusCode >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: body.code }, 'request refused')
    return reply.status(body.statusCode).send(body)
  })
}

export default fp(errorHandler, { name: 'error-handler' })

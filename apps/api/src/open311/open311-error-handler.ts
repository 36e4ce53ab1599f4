import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { Open311Errors } from '@trygg/domain'
import { toErrorBody } from '../errors/error-handler.ts'
import { Open311Error } from './open311-error.ts'
import { formatOfUrl, sendDocument } from './send-document.ts'

const WHERE: Record<string, string> = { querystring: ' in the query string', body: ' in the form', params: ' in the URL' }

/**
 * The status and error list for any error of an Open311 route. Client errors are 404 for
 * what does not exist, 403 for api_key problems and 400 for everything else, as GeoReport
 * asks; 429 (rate limit) and server faults (500, 503) keep their status so clients can back
 * off and retry.
 */
export function toOpen311Errors(error: FastifyError | Error): { status: number; errors: Open311Errors } {
  if (error instanceof Open311Error) return { status: error.status, errors: error.errors }
  const fe = error as FastifyError & { validation?: unknown[]; validationContext?: string }
  if (fe.validation) {
    const body = toErrorBody(fe)
    const where = WHERE[fe.validationContext ?? ''] ?? ''
    const descriptions = [
      ...new Set(
        (body.fields ?? []).map((f) =>
          f.field === 'format' && fe.validationContext === 'params' ? 'The format must be .json or .xml.' : `${f.field} ${f.message}${where}.`,
        ),
      ),
    ]
    return { status: 400, errors: descriptions.map((description) => ({ code: 400, description })) }
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 400, errors: [{ code: 400, description: 'Send the form as application/x-www-form-urlencoded; charset=utf-8.' }] }
  }
  if (fe.statusCode === 429) return { status: 429, errors: [{ code: 429, description: fe.message || 'Too many requests; try again later.' }] }
  const body = toErrorBody(error)
  const status = body.statusCode >= 500 ? body.statusCode : body.statusCode === 404 || body.statusCode === 403 ? body.statusCode : 400
  return { status, errors: [{ code: status, description: body.message }] }
}

/** Answers every error of the Open311 routes as a GeoReport error list in the URL's format. */
export function open311ErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, errors } = toOpen311Errors(error)
  if (status >= 500) request.log.error({ err: error }, 'request failed')
  else request.log.info({ status }, 'request refused')
  return sendDocument(request, reply, formatOfUrl(request.url), 'errors', errors, status)
}

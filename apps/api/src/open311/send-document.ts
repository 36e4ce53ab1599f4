import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Open311Format } from '@trygg/domain'
import { toXml } from './xml.ts'

/**
 * The XML media type to answer with: the specification's text/xml, or application/xml when
 * the client accepts that and not text/xml.
 */
export function xmlMediaType(accept: string | undefined): 'text/xml' | 'application/xml' {
  const types = (accept ?? '').toLowerCase().split(',').map((t) => t.split(';')[0]!.trim())
  return types.includes('application/xml') && !types.includes('text/xml') ? 'application/xml' : 'text/xml'
}

/** The format a URL asks for by its suffix; XML, the specification's required format, otherwise. */
export function formatOfUrl(url: string): Open311Format {
  return /\.json$/i.test(url.split('?')[0] ?? '') ? 'json' : 'xml'
}

/** Sends a GeoReport document as JSON, or as XML under the element `root`, in UTF-8. */
export function sendDocument(request: FastifyRequest, reply: FastifyReply, format: Open311Format, root: string, document: unknown, status = 200) {
  reply.status(status)
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(document)
  return reply.type(`${xmlMediaType(request.headers.accept)}; charset=utf-8`).send(toXml(root, document))
}

import http from 'node:http'

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })

export interface HttpAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  ms: number
}

/** One HTTP request over a kept-alive connection (or a new one with `fresh`), timed to the last byte. */
export function request(url: string, options: { method?: string; body?: unknown; fresh?: boolean; headers?: Record<string, string> } = {}): Promise<HttpAnswer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body)
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        agent: options.fresh ? false : agent,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

/** GET a JSON document, failing on anything but 200. */
export async function getJson<T>(url: string, headers?: Record<string, string>): Promise<{ value: T; ms: number }> {
  const res = await request(url, headers ? { headers } : {})
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${res.body.slice(0, 300)}`)
  return { value: JSON.parse(res.body) as T, ms: res.ms }
}

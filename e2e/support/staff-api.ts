import { expect } from 'vitest'
import { demoPassword, type RunningApp } from './app-server.ts'

/** A demo staff member signed in through the API, for the calls a test makes itself. */
export interface StaffCaller {
  cookie: string
  csrf: string
}

/** Signs in as the demo account of `role`, as a browser would. */
export async function signIn(app: RunningApp, role: string): Promise<StaffCaller> {
  const res = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: app.url },
    body: JSON.stringify({ email: `${role}@kavlinge.demo`, password: demoPassword(app.output(), role) }),
  })
  expect(res.status).toBe(200)
  const cookie = res.headers.getSetCookie().find((c) => /trygg_session=/.test(c))!.split(';')[0]!
  return { cookie, csrf: (await res.json()).csrfToken }
}

/** A staff API request with the session cookie, the CSRF token and the site's Origin. */
export function staffFetch(app: RunningApp, staff: StaffCaller, url: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${app.url}${url}`, {
    method: init.method ?? 'GET',
    headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, origin: app.url, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  })
}

/** Plans a walk around the municipality's centre, running from an hour ago for three hours. */
export async function planWalk(app: RunningApp, planner: StaffCaller, name: string): Promise<{ id: number; code: string; name: string }> {
  const { center } = (await (await fetch(`${app.url}/api/config`)).json()).municipality
  const now = Date.now()
  const created = await staffFetch(app, planner, '/api/staff/walks', {
    method: 'POST',
    body: {
      name,
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 2 * 3_600_000).toISOString(),
      meetingPoint: { type: 'Point', coordinates: [center.lon, center.lat] },
      route: { type: 'LineString', coordinates: [[center.lon, center.lat], [center.lon + 0.002, center.lat + 0.001], [center.lon + 0.004, center.lat]] },
    },
  })
  expect(created.status).toBe(201)
  return created.json()
}

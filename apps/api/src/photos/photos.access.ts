import { expect } from 'vitest'
import { type Samples } from '../../test/access-samples.ts'

/** The staff access samples of the photo a moderator looks at: see auth/staff-access.test.ts. */
export const photosSamples: Samples = {
  'GET /api/staff/moderation/photos/:pinId': {
    async request(ctx, t) {
      return { url: `/api/staff/moderation/photos/${await ctx.pendingPhoto(t)}` }
    },
    async isolated(_ctx, res) {
      expect(res.statusCode).toBe(404)
      expect(res.headers['content-type']).not.toBe('image/jpeg')
    },
  },
}

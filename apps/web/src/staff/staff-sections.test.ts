import { describe, expect, it } from 'vitest'
import { afterSignIn, isStaffPath, sectionsFor } from './staff-sections.ts'

describe('staff sections', () => {
  it('shows each role the sections its API routes allow', () => {
    expect(sectionsFor('admin').map((s) => s.key)).toEqual(['moderation', 'traffic', 'hotspots', 'actions', 'statistics', 'followUp', 'imports', 'walks', 'accounts', 'apiKeys', 'administration'])
    expect(sectionsFor('moderator').map((s) => s.key)).toEqual(['moderation'])
    expect(sectionsFor('planner').map((s) => s.key)).toEqual(['moderation', 'traffic', 'hotspots', 'actions', 'statistics', 'followUp', 'imports', 'walks'])
    expect(sectionsFor('police').map((s) => s.key)).toEqual(['traffic', 'hotspots', 'actions', 'statistics', 'followUp'])
    expect(sectionsFor('partner').map((s) => s.key)).toEqual(['actions'])
  })

  it('knows the staff paths', () => {
    expect(isStaffPath('/login')).toBe(true)
    expect(isStaffPath('/personal')).toBe(true)
    expect(isStaffPath('/personal/moderering')).toBe(true)
    expect(isStaffPath('/personal/karta')).toBe(true)
    expect(isStaffPath('/polis')).toBe(true)
    expect(isStaffPath('/polisen')).toBe(false)
    expect(isStaffPath('/')).toBe(false)
    expect(isStaffPath('/personalen')).toBe(false)
    expect(isStaffPath('/f/abc')).toBe(false)
  })

  it('returns after sign-in only to a workspace path of this site', () => {
    expect(afterSignIn('?next=%2Fpersonal%2Fkonton')).toBe('/personal/konton')
    expect(afterSignIn('?next=%2Fpersonal')).toBe('/personal')
    expect(afterSignIn('?next=%2Fpolis')).toBe('/polis')
    expect(afterSignIn('')).toBe('/personal')
    expect(afterSignIn('?next=https%3A%2F%2Fevil.example%2Fpersonal')).toBe('/personal')
    expect(afterSignIn('?next=%2F%2Fevil.example%2Fpersonal')).toBe('/personal')
    expect(afterSignIn('?next=%2Fpersonal%2F..%2F..%2Fevil')).toBe('/personal')
    expect(afterSignIn('?next=%2Fpersonalevil')).toBe('/personal')
  })
})

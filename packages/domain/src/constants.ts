/**
 * The plain values of the domain, without the JSON schemas: what the web app imports, so
 * the schema builder stays out of the resident bundle.
 */
export * from './categories.ts'
export * from './times-of-day.ts'
export * from './limits.ts'
export * from './hotspot-limits.ts'
export * from './staff-roles.ts'
export * from './action-plan.ts'
export * from './police-constants.ts'
export * from './background-answers.ts'

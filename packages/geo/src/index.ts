export * from './web-mercator.ts'
export * from './grid-key.ts'

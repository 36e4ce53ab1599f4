import type { BenchArgs } from './args.ts'

export async function run(_args: BenchArgs): Promise<void> {
  throw new Error('not yet')
}

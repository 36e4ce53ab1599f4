import { parseArgs, type BenchArgs } from './args.ts'

/** `pnpm bench <name> [--pins N] [--viewports N] [--duration S]` */
const BENCHES: Record<string, () => Promise<{ run(args: BenchArgs): Promise<void> }>> = {
  clusters: () => import('./clusters-bench.ts'),
  embedded: () => import('./embedded-bench.ts'),
  hotspots: () => import('./hotspots-bench.ts'),
  ingest: () => import('./ingest-bench.ts'),
  web: () => import('./web-bench.ts'),
}

async function main() {
  const [name, ...rest] = process.argv.slice(2)
  const load = name ? BENCHES[name] : undefined
  if (!load) {
    console.error(`usage: pnpm bench <${Object.keys(BENCHES).join('|')}> [--pins N] [--viewports N] [--duration S]`)
    process.exit(2)
  }
  const args = parseArgs(rest)
  const bench = await load()
  await bench.run(args)
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)

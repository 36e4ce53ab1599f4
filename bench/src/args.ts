/** Options every benchmark accepts; each has its own default for `pins`. */
export interface BenchArgs {
  /** Pins to generate; undefined means the benchmark's own default. */
  pins: number | undefined
  /** Viewports per zoom (clusters, embedded); undefined means the benchmark's default. */
  viewports: number | undefined
  /** Seconds per load test (ingest). */
  duration: number | undefined
}

/** Parses `--pins N`, `--viewports N`, `--duration S`; throws on anything else. */
export function parseArgs(argv: string[]): BenchArgs {
  const out: BenchArgs = { pins: undefined, viewports: undefined, duration: undefined }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!
    const [name, inline] = flag.split('=', 2) as [string, string | undefined]
    const key = { '--pins': 'pins', '--viewports': 'viewports', '--duration': 'duration' }[name] as keyof BenchArgs | undefined
    if (!key) throw new Error(`unknown option ${flag}`)
    const raw = inline ?? argv[++i]
    const value = Number(raw)
    if (!raw || !Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer, got "${raw ?? ''}"`)
    out[key] = value
  }
  return out
}

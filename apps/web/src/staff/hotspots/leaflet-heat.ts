import * as L from 'leaflet'

let loading: Promise<typeof L.heatLayer> | null = null

/**
 * `heatLayer` from leaflet.heat, loaded on first use. The plugin is a classic script that
 * extends a global `L`; it gets a mutable copy of Leaflet's ES module namespace, whose classes
 * are the ones this app uses.
 */
export function loadHeatLayer(): Promise<typeof L.heatLayer> {
  loading ??= (async () => {
    const host = globalThis as { L?: typeof L }
    host.L ??= { ...L } as typeof L
    await import('leaflet.heat')
    return host.L.heatLayer.bind(host.L)
  })()
  return loading
}

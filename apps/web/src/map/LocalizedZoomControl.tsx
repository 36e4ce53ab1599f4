import { ZoomControl } from 'react-leaflet'
import { useI18n } from '../i18n/language.tsx'

/** Leaflet's zoom buttons with names in the UI language (remounted when it changes). */
export function LocalizedZoomControl() {
  const { lang, t } = useI18n()
  return <ZoomControl key={lang} position="topright" zoomInTitle={t.zoomIn} zoomOutTitle={t.zoomOut} />
}

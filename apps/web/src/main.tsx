import 'leaflet/dist/leaflet.css'
import './styles/base.css'
import './styles/layout.css'
import './styles/map.css'
import './styles/sheet.css'
import './styles/form.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { LanguageProvider } from './i18n/language.tsx'
import { StatusProvider } from './status/status.tsx'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <StatusProvider>
        <App />
      </StatusProvider>
    </LanguageProvider>
  </StrictMode>,
)

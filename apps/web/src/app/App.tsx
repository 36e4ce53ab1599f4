import { Suspense, lazy } from 'react'
import { useI18n } from '../i18n/language.tsx'
import { RESULTS_PATH } from '../results/results-api.ts'
import { sitePath } from '../api/site-base.ts'
import { ApiError, apiErrorMessage } from '../api/api-error.ts'
import { AppHeader } from './AppHeader.tsx'
import { ResidentView } from './ResidentView.tsx'
import { useConfig } from './use-config.ts'

/** The public results page is its own chunk. */
const ResultsPage = lazy(() => import('../results/ResultsPage.tsx'))

/** Loads the municipality's configuration, then shows the resident view. */
export function App() {
  const { lang, t } = useI18n()
  const state = useConfig()

  if (state.status === 'ready' && sitePath() === RESULTS_PATH) {
    return (
      <Suspense fallback={null}>
        <ResultsPage config={state.config} />
      </Suspense>
    )
  }
  if (state.status === 'ready') return <ResidentView config={state.config} />

  return (
    <div className="app">
      <AppHeader />
      <main className="app-main app-main--message">
        {state.status === 'loading' ? (
          <p className="page-message" role="status">
            <span className="spinner" aria-hidden="true" />
            {t.loadingMap}
          </p>
        ) : state.error instanceof ApiError && state.error.status === 404 ? (
          // An address /k/<slug>/ of no municipality: the server names it; trying again will not help.
          <p className="page-message" role="alert">
            {apiErrorMessage(state.error, lang, { network: t.configError, other: t.configError })}
          </p>
        ) : (
          <div className="page-message" role="alert">
            <p>{t.configError}</p>
            <button type="button" className="button button--primary" onClick={state.retry}>
              {t.retry}
            </button>
          </div>
        )}
      </main>
    </div>
  )
}

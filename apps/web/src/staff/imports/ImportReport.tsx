import { useId, useRef } from 'react'
import { useFocusOnMount } from '../../report/use-focus-on-mount.ts'
import type { ImportField } from './import-file.ts'
import { useImportMessages } from './import-messages.ts'
import type { ImportRun } from './ImportPage.tsx'

/** Most rejected rows listed; the count says how many more there are. */
const LISTED = 500

/** What an import did: new, already imported and rejected rows, each rejection with its row number and reason. */
export function ImportReport({ run }: { run: ImportRun }) {
  const { lang, t } = useImportMessages()
  const id = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useFocusOnMount(headingRef)
  const listed = run.rejected.slice(0, LISTED)
  return (
    <section className="staff-card import-report" aria-labelledby={`${id}-heading`} data-testid="import-report">
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t.reportStep}
      </h3>
      <p data-testid="import-summary">{t.summary(run.added, run.duplicates, run.rejectedCount)}</p>
      {listed.length > 0 && (
        <div className="staff-table-wrap">
          <table className="staff-table" data-testid="import-rejected">
            <caption>{t.rejectedHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{t.row}</th>
                <th scope="col">{t.field}</th>
                <th scope="col">{t.reason}</th>
              </tr>
            </thead>
            <tbody>
              {listed.map((r) => (
                <tr key={`${r.row}-${r.reason}`}>
                  <th scope="row">{r.row}</th>
                  <td>{run.mapping[r.field as ImportField] || r.field}</td>
                  <td>
                    <strong>{t.reasons[r.reason]}</strong>: {lang === 'sv' ? r.messageSv : r.message}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {run.rejected.length > LISTED && <p>{t.moreRejected(run.rejected.length - LISTED)}</p>}
    </section>
  )
}

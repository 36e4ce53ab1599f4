import { IMPORT_LIMITS, type ImportRow, type PublicCampaign, type RejectedRow, type StaffCategory } from '@trygg/domain'
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react'
import { isAbortError } from '../../api/api-error.ts'
import { FieldError } from '../../report/FieldError.tsx'
import { useFocusOnMount } from '../../report/use-focus-on-mount.ts'
import { useStatus } from '../../status/status.tsx'
import { useSignedIn, useStaffSession } from '../staff-session.tsx'
import { IMPORT_FIELDS, ImportFileError, guessMapping, mapRows, parseImportFile, unmatchedCategories, type ColumnMapping, type ImportFile, type ImportField } from './import-file.ts'
import { useImportMessages } from './import-messages.ts'
import { ImportReport } from './ImportReport.tsx'
import { fetchImportOptions, sendImportBatch, startImport } from './imports-api.ts'
import './imports.css'

const REQUIRED: readonly ImportField[] = ['lat', 'lon', 'category', 'date']

/** One import on its way: the mapped rows, how far it got and what came back. */
export interface ImportRun {
  id: number
  rows: ImportRow[]
  /** The file's column behind each field, for the report. */
  mapping: ColumnMapping
  /** Rows sent and answered. */
  done: number
  added: number
  duplicates: number
  rejectedCount: number
  rejected: RejectedRow[]
  state: 'running' | 'stopped' | 'done'
  error: string | null
}

/** `/personal/import`: earlier years' marks from a CSV or GeoJSON file (planners and admins). */
export function ImportPage() {
  const { lang, t } = useImportMessages()
  const session = useSignedIn()
  const { errorMessage } = useStaffSession()
  const { announce } = useStatus()
  const id = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useFocusOnMount(headingRef)
  const [campaigns, setCampaigns] = useState<PublicCampaign[]>([])
  const [categories, setCategories] = useState<StaffCategory[]>([])
  const [categoryValues, setCategoryValues] = useState<Record<string, string>>({})
  const [fileName, setFileName] = useState('')
  const [file, setFile] = useState<ImportFile | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [campaign, setCampaign] = useState('byDate')
  const [mapping, setMapping] = useState<ColumnMapping | null>(null)
  const [missing, setMissing] = useState<ImportField[]>([])
  const [run, setRun] = useState<ImportRun | null>(null)

  useEffect(function loadCampaigns() {
    const controller = new AbortController()
    fetchImportOptions(controller.signal)
      .then((options) => {
        setCampaigns(options.campaigns)
        setCategories(options.categories)
      })
      .catch((error: unknown) => {
        if (!isAbortError(error)) setFileError(errorMessage(error))
      })
    return function cancelCampaigns() {
      controller.abort()
    }
  }, [errorMessage])

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0]
    setFile(null)
    setMapping(null)
    setCategoryValues({})
    setRun(null)
    setFileError(null)
    if (!chosen) return
    try {
      const parsed = parseImportFile(chosen.name, await chosen.text())
      setFileName(chosen.name)
      setFile(parsed)
      setMapping(guessMapping(parsed.columns))
    } catch (error) {
      setFileError(t.fileError[error instanceof ImportFileError ? error.message : 'read'] ?? t.fileError.read!)
    }
  }

  /** Sends the rows from `from.done` on in batches, keeping the totals of every answer. */
  async function sendFrom(from: ImportRun) {
    let current: ImportRun = { ...from, state: 'running', error: null }
    setRun(current)
    while (current.done < current.rows.length) {
      const batch = current.rows.slice(current.done, current.done + IMPORT_LIMITS.batchSize)
      try {
        const answer = await sendImportBatch(session.csrfToken, current.id, { firstRow: current.done + 1, rows: batch })
        current = {
          ...current,
          done: current.done + batch.length,
          added: answer.totals.added,
          duplicates: answer.totals.duplicates,
          rejectedCount: answer.totals.rejected,
          rejected: [...current.rejected, ...answer.rejected],
        }
        setRun(current)
      } catch (error) {
        current = { ...current, state: 'stopped', error: errorMessage(error) }
        setRun(current)
        announce(t.stopped, 'error')
        return
      }
    }
    setRun({ ...current, state: 'done' })
    announce(t.done, 'success')
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!file || !mapping) return
    const lacking = REQUIRED.filter((f) => !mapping[f])
    setMissing(lacking)
    if (lacking.length) {
      document.getElementById(`${id}-map-${lacking[0]}`)?.focus()
      return
    }
    const rows = mapRows(file.rows, mapping, categoryValues)
    try {
      const started = await startImport(session.csrfToken, {
        fileName: fileName.slice(0, 200) || 'import',
        totalRows: rows.length,
        campaign: campaign === 'byDate' ? 'byDate' : campaign === '' ? null : Number(campaign),
      })
      await sendFrom({ id: started.id, rows, mapping, done: 0, added: 0, duplicates: 0, rejectedCount: 0, rejected: [], state: 'running', error: null })
    } catch (error) {
      setFileError(errorMessage(error))
    }
  }

  const busy = run?.state === 'running'
  const preview = file && mapping ? mapRows(file.rows.slice(0, 3), mapping, categoryValues) : []
  const unmatched = useMemo(() => (file && mapping?.category && categories.length ? unmatchedCategories(file.rows, mapping.category, categories) : []), [file, mapping?.category, categories])
  const label = (c: StaffCategory) => (lang === 'sv' ? c.labelSv : c.labelEn)

  return (
    <section className="staff-page import-page" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t.heading}
      </h2>
      <p className="staff-page__intro">{t.intro}</p>

      <form className="staff-card" onSubmit={submit} noValidate data-testid="import-form">
        <h3>{t.fileStep}</h3>
        <div className="staff-field">
          <label htmlFor={`${id}-file`}>{t.file}</label>
          <input id={`${id}-file`} type="file" accept=".csv,.txt,.geojson,.json,text/csv,application/geo+json" onChange={chooseFile} disabled={busy} data-testid="import-file" />
          {file && <p className="field__hint">{t.fileRead(file.rows.length, file.columns.length)}</p>}
        </div>
        <div className="staff-field">
          <label htmlFor={`${id}-campaign`}>{t.campaign}</label>
          <select id={`${id}-campaign`} value={campaign} onChange={(e) => setCampaign(e.target.value)} disabled={busy} data-testid="import-campaign">
            <option value="byDate">{t.campaignByDate}</option>
            {campaigns.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
            <option value="">{t.campaignNone}</option>
          </select>
        </div>

        {file && mapping && (
          <fieldset className="import-mapping" disabled={busy}>
            <legend>{t.mappingStep}</legend>
            <p className="field__hint">{t.mappingIntro}</p>
            <div className="import-mapping__grid">
              {IMPORT_FIELDS.map((field) => (
                <div key={field} className="staff-field">
                  <label htmlFor={`${id}-map-${field}`}>
                    {t.fields[field]}
                    {REQUIRED.includes(field) && <span aria-hidden="true"> *</span>}
                  </label>
                  <select
                    id={`${id}-map-${field}`}
                    value={mapping[field]}
                    required={REQUIRED.includes(field)}
                    aria-invalid={missing.includes(field) ? true : undefined}
                    aria-describedby={missing.includes(field) ? `${id}-map-${field}-error` : undefined}
                    onChange={(e) => setMapping({ ...mapping, [field]: e.target.value })}
                    data-testid={`import-map-${field}`}
                  >
                    <option value="">{t.notMapped}</option>
                    {file.columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${id}-map-${field}-error`} message={missing.includes(field) ? t.required : undefined} />
                </div>
              ))}
            </div>
            {unmatched.length > 0 && (
              <fieldset className="import-values" data-testid="import-category-values">
                <legend>{t.categoryValues}</legend>
                <p className="field__hint">{t.categoryValuesIntro}</p>
                <div className="import-mapping__grid">
                  {unmatched.map(({ value, count }, k) => (
                    <div key={value} className="staff-field">
                      <label htmlFor={`${id}-value-${k}`}>{t.categoryValue(value, count)}</label>
                      <select
                        id={`${id}-value-${k}`}
                        value={categoryValues[value] ?? ''}
                        onChange={(e) => setCategoryValues({ ...categoryValues, [value]: e.target.value })}
                        data-testid="import-category-value"
                        data-value={value}
                      >
                        <option value="">{t.rejectValue}</option>
                        {categories.map((c) => (
                          <option key={c.key} value={c.key}>
                            {label(c)}
                          </option>
                        ))}
                      </select>
                    </div>
                  ))}
                </div>
              </fieldset>
            )}
            <details>
              <summary>{t.preview}</summary>
              <pre className="import-preview">{JSON.stringify(preview, null, 2)}</pre>
            </details>
          </fieldset>
        )}
        <div className="form-error-slot" role="alert">
          {fileError && <p className="form-error">{fileError}</p>}
        </div>
        <button type="submit" className="button button--primary" disabled={!file || busy} data-testid="import-start">
          {busy ? t.importing : t.start}
        </button>
      </form>

      {run && (
        <div className="staff-card import-progress">
          <label htmlFor={`${id}-progress`}>{t.progressLabel}</label>
          <progress id={`${id}-progress`} max={run.rows.length} value={run.done} aria-valuetext={t.progress(run.done, run.rows.length)} data-testid="import-progress" />
          <p aria-live="polite" data-testid="import-progress-text">
            {t.progress(run.done, run.rows.length)}
          </p>
          {run.state === 'stopped' && (
            <div role="alert">
              <p className="form-error">
                {t.stopped} {run.error}
              </p>
              <button type="button" className="button button--secondary" onClick={() => void sendFrom(run)}>
                {t.resume}
              </button>
            </div>
          )}
        </div>
      )}
      {run && run.state !== 'running' && <ImportReport run={run} />}
    </section>
  )
}

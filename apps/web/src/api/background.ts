import type { BackgroundAnswers, BackgroundQuestions } from '@trygg/domain'
import { requestJson } from './api-client.ts'

export function fetchBackgroundQuestions(signal?: AbortSignal): Promise<BackgroundQuestions> {
  return requestJson<BackgroundQuestions>('/api/background-questions', { signal })
}

/** Sends a pin's optional background answers with its follow token. */
export async function sendBackgroundAnswers(pinId: number, followToken: string, answers: BackgroundAnswers): Promise<void> {
  await requestJson<null>(`/api/pins/${encodeURIComponent(pinId)}/background`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Follow-Token': followToken },
    body: JSON.stringify(answers),
  })
}

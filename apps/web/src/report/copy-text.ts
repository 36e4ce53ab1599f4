/**
 * Copies `text` to the clipboard; resolves to false when the browser refuses.
 * Falls back to a hidden textarea and `execCommand('copy')` where the Clipboard API is missing
 * (plain-HTTP origins, older browsers).
 */
export async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text)
      return true
    } catch {
      // fall through to the older way
    }
  }
  const textarea = document.createElement('textarea')
  textarea.value = text
  textarea.setAttribute('readonly', '')
  textarea.className = 'visually-hidden'
  document.body.append(textarea)
  textarea.select()
  try {
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    textarea.remove()
  }
}

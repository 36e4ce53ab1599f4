/** A fixed cross at the centre of the map area; the place under it is what "choose this place" picks. */
export function Crosshair() {
  return (
    <div className="crosshair" aria-hidden="true" data-testid="crosshair">
      <svg viewBox="0 0 48 48" width="48" height="48" focusable="false">
        <circle cx="24" cy="24" r="9" fill="none" stroke="#ffffff" strokeWidth="5" />
        <path d="M24 2v14M24 32v14M2 24h14M32 24h14" stroke="#ffffff" strokeWidth="5" strokeLinecap="round" />
        <circle cx="24" cy="24" r="9" fill="none" stroke="#0b3d91" strokeWidth="2.5" />
        <path d="M24 2v14M24 32v14M2 24h14M32 24h14" stroke="#0b3d91" strokeWidth="2.5" strokeLinecap="round" />
        <circle cx="24" cy="24" r="2" fill="#0b3d91" />
      </svg>
    </div>
  )
}

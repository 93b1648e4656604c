import type { VaccinationStatus } from '../../contract';

/**
 * The status at a glance: a shape as well as a colour (a tick, a half-filled circle, a dash), so
 * that it reads without colour vision. Decorative: the words beside it carry the meaning.
 */
export function StatusMark({ status }: { status: VaccinationStatus }) {
  return (
    <svg class="mark" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" stroke-width="2.5" />
      {status === 'FULLY_VACCINATED' ? (
        <path
          d="M7 12.5l3.2 3.2L17 9"
          fill="none"
          stroke="currentColor"
          stroke-width="2.5"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      ) : status === 'PARTIALLY_VACCINATED' ? (
        <path d="M12 1.5a10.5 10.5 0 0 1 0 21z" fill="currentColor" />
      ) : (
        <path d="M7.5 12h9" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
      )}
    </svg>
  );
}

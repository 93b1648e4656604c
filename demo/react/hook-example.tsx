/** @jsxImportSource react */
import { useState } from 'react';
import { useKycvs } from '../../widget/react';
import { hotReloadable } from './fast-refresh';

/**
 * `useKycvs()` in a booking form: the form shows the widget's state, and books only with a valid
 * result; "Next person" resets it. Inside the form, the widget also fills the hidden kycvs-token.
 */
export function HookExample({ host }: { host: string }) {
  const { ref, state, result, error, reset } = useKycvs({ host, provider: 'demo-test', action: 'booking' });
  const [booked, setBooked] = useState('');

  return (
    <section aria-labelledby="hook-heading">
      <h2 id="hook-heading">The hook, in a booking form</h2>
      <form
        className="booking"
        onSubmit={(e) => {
          e.preventDefault();
          if (result) setBooked(`Booked with a ${result.status} result.`);
        }}
      >
        <div id="hook-slot" ref={ref} />
        <p>
          State: <output className="hook-state">{state}</output>
        </p>
        <p>
          Result: <output className="hook-result">{result ? result.status : 'none'}</output>
          {error && <span className="hook-error"> (error {error.code})</span>}
        </p>
        <p>
          <button type="submit" disabled={state !== 'verified'}>
            Book
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              reset();
              setBooked('');
            }}
          >
            Next person
          </button>
        </p>
        <p role="status">{booked}</p>
      </form>
    </section>
  );
}

/** Edits of this file, as a dev server would hot-reload them. */
export const hookExampleEdits = hotReloadable(HookExample, 'demo/react/hook-example.tsx HookExample');

/** @jsxImportSource react */
import { ComponentExample } from './component-example';
import { Activity, useState } from 'react';
import { HookExample, hookExampleEdits } from './hook-example';

/** Both ways to use kycvs/react, each with the controls that the e2e tests (e2e/react.spec.ts) use. */
export function App({ host }: { host: string }) {
  const [background, setBackground] = useState(false);
  return (
    <main>
      <p>
        <a href="/">kycvs demo</a>
      </p>
      <h1>React: kycvs/react</h1>
      <p>
        A React app in <code>StrictMode</code> that imports <code>kycvs/react</code>. The widget comes from{' '}
        <code>{host}</code>; see docs/react.md.
      </p>
      <ComponentExample host={host} />
      <Activity mode={background ? 'hidden' : 'visible'}>
        <HookExample host={host} />
      </Activity>
      <p>
        <label>
          <input type="checkbox" checked={background} onChange={(e) => setBackground(e.target.checked)} /> Keep the
          booking form in the background (<code>&lt;Activity mode="hidden"&gt;</code>: its state is kept, its effects
          are cleaned up)
        </label>
      </p>
      <p>
        Fast refresh, as a dev server does when hook-example.tsx is edited:{' '}
        <button type="button" onClick={hookExampleEdits.edit}>
          Edit, same hooks
        </button>{' '}
        <button type="button" onClick={hookExampleEdits.editHooks}>
          Edit, hooks changed
        </button>
      </p>
    </main>
  );
}

/** @jsxImportSource react */
import { ComponentExample } from './component-example';
import { HookExample } from './hook-example';

/** Both ways to use kycvs/react, each with the controls that the e2e tests (e2e/react.spec.ts) use. */
export function App({ host }: { host: string }) {
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
      <HookExample host={host} />
    </main>
  );
}

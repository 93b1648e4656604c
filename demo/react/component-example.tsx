/** @jsxImportSource react */
import { useState } from 'react';
import { KycvsVerify, type Lang } from '../../widget/react';
import { useLog } from './use-log';

const providers = ['demo-test', 'demo-travel', 'demo-irctc'];

/**
 * `<KycvsVerify>` with the props a page changes: the provider and the language make a new widget;
 * "Render again" gives it new inline callbacks, which must not; "Show the widget" unmounts it.
 */
export function ComponentExample({ host }: { host: string }) {
  const [shown, setShown] = useState(true);
  const [provider, setProvider] = useState(providers[0]!);
  const [lang, setLang] = useState<Lang>('en');
  const [renders, setRenders] = useState(1);
  const [log, note] = useLog();

  return (
    <section aria-labelledby="component-heading">
      <h2 id="component-heading">The component</h2>
      <pre>
        <code>{`<KycvsVerify host="${host}" provider="${provider}" lang="${lang}" onResult={…} />`}</code>
      </pre>
      <form className="react-controls" onSubmit={(e) => e.preventDefault()}>
        <label>
          <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} /> Show the widget
        </label>
        <label>
          Provider{' '}
          <select value={provider} onChange={(e) => setProvider(e.target.value)}>
            {providers.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
        <label>
          Language{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            <option value="en">English</option>
            <option value="hi">हिन्दी</option>
          </select>
        </label>
        <button type="button" onClick={() => setRenders((n) => n + 1)}>
          Render again ({renders})
        </button>
      </form>
      {shown && (
        <KycvsVerify
          id="component-slot"
          host={host}
          provider={provider}
          lang={lang}
          // New functions on every render, as inline callbacks are: the widget stays the same.
          onResult={(r) => note(`onResult ${r.status} (render ${renders})`)}
          onEvent={(e) => e.type !== 'step' && note(`onEvent ${e.type}`)}
          onError={(e) => note(`onError ${e.code}`)}
        />
      )}
      <h3>What the component was told</h3>
      <ol className="component-log" aria-live="polite">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </section>
  );
}

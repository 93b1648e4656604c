// React's fast refresh, as a dev server's plugin drives it (@vitejs/plugin-react, Next.js): the
// runtime hooks into React before react-dom loads (main.tsx imports this module first), a component
// is registered under its module's id, and an edit registers a new version and refreshes. An edit
// that keeps the component's hooks re-renders it with its state kept; one that changes them (the
// plugin signs each version with its hook calls) remounts it. kycvs/react must leave one iframe and
// one listener either way (e2e/react.spec.ts).
import { injectIntoGlobalHook, performReactRefresh, register, setSignature } from 'react-refresh/runtime';

injectIntoGlobalHook(window);

/** Edits of one registered component, as a dev server would hot-reload them. */
export interface HotReload {
  /** A new version with the same hooks. */
  edit(): void;
  /** A new version whose hooks changed. */
  editHooks(): void;
}

/** Registers `component` under `id`, for edits of it. */
export function hotReloadable<P extends object>(component: (props: P) => unknown, id: string): HotReload {
  register(component, id);
  let version = 0;
  const refresh = (signature?: string) => {
    const next = (props: P) => component(props);
    if (signature) setSignature(next, signature);
    register(next, id);
    performReactRefresh();
  };
  return { edit: () => refresh(), editHooks: () => refresh(`hooks changed ${++version}`) };
}

/** @jsxImportSource react */
// The React demo page (/react on the demo site): a React app in StrictMode, built with React's
// development build so that StrictMode mounts every effect twice, as an integrator's dev server does.
// First: React's fast refresh hooks in before react-dom loads.
import './fast-refresh';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

const root = document.getElementById('root')!;
createRoot(root).render(
  <StrictMode>
    <App host={new URL(root.dataset.host!).origin} />
  </StrictMode>,
);

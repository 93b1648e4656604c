// The part of react-refresh's runtime (no types of its own) that fast-refresh.ts uses.
declare module 'react-refresh/runtime' {
  export function injectIntoGlobalHook(globalObject: Window): void;
  export function register(type: unknown, id: string): void;
  export function setSignature(type: unknown, key: string): void;
  export function performReactRefresh(): unknown;
}

import { signal, type ReadonlySignal } from '@preact/signals';

/** A chunk fetched on demand: the module once it is in, and whether the last try failed. */
export interface Lazy<T> {
  readonly module: ReadonlySignal<T | null>;
  readonly failed: ReadonlySignal<boolean>;
  /** Fetches the chunk unless it is in or on its way; after a failure, tries again. */
  load(): void;
}

/**
 * Wraps a dynamic `import()`, so that the frame's first JS holds only what the first paint needs
 * (docs/architecture.md, "Budgets") and the rest arrives while the person reads and types.
 */
export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  const module = signal<T | null>(null);
  const failed = signal(false);
  let loading: Promise<void> | undefined;
  return {
    module,
    failed,
    load() {
      failed.value = false;
      loading ??= importer().then(
        (loaded) => {
          module.value = loaded;
        },
        () => {
          loading = undefined;
          failed.value = true;
        },
      );
    },
  };
}

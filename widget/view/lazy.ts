import { signal, type ReadonlySignal } from '@preact/signals';
import { newSupportRef } from '../../contract';

/** A chunk fetched on demand: the module once it is in, and whether the last try failed. */
export interface Lazy<T> {
  readonly module: ReadonlySignal<T | null>;
  /**
   * The last try's failure, or null: a new object each time, with a support reference of the
   * frame's own (the host never sees a chunk that did not arrive), for a fault shown to the person.
   */
  readonly failure: ReadonlySignal<{ readonly ref: string } | null>;
  /** Fetches the chunk unless it is in or on its way; after a failure, tries again. */
  load(): void;
}

/**
 * Wraps a dynamic `import()`, so that the frame's first JS holds only what the first paint needs
 * (docs/architecture.md, "Budgets") and the rest arrives while the person reads and types.
 */
export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  const module = signal<T | null>(null);
  const failure = signal<{ ref: string } | null>(null);
  let loading: Promise<void> | undefined;
  return {
    module,
    failure,
    load() {
      failure.value = null;
      loading ??= importer().then(
        (loaded) => {
          module.value = loaded;
        },
        () => {
          loading = undefined;
          failure.value = { ref: newSupportRef() };
        },
      );
    },
  };
}

import { signal } from '@preact/signals';

const said = signal({ text: '', n: 0 });

/** Has screen readers say `text`, politely (after what they are saying); the same words twice are said twice. */
export function announce(text: string): void {
  said.value = { text, n: said.value.n + 1 };
}

/**
 * The frame's polite live region. App renders it as soon as the later steps' chunk is in, while
 * the person is still on the first step, because a region that appears with its words already in
 * it is often not read; and it is visually hidden, because what it says is on screen already. Each
 * announcement is a new node, which screen readers read as new.
 */
export function Announcer() {
  const { text, n } = said.value;
  return (
    <p class="sr-only" aria-live="polite" aria-atomic="true">
      <span key={n}>{text}</span>
    </p>
  );
}

/**
 * Hidden inputs that let a plain `<form>` post carry the result, as Turnstile's
 * `cf-turnstile-response` does. They live in the light DOM inside the container, so a form that
 * holds the container holds them too.
 */
const NAMES = ['kycvs-token', 'kycvs-status'] as const;

const find = (container: Element, name: string) =>
  container.querySelector<HTMLInputElement>(`:scope>input[name="${name}"]`);

/** Sets `kycvs-token` and `kycvs-status`, creating them once, when the container is in a form. */
export function fillFormFields(container: Element, token: string, status: string): void {
  if (!container.closest('form')) return;
  [token, status].forEach((value, i) => {
    const name = NAMES[i]!;
    const input =
      find(container, name) ??
      container.appendChild(Object.assign(document.createElement('input'), { type: 'hidden', name }));
    input.value = value;
  });
}

/** Empties the inputs (`reset()`), or removes them (`destroy()`). */
export function clearFormFields(container: Element, remove?: boolean): void {
  for (const name of NAMES) {
    const input = find(container, name);
    if (!input) continue;
    if (remove) input.remove();
    else input.value = '';
  }
}

import type { Provider } from '../registry';

/**
 * CoWIN's own "Know Your Vaccination Status" page (`GET /`), as a built-in pseudo-provider: the
 * person checks their own status, so the scope is everything CoWIN answers.
 *
 * It is deliberately not in the provider registry: no page may frame it (`allowed_origins` is
 * empty, and `/frame.html` knows only registered providers), siteverify accepts no token made for it (its `aud` is no provider's id),
 * and the widget API takes it only from a page on the host's own origin (`isSameOriginCall`).
 */
export const SELF_PROVIDER: Readonly<Provider> = Object.freeze<Provider>({
  id: 'cowin-self',
  name: 'CoWIN',
  allowed_origins: [],
  scope: ['status', 'demographics', 'vaccinations'],
});

export const isSelfProvider = (id: string) => id === SELF_PROVIDER.id;

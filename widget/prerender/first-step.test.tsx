import { expect, test } from 'vitest';
import { supportedLanguages } from '../../contract';
import { en, loadMessages } from '../i18n';
import { renderFirstStep } from './first-step';

const provider = { id: 'demo-irctc', name: 'Demo Rail Portal', scope: ['status', 'vaccinations'] as const };

test.each(supportedLanguages)(
  'the details step is rendered in %s, with its notice for a script that cannot come',
  async (lang) => {
    const { messages } = await loadMessages(lang);
    const first = await renderFirstStep({ lang, provider: { ...provider, scope: [...provider.scope] } });
    expect(first.lang).toBe(lang);
    for (const key of ['details.heading', 'field.name', 'field.mobile', 'field.mobileHint', 'action.getOtp'] as const) {
      expect(first.form).toContain(`>${messages[key]}<`);
    }
    // The consent names the provider and each thing its scope shares (docs/architecture.md).
    expect(first.form).toContain('Demo Rail Portal');
    expect(first.form.match(/<li>/g)).toHaveLength(2);
    expect(first.startFailed).toContain(`<p>${messages['app.startFailed']}</p>`);
  },
);

test('the fields are empty, labelled, and the one form the frame hydrates', async () => {
  const { form } = await renderFirstStep({ lang: 'en', provider: { ...provider, scope: ['status'] } });
  expect(form.match(/<form/g)).toHaveLength(1);
  expect(form).toMatch(/<label for="kycvs-name">Full name<\/label><input id="kycvs-name" name="name"[^>]* value\/?>/);
  expect(form).toMatch(/<label for="kycvs-mobile">Mobile number<\/label>/);
  expect(form).toContain('<button type="submit" class="primary">Get OTP</button>');
  expect(form).not.toContain('aria-invalid');
});

test('a language with no table is rendered in English, and says so', async () => {
  const first = await renderFirstStep({ lang: 'fr', provider: { ...provider, scope: ['status'] } });
  expect(first.lang).toBe('en');
  expect(first.form).toContain(`>${en['field.name']}<`);
});

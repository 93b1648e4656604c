import type { ErrorCode, Field } from '../../contract';
import { errorMessage, type Translate } from '../i18n';
import type { VerificationFlow } from '../model';
import { SupportRef } from './support-ref';

const fields: readonly Field[] = ['name', 'mobile', 'otp'];

/** The person's own typing mistakes: fixed where they typed, with nothing to quote to support. */
const typingMistakes: readonly ErrorCode[] = ['INVALID_NAME', 'INVALID_MOBILE', 'INVALID_OTP'];

/** The id of a field's message, for the field's `aria-describedby`. */
export const fieldErrorId = (field: Field) => `kycvs-error-${field}`;

/**
 * The one `role="alert"` region of a step: each field's problem (which the field points at with
 * `aria-describedby`), then the error of the last action, then, unless it is a typing mistake, its
 * support reference. Each message is shown once, so a page and a test find it once.
 */
export function ErrorRegion({ flow, t }: { flow: VerificationFlow; t: Translate }) {
  const fieldErrors = flow.fieldErrors.value;
  const error = flow.error.value;
  const general = error && !(error.field && fieldErrors[error.field]) ? error : null;
  const ref = error?.ref && !typingMistakes.includes(error.code) ? error.ref : null;
  return (
    <div role="alert" class="errors">
      {fields.map((field) => {
        const code = fieldErrors[field];
        return code ? (
          <p key={field} id={fieldErrorId(field)} class="error">
            {errorMessage(t, { code })}
          </p>
        ) : null;
      })}
      {general ? <p class="error">{errorMessage(t, general)}</p> : null}
      {ref ? <SupportRef code={ref} t={t} /> : null}
    </div>
  );
}

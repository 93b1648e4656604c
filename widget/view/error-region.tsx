import type { Field } from '../../contract';
import { errorMessage, type Translate } from '../i18n';
import type { VerificationFlow } from '../model';

const fields: readonly Field[] = ['name', 'mobile', 'otp'];

/** The id of a field's message, for the field's `aria-describedby`. */
export const fieldErrorId = (field: Field) => `kycvs-error-${field}`;

/**
 * The one `role="alert"` region of a step: each field's problem (which the field points at with
 * `aria-describedby`), then the error of the last action. Each message is shown once, so a page
 * and a test find it once.
 */
export function ErrorRegion({ flow, t }: { flow: VerificationFlow; t: Translate }) {
  const fieldErrors = flow.fieldErrors.value;
  const error = flow.error.value;
  const general = error && !(error.field && fieldErrors[error.field]) ? error : null;
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
    </div>
  );
}

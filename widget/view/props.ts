import type { Language, Translate } from '../i18n';
import type { VerificationFlow } from '../model';

/** What every step is given: the flow to read and act on, and the words to say. */
export interface StepProps {
  flow: VerificationFlow;
  t: Translate;
  lang: Language;
  /** Move focus into this step when it mounts (every step but the first one shown). */
  focus: boolean;
}

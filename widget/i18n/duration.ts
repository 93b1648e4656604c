import type { Translate } from './translate';

const HOUR = 3600;
const MINUTE = 60;

/**
 * A span of time as it is said, in the table's own unit words and plurals: "1 hour",
 * "2 minutes 59 seconds", "30 seconds" — never a count of seconds past a minute, never `Intl`'s
 * unit strings (Tamil "நிமி.", Kannada "ನಿಮಿಷವು" are wrong inside a sentence: docs/i18n.md).
 * From an hour up, seconds are rounded up into minutes: CoWIN's hourly limit says "1 hour".
 */
export function sayDuration(t: Translate, totalSeconds: number): string {
  let seconds = Math.max(0, Math.ceil(totalSeconds));
  let hours = Math.floor(seconds / HOUR);
  let minutes = Math.floor((seconds % HOUR) / MINUTE);
  seconds %= MINUTE;
  if (hours > 0 && seconds > 0) {
    seconds = 0;
    minutes += 1;
    if (minutes === 60) [hours, minutes] = [hours + 1, 0];
  }
  const parts = [
    hours ? t('duration.hours', { count: hours }) : '',
    minutes ? t('duration.minutes', { count: minutes }) : '',
    seconds || (!hours && !minutes) ? t('duration.seconds', { count: seconds }) : '',
  ];
  return parts.filter(Boolean).join(' ');
}

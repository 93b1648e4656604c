import type { Plural } from './plural';

/**
 * Every string the widget shows, in English. The `Messages` type comes from this table, so every
 * other language must have every key. `{name}` marks a value filled in at run time. A message
 * that depends on a number is a `Plural` filled with `{count}` (docs/i18n.md).
 */
export const en = {
  'app.title': 'Know Your Vaccination Status',
  'app.startFailed': 'This vaccination status check could not start. Reload the page to try again.',
  'app.busy': 'Please wait…',
  /** Under the title of CoWIN's own page, where a citizen checks their own status. */
  'standalone.lead': 'Check your own vaccination status, and share it as a picture if you wish.',
  /** Under the title of redirect mode's page (docs/redirect.md): who asked, and where the person returns. */
  'redirect.lead': '{provider} asked for this check. Once it is done, you will go back to {provider}.',
  /** Redirect mode's way back to the provider without a result (`error=access_denied`). */
  'action.cancel': 'Cancel',

  'details.heading': 'Check vaccination status',
  'details.intro': 'Enter the full name and mobile number as registered on CoWIN.',
  'consent.lead': 'An OTP will be sent to this mobile number. Once it is given here, {provider} will receive:',
  'consent.status': 'the vaccination status: fully, partially or not vaccinated',
  'consent.demographics': 'the name, birth year and gender',
  'consent.vaccinations': 'the vaccines and vaccination dates',
  'consent.nothingElse': 'Nothing else is shared.',
  /** In place of the lines above on CoWIN's own page: no provider receives anything there. */
  'consent.ownPage':
    'An OTP will be sent to this mobile number. The answer is shown only on this page and is not sent to anyone.',
  'field.name': 'Full name',
  'field.mobile': 'Mobile number',
  'field.mobileHint': '10 digits, the number registered on CoWIN',
  'action.getOtp': 'Get OTP',

  'otp.heading': 'Enter the OTP',
  'otp.sentTo': 'An OTP was sent by SMS to {mobile}.',
  /** Said aloud (the live region) in place of `otp.sentTo`: a screen reader would read the mask's asterisks. */
  'otp.sentToSpoken': 'An OTP was sent by SMS to the number ending in {last4}.',
  'field.otp': 'OTP',
  'field.otpHint': '6 digits from the SMS',
  /** Said aloud, with a duration in words ("2 minutes 59 seconds"); the screen shows `otp.clock`. */
  'otp.validFor': 'The OTP is valid for {duration}.',
  /** On screen, with a clock (`2:59`) that changes every second and is not read out. */
  'otp.clock': 'Time left for this OTP: {clock}',
  'otp.expired': 'The OTP has expired. Select Resend OTP to get a new one.',
  'action.verify': 'Verify',
  'action.resend': 'Resend OTP',
  'otp.resendIn': 'Resend in {clock}',
  'otp.resendsLeft': 'New OTPs left: {count}',
  'otp.noResends': 'No more OTPs can be sent. Select Change details to start again.',
  'action.changeDetails': 'Change details',
  'action.retry': 'Try again',

  'result.heading': 'Vaccination status',
  'status.FULLY_VACCINATED': 'Fully vaccinated',
  'status.PARTIALLY_VACCINATED': 'Partially vaccinated',
  'status.NOT_VACCINATED': 'Not vaccinated',
  'result.details': 'Details',
  'result.name': 'Name',
  'result.birthYear': 'Birth year',
  'result.gender': 'Gender',
  'result.reference': 'Beneficiary reference ID',
  'result.doses': 'Doses',
  /** An ordinal (`Intl.PluralRules` type `ordinal`): the forms are the language's ordinal categories. */
  'result.dose': {
    one: '{count}st dose',
    two: '{count}nd dose',
    few: '{count}rd dose',
    other: '{count}th dose',
  } satisfies Plural,
  'result.precaution': 'Precaution dose',
  'gender.male': 'Male',
  'gender.female': 'Female',
  'gender.other': 'Other',
  'action.verifyAnother': 'Verify another person',
  /** In place of the status once the result's token has passed its lifetime; the one action is the next key. */
  'expired.notice': 'This check has expired. Verify again to get a new result.',
  'action.verifyAgain': 'Verify again',

  /** The share button where the browser can share files (Web Share API), else where it saves a PNG. */
  'action.sharePicture': 'Share picture',
  'action.downloadPicture': 'Download picture',
  'share.preparing': 'Preparing the picture…',
  'share.failed': 'The picture could not be made or shared. Try again.',
  /** On the picture: when it was checked, and where. Never "verified": anyone can make such a picture. */
  'share.checkedWith': 'Checked with CoWIN on {date}',
  /**
   * A day with its month named (formatDay, docs/i18n.md "Dates"): used where the browser has no date
   * data for the language. Twelve month names, January first, between bars; and their order.
   */
  'date.months': 'January|February|March|April|May|June|July|August|September|October|November|December',
  'date.day': '{month} {day}, {year}',
  /** The title handed to the share sheet with the file. */
  'share.title': 'My vaccination status',

  'refusal.heading': 'This widget is not set up for this site',
  'refusal.UNKNOWN_PROVIDER':
    'The provider named by this page is not registered with CoWIN. The owner of the site can fix this.',
  'refusal.ORIGIN_NOT_ALLOWED':
    'This page’s address is not registered for this provider. The owner of the site can fix this.',

  'error.INVALID_NAME': 'Enter the full name as registered on CoWIN, in letters.',
  'error.INVALID_MOBILE': 'Enter a 10-digit mobile number that starts with 6, 7, 8 or 9.',
  'error.INVALID_OTP': 'Enter the 6-digit OTP from the SMS.',
  'error.OTP_INCORRECT':
    'This OTP did not work. Check the OTP, and that the name and mobile number are as registered on CoWIN.',
  'error.OTP_EXPIRED': 'This OTP has expired. Select Resend OTP to get a new one.',
  'error.OTP_ATTEMPTS_EXCEEDED': 'Too many wrong tries for this OTP. Select Resend OTP to get a new one.',
  'error.RESEND_NOT_ALLOWED': 'A new OTP cannot be sent now. Select Change details to start again.',
  'error.RATE_LIMITED': 'Too many requests. Wait {duration} and try again.',
  'error.RATE_LIMITED.noWait': 'Too many requests. Wait a minute and try again.',
  'error.SESSION_EXPIRED': 'This check has timed out. Select Get OTP to start again.',
  'error.UNKNOWN_PROVIDER': 'This widget is not set up for this site.',
  'error.ORIGIN_NOT_ALLOWED': 'This widget is not set up for this site.',
  'error.NETWORK_ERROR': 'Could not connect. Check the internet connection and try again.',
  'error.TIMEOUT': 'The server took too long to answer. Try again.',
  'error.SERVER_ERROR': 'Something went wrong on the server. Try again.',
  'error.BAD_REQUEST': 'The request could not be handled. Try again.',

  /** Small print after an error that is not a typing mistake: the label of its support reference (`K7Q2M9XD`). */
  'support.reference': 'Reference',

  /** The unit words of a duration said in a sentence (`sayDuration`); never `Intl`'s unit strings. */
  'duration.hours': { one: '{count} hour', other: '{count} hours' } satisfies Plural,
  'duration.minutes': { one: '{count} minute', other: '{count} minutes' } satisfies Plural,
  'duration.seconds': { one: '{count} second', other: '{count} seconds' } satisfies Plural,
};

type Shape = typeof en;
/** A table: every key of `en`, a string where `en` has one, else the language's own plural forms. */
export type Messages = { readonly [K in keyof Shape]: Shape[K] extends string ? string : Plural };
export type MessageKey = keyof Messages;

/** An SMS the mock "sent": what a mock phone shows, with the OTP alone for tests. */
export interface SmsMessage {
  mobile: string;
  text: string;
  otp: string;
  /** ISO 8601 time of sending, from the mock's clock. */
  sent_at: string;
}

/** The SMS the mock has sent, per mobile, oldest first. */
export interface Outbox {
  push(message: SmsMessage): void;
  list(mobile: string): SmsMessage[];
  clear(): void;
}

export function createOutbox(): Outbox {
  const byMobile = new Map<string, SmsMessage[]>();
  return {
    push(message) {
      const inbox = byMobile.get(message.mobile);
      if (inbox) inbox.push(message);
      else byMobile.set(message.mobile, [message]);
    },
    // Copies, so that a caller cannot edit what the mock has "sent".
    list: (mobile) => (byMobile.get(mobile) ?? []).map((m) => ({ ...m })),
    clear: () => byMobile.clear(),
  };
}

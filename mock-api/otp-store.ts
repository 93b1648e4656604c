import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { CowinErrorCode } from './errors';

/** An OTP stays valid this long (CoWIN: 3 minutes). */
export const OTP_TTL_MS = 180_000;
/** Wrong tries that end an OTP; the last of them already answers USRAUT0017. */
export const MAX_WRONG_TRIES = 3;
/** Settled transactions are forgotten after this long, so a long-running dev server does not grow. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

type State = 'pending' | 'used' | 'exhausted' | 'replaced';

interface Transaction {
  mobile: string;
  /** Whose OTP this is; `undefined` for a phantom (no registered person matched). */
  beneficiaryKey: string | undefined;
  otpHash: string;
  issuedAt: number;
  wrongTries: number;
  state: State;
}

export type ConfirmOutcome = { ok: true; beneficiaryKey: string } | { ok: false; code: CowinErrorCode };

/**
 * Pending OTPs by txnId. Real and phantom transactions are stored and checked alike: the only
 * difference is that no OTP can match a phantom's hash, so nothing in the answers tells them apart.
 */
export interface OtpStore {
  /** Starts a transaction for `mobile`, replacing every earlier pending one of that mobile. */
  open(mobile: string, beneficiaryKey: string | undefined, otpHash: string, now: number): string;
  confirm(txnId: string, otpHash: string, now: number): ConfirmOutcome;
  clear(): void;
}

function sameHash(a: string, b: string): boolean {
  // Both are 64 hex characters here (the handler validates the request); compare in constant time.
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Transactions in the order they were opened (the Map keeps it), so forgetting old ones stops at the
 * first young one, and each mobile's pending transaction by mobile: a call never walks them all, so
 * the mock stays as fast with 50,000 abandoned transactions as with none (the load bench needs that).
 */
export function createOtpStore(): OtpStore {
  const transactions = new Map<string, Transaction>();
  const pendingByMobile = new Map<string, string>();

  function forgetOld(now: number): void {
    for (const [id, txn] of transactions) {
      if (now - txn.issuedAt <= FORGET_AFTER_MS) return;
      transactions.delete(id);
      if (pendingByMobile.get(txn.mobile) === id) pendingByMobile.delete(txn.mobile);
    }
  }

  return {
    open(mobile, beneficiaryKey, otpHash, now) {
      forgetOld(now);
      const pending = transactions.get(pendingByMobile.get(mobile) ?? '');
      if (pending?.state === 'pending') pending.state = 'replaced';
      const txnId = randomUUID();
      transactions.set(txnId, { mobile, beneficiaryKey, otpHash, issuedAt: now, wrongTries: 0, state: 'pending' });
      pendingByMobile.set(mobile, txnId);
      return txnId;
    },

    confirm(txnId, otpHash, now) {
      const txn = transactions.get(txnId);
      if (!txn) return { ok: false, code: 'USRAUT0014' };
      if (txn.state === 'exhausted') return { ok: false, code: 'USRAUT0017' };
      // A replaced OTP is as dead as an expired one; saying so is no leak, the caller asked for both.
      if (txn.state !== 'pending' || now - txn.issuedAt >= OTP_TTL_MS) return { ok: false, code: 'USRAUT0015' };
      if (sameHash(txn.otpHash, otpHash) && txn.beneficiaryKey !== undefined) {
        txn.state = 'used';
        return { ok: true, beneficiaryKey: txn.beneficiaryKey };
      }
      txn.wrongTries += 1;
      if (txn.wrongTries >= MAX_WRONG_TRIES) {
        txn.state = 'exhausted';
        return { ok: false, code: 'USRAUT0017' };
      }
      return { ok: false, code: 'USRAUT0014' };
    },

    clear() {
      transactions.clear();
      pendingByMobile.clear();
    },
  };
}

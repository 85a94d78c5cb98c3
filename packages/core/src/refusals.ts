import type { Finding } from '@shegong/domain';
// The errors' own module, not the store's index: this is read at the API function's start, and
// the index would bring every repository, the domain's schemas and the SDK with it (the function
// loads the store on the first request that reads the table: functions/api/handler.ts).
import { StoreError } from '@shegong/store/errors';

/**
 * Why a use case did not do what it was asked, as types the adapters map to their medium in one
 * place each (a problem+json status; a page or a form re-rendered with its field errors). Every
 * message is an English sentence for the API; `reason` and each field's `code` are stable names a
 * page turns into words of its own language.
 */

/** One field of the input that is the cause: a JSON pointer into the input the use case was given. */
export interface FieldProblem {
  path: string;
  message: string;
  /** A stable name for the problem (`noRuleSet`, `unknownPerson`…), for a page's own words. */
  code?: string;
  /** The policy rule behind it, with the figures that went into it. */
  ruleId?: string;
  amounts?: Record<string, string | number>;
}

export type RefusalKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'stale'
  | 'refused'
  | 'unsupported';

export interface RefusalDetail {
  fields?: readonly FieldProblem[];
  /** A stable name for the refusal as a whole. */
  reason?: string;
  /** Seconds after which the same request may succeed (another try of it is still in flight). */
  retryAfter?: number;
}

export abstract class Refusal extends Error {
  abstract readonly kind: RefusalKind;
  readonly fields: readonly FieldProblem[];
  readonly reason: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(message: string, detail: RefusalDetail = {}) {
    super(message);
    this.name = new.target.name;
    this.fields = detail.fields ?? [];
    this.reason = detail.reason;
    this.retryAfter = detail.retryAfter;
  }
}

/** The input is malformed in a way its schema could not say (values that contradict each other). */
export class Invalid extends Refusal {
  readonly kind = 'invalid';
}

/** No verified member is behind the request (no token, a bad one, a disabled account). */
export class Unauthenticated extends Refusal {
  readonly kind = 'unauthenticated';
}

/** The member may not do this (their kind of tenant, their roles, their jurisdiction). */
export class Forbidden extends Refusal {
  readonly kind = 'forbidden';
}

/** Nothing of this tenant is there (another tenant's object too: ids cannot be probed). */
export class NotFound extends Refusal {
  readonly kind = 'notFound';
}

/** The object's state does not allow it (a signed contract edited, a number already taken). */
export class Conflict extends Refusal {
  readonly kind = 'conflict';
}

/** The caller read an older version than the one stored: reload and try again. */
export class Stale extends Refusal {
  readonly kind = 'stale';
}

/** This deployment cannot do it (no identity provider behind invitations). */
export class Unsupported extends Refusal {
  readonly kind = 'unsupported';
}

export interface RefusedDetail extends RefusalDetail {
  /** The rules that refuse it, each with its rule id and amounts. */
  findings?: readonly Finding[];
  /** Where the findings' paths sit in the input (`/draft` for an amendment's draft). */
  at?: string;
}

/** The input is well formed but the rules refuse it: findings and field problems say which and why. */
export class Refused extends Refusal {
  readonly kind = 'refused';
  readonly findings: readonly Finding[];
  readonly at: string;

  constructor(message: string, detail: RefusedDetail = {}) {
    super(message, detail);
    this.findings = detail.findings ?? [];
    this.at = detail.at ?? '';
  }
}

const FROM_STORE: Record<StoreError['code'], new (message: string, detail?: RefusalDetail) => Refusal> = {
  not_found: NotFound,
  stale_version: Stale,
  conflict: Conflict,
  bad_cursor: Invalid,
  idempotency_mismatch: Refused,
};

/**
 * The refusal an error stands for: itself, or the store's refusal (a missing item, a stale
 * version, a taken number, a bad cursor) as the core's type; undefined for a fault.
 */
export function asRefusal(error: unknown): Refusal | undefined {
  if (error instanceof Refusal) return error;
  if (!(error instanceof StoreError)) return undefined;
  const field = error.detail.field;
  const fields = typeof field === 'string' ? [{ path: `/${field}`, message: error.message }] : [];
  return new FROM_STORE[error.code](error.message, { fields, reason: error.code });
}

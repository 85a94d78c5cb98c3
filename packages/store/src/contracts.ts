import type {
  Amendment,
  ContractAssessment,
  ContractDraft,
  ContractStatus,
  CostedPostInput,
  DraftChange,
  RuleSet,
  RuleSetParameters,
} from '@shegong/domain';
import type { Page } from './cursor.ts';
import type { PageRequest } from './query.ts';
import type { TenantScope } from './scope.ts';

/**
 * An organisation's purchase contracts. OWNER: helper "contracts" (fills the bodies; the types are
 * the contract other helpers code against — add fields, do not rename).
 *
 * Items (all in the tenant's partition `T#<tenant>`):
 *   CONTRACT#<id>              the head: status, the current version's summary, optimistic `version`;
 *                              GSI `scope`: gsi1pk `R#<city of purchaser region>#CONTRACT`,
 *                              gsi1sk `<purchaser region>#<tenant>#<id>` (the bureaus' view, later issue)
 *   CONTRACTV#<id>#0001 …      every version (draft edits replace the draft's; amendments add one)
 *   T#<tenant>#CONTRACTNO / <number>   guard: a contract number is unique within the organisation
 */

/** The rule set a costing used, named so a reader can find it. */
export interface RuleSetRef {
  id: string;
  region: string;
  effectiveFrom: string;
  version: number;
  title: string;
}

export const ruleSetRefOf = (r: RuleSet): RuleSetRef => ({
  id: r.id,
  region: r.region,
  effectiveFrom: r.effectiveFrom,
  version: r.version,
  title: r.title,
});

/** A status change as it happened. */
export interface StatusChange {
  from?: ContractStatus;
  to: ContractStatus;
  /** The day it happened (signed on, started on…), as the user gave it or today. */
  date: string;
  note?: string;
  at: string;
  by: string;
}

/** The contract as listed: the head item. */
export interface StoredContract {
  id: string;
  status: ContractStatus;
  number: string;
  title: string;
  purchaser: { name: string; region: string };
  startDate: string;
  endDate: string;
  value: number;
  /** The number of the current version (1 until the first amendment). */
  currentVersion: number;
  /** The current version's findings, counted, and their rule ids: the list's flags. */
  findingCounts: { errors: number; warnings: number };
  findingRuleIds: string[];
  /** labour cost and price floor of the current version, fen (the floor absent when none exists). */
  labourCost: number;
  priceFloor?: number;
  history: StatusChange[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Optimistic-concurrency version of the head (ETag / If-Match); changes on every write. */
  version: number;
}

/** One version of a contract: the draft as saved, costed, and frozen once signed. */
export interface ContractVersion {
  contractId: string;
  /** 1, 2, … (an amendment adds one). */
  number: number;
  draft: ContractDraft;
  /** The posts as costed: named persons' pay and certificate filled in (same order as draft.plan.posts). */
  costedPosts: CostedPostInput[];
  /** The rule set in force for the purchaser's region on the start date, and its parameters as used. */
  ruleSet: RuleSetRef;
  rules: RuleSetParameters;
  assessment: ContractAssessment;
  /** Present on versions made by amendment. */
  amendment?: { reason: string; effectiveDate: string; changes: DraftChange[] };
  savedAt: string;
  savedBy: string;
}

export interface ContractListFilter {
  status?: ContractStatus;
}

/** What a save needs beyond the draft: the costing, done by the caller against the rule set. */
export interface CostedDraft {
  draft: ContractDraft;
  costedPosts: CostedPostInput[];
  ruleSet: RuleSetRef;
  rules: RuleSetParameters;
  assessment: ContractAssessment;
}

export class Contracts {
  constructor(readonly scope: TenantScope) {}

  /** The head; not_found (404) when it is not this organisation's. */
  get(_id: string): Promise<StoredContract> {
    throw new Error('not implemented');
  }

  /** Heads, newest first, optionally one status. */
  list(_page: PageRequest, _filter?: ContractListFilter): Promise<Page<StoredContract>> {
    throw new Error('not implemented');
  }

  /** One version; not_found when there is none. */
  version(_id: string, _number: number): Promise<ContractVersion> {
    throw new Error('not implemented');
  }

  /** Every version, oldest first. */
  versions(_id: string, _page: PageRequest): Promise<Page<ContractVersion>> {
    throw new Error('not implemented');
  }

  /** A new draft contract with version 1, its number guard and audit event, in one transaction. */
  create(_costed: CostedDraft): Promise<{ contract: StoredContract; version: ContractVersion }> {
    throw new Error('not implemented');
  }

  /** Replaces the draft's version 1 (only while draft; 412 on a stale head version). */
  editDraft(
    _id: string,
    _costed: CostedDraft,
    _expectedVersion: number,
  ): Promise<{ contract: StoredContract; version: ContractVersion }> {
    throw new Error('not implemented');
  }

  /** Adds version n+1 to a signed or running contract (412 on a stale head version). */
  amend(
    _id: string,
    _costed: CostedDraft,
    _amendment: Pick<Amendment, 'reason' | 'effectiveDate'>,
    _expectedVersion: number,
  ): Promise<{ contract: StoredContract; version: ContractVersion }> {
    throw new Error('not implemented');
  }

  /** Moves the status along NEXT_STATUSES (412 on a stale head version). */
  transition(
    _id: string,
    _change: { to: ContractStatus; date: string; note?: string },
    _expectedVersion: number,
  ): Promise<StoredContract> {
    throw new Error('not implemented');
  }
}

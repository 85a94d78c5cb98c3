import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  cityOf,
  type InternRecord,
  type InternshipBaseRecord,
  type InternshipClaim,
  type InternshipClaimStatus,
} from '@shegong/domain';
import { conflict } from '../errors.ts';
import { keys } from '../keys.ts';
import type { Mutation } from '../mutation.ts';
import { queryAll } from '../query.ts';
import { type TenantScope, toRecord } from '../scope.ts';

/** The refusal when an intern-month is already in another claim (its detail names the month). */
export const MONTH_CLAIMED = 'intern-month already claimed';

type Key = { pk: string; sk: string };

async function getItem(scope: Pick<TenantScope, 'client' | 'tableName'>, key: Key) {
  const { Item } = await scope.client.send(
    new GetCommand({ TableName: scope.tableName, Key: key, ConsistentRead: true }),
  );
  return Item;
}

function claimItem(claim: InternshipClaim): Record<string, unknown> & Key {
  const { version: _v, ...stored } = claim;
  return {
    ...keys.internshipClaim(claim.organisationId, claim.id),
    ...keys.internshipClaimQueue(claim.bureau.id, claim.status, claim.submittedAt, claim.organisationId, claim.id),
    ...stored,
  };
}

/**
 * P-A9: an organisation's internship base, its interns and its claims, in its own partition. The
 * base is indexed for the bureaus (keys.internshipBaseScope); a claim for the bureau that decides
 * it (keys.internshipClaimQueue); every claimed intern-month holds a guard (keys.internMonthClaimed).
 */
export class Internships {
  constructor(private readonly scope: TenantScope) {}

  private get org(): string {
    return this.scope.tenantId;
  }

  async base(): Promise<InternshipBaseRecord | undefined> {
    const item = await getItem(this.scope, keys.internshipBase(this.org));
    return item ? toRecord<InternshipBaseRecord>(item) : undefined;
  }

  /** Records the base (version 0: first time) or replaces the version read. */
  stageBase(mutation: Mutation, base: Omit<InternshipBaseRecord, 'version'>, expectedVersion: number) {
    const item = {
      ...keys.internshipBase(this.org),
      ...keys.internshipBaseScope(cityOf(base.region) ?? base.region, base.region, this.org),
      ...base,
    };
    if (expectedVersion === 0) mutation.create('InternshipBase', item);
    else mutation.replace('InternshipBase', item, expectedVersion);
    return { ...base, version: expectedVersion + 1 };
  }

  stageIntern(mutation: Mutation, intern: InternRecord) {
    mutation.create('Intern', { ...keys.intern(this.org, intern.id), ...intern });
  }

  async intern(id: string): Promise<InternRecord | undefined> {
    const item = await getItem(this.scope, keys.intern(this.org, id));
    if (!item) return undefined;
    const { version: _v, ...intern } = toRecord<InternRecord & { version?: number }>(item);
    return intern;
  }

  /** The base's interns (bounded: an organisation hosts a few dozen at most), by id. */
  async interns(): Promise<InternRecord[]> {
    const items = await queryAll(this.scope, {
      partition: `T#${this.org}`,
      sortPrefix: keys.internPrefix,
      consistent: true,
    });
    return items.map((i) => {
      const { version: _v, ...intern } = toRecord<InternRecord & { version?: number }>(i);
      return intern;
    });
  }

  /** A new claim and a guard for each of its months: a month already claimed fails the transaction. */
  stageClaim(mutation: Mutation, claim: InternshipClaim) {
    mutation.create('InternshipClaim', claimItem(claim));
    for (const m of claim.months)
      mutation.create(
        'InternMonthClaim',
        { ...keys.internMonthClaimed(this.org, claim.intern.id, m.month), claimId: claim.id },
        conflict(MONTH_CLAIMED, { month: m.month }),
      );
  }

  /** The organisation's claims, the newest first (ids are time-ordered). */
  async claims(): Promise<InternshipClaim[]> {
    const items = await queryAll(this.scope, {
      partition: `T#${this.org}`,
      sortPrefix: keys.internshipClaimPrefix,
      newestFirst: true,
      consistent: true,
    });
    return items.map((i) => toRecord<InternshipClaim>(i));
  }

  async claim(claimId: string): Promise<InternshipClaim | undefined> {
    return Internships.claimOf(this.scope, this.org, claimId);
  }

  /** One organisation's claim, read by key (a bureau checks it is its own to decide). */
  static async claimOf(
    scope: Pick<TenantScope, 'client' | 'tableName'>,
    organisationId: string,
    claimId: string,
  ): Promise<InternshipClaim | undefined> {
    const item = await getItem(scope, keys.internshipClaim(organisationId, claimId));
    return item ? toRecord<InternshipClaim>(item) : undefined;
  }

  /**
   * A bureau's decision or payment on a claim it read at `before.version`: the claim rewritten
   * (its queue key follows its status), audited in both trails. A refusal frees the claim's
   * months, so the organisation can claim them again (choice: the refusal may be about the papers,
   * not the months).
   */
  static stageDecision(mutation: Mutation, before: InternshipClaim, after: InternshipClaim, action: string) {
    mutation.replace('InternshipClaim', claimItem(after), before.version);
    if (after.status === 'refused')
      for (const m of before.months)
        mutation.remove(
          'InternMonthClaim',
          keys.internMonthClaimed(before.organisationId, before.intern.id, m.month),
          1,
        );
    mutation.auditedIn(before.organisationId, action, 'InternshipClaim', after.id, after.version, after);
  }

  /** The claims a bureau decides, of one status (or all), oldest submitted first. */
  static async queue(bureau: TenantScope, status?: InternshipClaimStatus): Promise<InternshipClaim[]> {
    const items = await queryAll(bureau, {
      partition: keys.internshipClaimQueuePartition(bureau.tenantId),
      index: 'review',
      ...(status ? { sortPrefix: `${status}#` } : {}),
    });
    return items.map((i) => toRecord<InternshipClaim>(i));
  }

  /**
   * The internship bases recorded in a city (or one county of it, by its code): one Query of GSI
   * `scope`. The bureaus' list and the targets' P-T6 count read this.
   */
  static async basesOfCity(scope: TenantScope, city: string, county?: string): Promise<InternshipBaseRecord[]> {
    const items = await queryAll(scope, {
      partition: keys.internshipBasePartition(city),
      index: 'scope',
      ...(county ? { sortPrefix: `${county}#` } : {}),
    });
    return items.map((i) => toRecord<InternshipBaseRecord>(i));
  }
}

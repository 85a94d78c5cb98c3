import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type ContractVersion,
  covers,
  type Jurisdiction,
  type Rectification,
  type ReviewRecord,
  type StoredActualMonth,
  type StoredContract,
  type TenantRecord,
} from '@shegong/domain';
import { monthOf } from './actuals.ts';
import { MAX_CONTRACT_VERSIONS, versionOf } from './contracts.ts';
import type { Page } from './cursor.ts';
import { ContractHistory } from './history.ts';
import { keys } from './keys.ts';
import { countQuery, type PageRequest, queryAll, queryItems } from './query.ts';
import { Rectifications } from './rectifications.ts';
import { type TenantScope, toRecord } from './scope.ts';

/** A contract head as a bureau reads it: which organisation holds it, and the head. */
export interface JurisdictionContract {
  organisationId: string;
  contract: StoredContract;
}

/**
 * What a bureau reads of the organisations' contracts in its jurisdiction, and nothing else: no
 * method here writes. Lists are Queries of the `scope` index under the bureau's city (a county:
 * the prefix of its own code), never a Scan. One contract is addressed by its organisation and id:
 * read by key, then answered as absent (404) unless its purchaser's region is in the jurisdiction,
 * so a bureau cannot tell another jurisdiction's contract from one that does not exist.
 */
export class JurisdictionContracts {
  constructor(
    private readonly scope: TenantScope,
    readonly jurisdiction: Jurisdiction,
    /**
     * The organisation's scope, for what is read of its partitions once its contract is known to be
     * in the jurisdiction: the bureau's named crossing into that organisation alone (access/
     * cross-tenant.ts), so the bureau's own session never reads another tenant's partition.
     */
    private readonly organisationScope: (organisationId: string) => TenantScope = (organisationId) =>
      scope.crossingInto('jurisdictionReads', organisationId),
  ) {}

  /** The index partition and the prefix of this jurisdiction's contracts. */
  get partition(): { partition: string; sortPrefix?: string } {
    const { city, county } = this.jurisdiction;
    return { partition: `R#${city}#CONTRACT`, ...(county ? { sortPrefix: `${county}#` } : {}) };
  }

  /** A page of heads in index order (region, organisation, id), straight from the index projection. */
  async page(page: PageRequest): Promise<Page<JurisdictionContract>> {
    const found = await queryItems(this.scope, { ...this.partition, index: 'scope' }, page);
    return { ...found, items: found.items.map(rowOf) };
  }

  /** One head, or undefined when it does not exist or lies outside the jurisdiction. */
  async head(organisationId: string, contractId: string): Promise<StoredContract | undefined> {
    const item = await this.read(organisationId, keys.contract(organisationId, contractId));
    if (!item) return undefined;
    const contract = toRecord<StoredContract>(item);
    return covers(this.jurisdiction, contract.purchaser.region) ? contract : undefined;
  }

  /** One version of a contract in the jurisdiction, or undefined. */
  async version(organisationId: string, contractId: string, number: number): Promise<ContractVersion | undefined> {
    if (!Number.isSafeInteger(number) || number < 1 || number > MAX_CONTRACT_VERSIONS) return undefined;
    if (!(await this.head(organisationId, contractId))) return undefined;
    const item = await this.read(organisationId, keys.contractVersion(organisationId, contractId, number));
    return item ? versionOf(item) : undefined;
  }

  /**
   * A page of the contracts waiting for review in the jurisdiction (GSI `review`, sparse: submitted
   * heads only), by region then oldest submission first. A city's page holds its counties' too.
   */
  async reviewQueue(page: PageRequest): Promise<Page<JurisdictionContract>> {
    const found = await queryItems(this.scope, { ...this.queuePartition, index: 'review' }, page);
    return { ...found, items: found.items.map(rowOf) };
  }

  /**
   * How many contracts wait for one bureau's decision: a Query with Select COUNT of the queue (what
   * waits in the jurisdiction bounds it), counting those the bureau is responsible for.
   */
  async waitingFor(bureauId: string): Promise<number> {
    const { partition, sortPrefix } = this.queuePartition;
    return countQuery(this.scope, {
      IndexName: 'review',
      KeyConditionExpression: sortPrefix ? 'gsi3pk = :pk AND begins_with(gsi3sk, :prefix)' : 'gsi3pk = :pk',
      FilterExpression: '#review.#bureau.#id = :bureau',
      ExpressionAttributeNames: { '#review': 'review', '#bureau': 'bureau', '#id': 'id' },
      ExpressionAttributeValues: {
        ':pk': partition,
        ':bureau': bureauId,
        ...(sortPrefix ? { ':prefix': sortPrefix } : {}),
      },
    });
  }

  /**
   * Every review decision on one contract of the jurisdiction, oldest first, whichever bureau made
   * it: one Query of the `scope` index under the contract's city (keys.reviewScope). Bounded by how
   * often one contract is submitted.
   */
  async decisions(organisationId: string, contract: StoredContract): Promise<ReviewRecord[]> {
    const region = contract.purchaser.region;
    const { gsi1pk } = keys.reviewScope(this.jurisdiction.city, region, organisationId, contract.id, '');
    const items = await queryAll(this.scope, {
      partition: gsi1pk,
      sortPrefix: `${region}#${organisationId}#${contract.id}#`,
      index: 'scope',
    });
    // A decision is never rewritten: its item's `version` is storage, not part of the record.
    return items.map((item) => {
      const { version: _v, ...record } = toRecord<ReviewRecord & { version?: number }>(item);
      return record;
    });
  }

  /** The organisation's name (its tenant record, read by key once its contract is known to be in the jurisdiction). */
  async organisationName(organisationId: string): Promise<string | undefined> {
    const item = await this.read(organisationId, keys.tenant(organisationId));
    return item ? toRecord<TenantRecord>(item).name : undefined;
  }

  /** Every month of actuals recorded on a contract of the jurisdiction, oldest first (undefined outside it). */
  async actualMonths(organisationId: string, contractId: string): Promise<StoredActualMonth[] | undefined> {
    if (!(await this.head(organisationId, contractId))) return undefined;
    const items = await queryAll(this.organisationScope(organisationId), {
      partition: `T#${organisationId}`,
      sortPrefix: keys.actualMonthPrefix(contractId),
    });
    return items.map(monthOf);
  }

  /** The review queue's partition and, for a county, the prefix of its code. */
  private get queuePartition(): { partition: string; sortPrefix?: string } {
    const { city, county } = this.jurisdiction;
    return { partition: `R#${city}#REVIEW`, ...(county ? { sortPrefix: `${county}#` } : {}) };
  }

  /** The history of a contract in the jurisdiction, or undefined (absent or outside it). */
  async history(organisationId: string, contractId: string): Promise<ContractHistory | undefined> {
    if (!(await this.head(organisationId, contractId))) return undefined;
    return new ContractHistory(this.organisationScope(organisationId), organisationId);
  }

  /**
   * The findings raised on a contract in the jurisdiction (by this bureau or another that covers
   * it), or undefined. Read from the organisation's projection of its findings (bounded by what one
   * organisation holds), kept to this contract only.
   */
  async rectifications(organisationId: string, contractId: string): Promise<Rectification[] | undefined> {
    if (!(await this.head(organisationId, contractId))) return undefined;
    const all = await new Rectifications(this.organisationScope(organisationId)).allOfOrganisation(organisationId);
    return all.filter((f) => f.contractId === contractId);
  }

  /** An organisation's item by key (its contract head, version, tenant record): a named crossing. */
  private async read(organisationId: string, key: { pk: string; sk: string }) {
    const { Item } = await this.organisationScope(organisationId).client.send(
      new GetCommand({ TableName: this.scope.tableName, Key: key, ConsistentRead: true }),
    );
    return Item;
  }
}

/** An index row of the `scope` index: the head (projected whole) and, from its pk, its organisation. */
function rowOf(item: Record<string, unknown>): JurisdictionContract {
  const organisationId = String(item.pk).slice('T#'.length);
  return { organisationId, contract: toRecord<StoredContract>(item) };
}

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type ContractVersion,
  covers,
  type Jurisdiction,
  type Rectification,
  type StoredContract,
} from '@shegong/domain';
import { MAX_CONTRACT_VERSIONS, versionOf } from './contracts.ts';
import type { Page } from './cursor.ts';
import { ContractHistory } from './history.ts';
import { keys } from './keys.ts';
import { type PageRequest, queryItems } from './query.ts';
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
    const item = await this.read(keys.contract(organisationId, contractId));
    if (!item) return undefined;
    const contract = toRecord<StoredContract>(item);
    return covers(this.jurisdiction, contract.purchaser.region) ? contract : undefined;
  }

  /** One version of a contract in the jurisdiction, or undefined. */
  async version(organisationId: string, contractId: string, number: number): Promise<ContractVersion | undefined> {
    if (!Number.isSafeInteger(number) || number < 1 || number > MAX_CONTRACT_VERSIONS) return undefined;
    if (!(await this.head(organisationId, contractId))) return undefined;
    const item = await this.read(keys.contractVersion(organisationId, contractId, number));
    return item ? versionOf(item) : undefined;
  }

  /** The history of a contract in the jurisdiction, or undefined (absent or outside it). */
  async history(organisationId: string, contractId: string): Promise<ContractHistory | undefined> {
    if (!(await this.head(organisationId, contractId))) return undefined;
    return new ContractHistory(this.scope, organisationId);
  }

  /**
   * The name of an organisation that holds a contract in the jurisdiction (a registered body's name
   * is public), or undefined. Nothing else of its tenant record is read out.
   */
  async organisationName(organisationId: string, contractId: string): Promise<string | undefined> {
    if (!(await this.head(organisationId, contractId))) return undefined;
    const item = await this.read(keys.tenant(organisationId));
    return item ? String(item.name) : undefined;
  }

  /**
   * The findings raised on a contract in the jurisdiction (by this bureau or another that covers
   * it), or undefined. Read from the organisation's projection of its findings (bounded by what one
   * organisation holds), kept to this contract only.
   */
  async rectifications(organisationId: string, contractId: string): Promise<Rectification[] | undefined> {
    if (!(await this.head(organisationId, contractId))) return undefined;
    const all = await new Rectifications(this.scope).allOfOrganisation(organisationId);
    return all.filter((f) => f.contractId === contractId);
  }

  private async read(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.scope.client.send(
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

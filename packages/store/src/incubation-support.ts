import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type IncubationTemplate,
  type MilestoneStates,
  noSupport,
  type SupportEntry,
  type SupportKind,
  type SupportTotals,
  type TemplateInput,
} from '@shegong/domain';
import type { Page } from './cursor.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import { type PageRequest, queryPage } from './query.ts';
import { type TenantScope, toRecord } from './scope.ts';

const TOTAL_COUNTERS = [
  'trainings',
  'trainingTenthHours',
  'mentoringSessions',
  'mentoringTenthHours',
  'subsidies',
  'subsidyFen',
  'registrationHelps',
] as const;

/**
 * What an incubation base records of the support it gives and of each record's milestones, and its
 * template (the scope is the base's): everything in the base's partition, beside the incubation
 * records it is about. The organisations never read these items; the base's pages and API do.
 */
export class IncubationSupport {
  constructor(private readonly scope: TenantScope) {}

  private get base(): string {
    return this.scope.tenantId;
  }

  /**
   * One entry, listed under each organisation it was given to (one row each, same id), and
   * `increment` added to each one's totals (counters missing from the item read as 0): all in the
   * caller's transaction.
   */
  stageEntry(
    mutation: Mutation,
    entry: Omit<SupportEntry, 'organisationId'>,
    organisationIds: string[],
    increment: Partial<Omit<SupportTotals, 'organisationId'>>,
  ) {
    for (const organisationId of organisationIds) {
      mutation.create('IncubationSupport', {
        ...keys.supportEntry(this.base, organisationId, entry.kind, entry.on, entry.id),
        ...withoutUndefined({ ...entry, organisationId }),
      });
      mutation.add(
        'IncubationSupportTotals',
        keys.supportTotals(this.base, organisationId),
        { organisationId },
        increment as Record<string, number>,
      );
    }
  }

  /** A page of one organisation's entries of one kind, the latest day first; or of every kind, kind by kind. */
  async entries(organisationId: string, kind: SupportKind | undefined, page: PageRequest): Promise<Page<SupportEntry>> {
    const found = await queryPage<SupportEntry & { version?: number }>(
      this.scope,
      { partition: `T#${this.base}`, sortPrefix: keys.supportPrefix(organisationId, kind), newestFirst: true },
      page,
    );
    return { ...found, items: found.items.map(({ version: _v, ...entry }) => entry) };
  }

  /** One organisation's totals (zero when it received nothing yet). */
  async totals(organisationId: string): Promise<SupportTotals> {
    const item = await this.get(keys.supportTotals(this.base, organisationId));
    const stored = item ? toRecord<Partial<SupportTotals>>(item) : {};
    const totals = noSupport(organisationId);
    for (const counter of TOTAL_COUNTERS) totals[counter] = Number(stored[counter] ?? 0);
    return totals;
  }

  /** The base's template as stored, or undefined while the defaults stand. */
  async template(): Promise<IncubationTemplate | undefined> {
    const item = await this.get(keys.incubationTemplate(this.base));
    if (!item) return undefined;
    const { milestones, criteria, version } = toRecord<TemplateInput & { version: number }>(item);
    return { milestones, criteria, isDefault: false, version };
  }

  /** Saves the template: its first save creates it (from version 0), later ones replace the version read. */
  stageTemplate(mutation: Mutation, template: TemplateInput, expectedVersion: number): IncubationTemplate {
    const item = {
      ...keys.incubationTemplate(this.base),
      milestones: template.milestones,
      criteria: template.criteria,
    };
    if (expectedVersion === 0) mutation.create('IncubationTemplate', item);
    else mutation.replace('IncubationTemplate', item, expectedVersion);
    return { ...template, isDefault: false, version: expectedVersion + 1 };
  }

  /** The milestones done on one record (none, version 0, before the first is marked). */
  async milestones(organisationId: string): Promise<MilestoneStates> {
    const item = await this.get(keys.incubationMilestones(this.base, organisationId));
    if (!item) return { organisationId, done: {}, version: 0 };
    return toRecord<MilestoneStates>(item);
  }

  /** Writes a record's milestones from the version read (created from version 0). */
  stageMilestones(mutation: Mutation, current: MilestoneStates, done: MilestoneStates['done']): MilestoneStates {
    const item = {
      ...keys.incubationMilestones(this.base, current.organisationId),
      organisationId: current.organisationId,
      done,
    };
    if (current.version === 0) mutation.create('IncubationMilestones', item);
    else mutation.replace('IncubationMilestones', item, current.version);
    return { organisationId: current.organisationId, done, version: current.version + 1 };
  }

  private async get(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.scope.client.send(
      new GetCommand({ TableName: this.scope.tableName, Key: key, ConsistentRead: true }),
    );
    return Item;
  }
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

import { randomUUID } from 'node:crypto';
import {
  type ContractDraft,
  FANGCHENGGANG_2023,
  idCardCheckCharacter,
  type NewRuleSet,
  type PersonInput,
  type Role,
  type RuleSet,
  type StoredContract,
  type TenantKind,
  type TenantRecord,
  usccCheckCharacter,
} from '@shegong/domain';
import { Store } from '@shegong/store';
import { expect, inject } from 'vitest';
import { TestTable } from '../../../test/support/table.ts';
import {
  actingAs,
  asRefusal,
  changeContractStatus,
  createContract,
  fixedClock,
  type Refusal,
  type UseCaseContext,
} from '../src/index.ts';

/**
 * What the core's integration tests share: a table of their own on DynamoDB Local, tenants made as
 * the platform makes them (each with one member per role), members acting on a fixed day, and
 * small inputs worked by hand against Fangchenggang's 2023 rule set (FANGCHENGGANG_2023: floors
 * none ¥2,400 · assistant ¥3,200 · social worker ¥3,800 · senior ¥4,600; social insurance
 * 16 % + 6.8 % + 0.5 % + 0.4 % + 0 % = 23.7 % on a base of ¥3,800 … ¥20,000; housing fund 5 % on
 * ¥1,810 … ¥25,000; personnel ≥ 70 %, management ≤ 10 %, tax 3 %).
 */

/** The day the members act on unless a test says otherwise. */
export const TODAY = '2026-03-15';

export interface TestTenant {
  record: TenantRecord;
  /** The user id of the member holding each role. */
  members: Partial<Record<Role, string>>;
}

const ROLES: Record<TenantKind, readonly Role[]> = {
  platform: ['platform_admin'],
  bureau: ['admin', 'auditor', 'reviewer'],
  incubator: ['admin', 'operator'],
  org: ['admin', 'finance', 'project_manager', 'hr', 'staff'],
};

let serial = 0;
const next = () => {
  serial += 1;
  return serial;
};

export class CoreWorld {
  readonly store: Store;
  private platformTenant?: TestTenant;
  private readonly bureaus = new Map<string, TestTenant>();

  private constructor(readonly table: TestTable) {
    this.store = new Store({ tableName: table.tableName, endpoint: table.endpoint, region: 'ap-southeast-1' });
  }

  /** A world on a new table of its own (drop it after the file's tests). */
  static async open(label: string): Promise<CoreWorld> {
    const table = TestTable.named(inject('dynamoEndpoint'), `core-${label}`);
    await table.create();
    return new CoreWorld(table);
  }

  close(): Promise<void> {
    return this.table.drop();
  }

  /** The platform tenant and its administrator (made on first use). */
  async platform(): Promise<TestTenant> {
    this.platformTenant ??= await this.makeTenant('platform', '450000', '社工平台');
    return this.platformTenant;
  }

  /** A new tenant of a kind in a region, created by the platform, with a member of each of its roles. */
  async tenant(kind: Exclude<TenantKind, 'platform'>, region: string, name?: string): Promise<TestTenant> {
    await this.platform();
    return this.makeTenant(kind, region, name ?? `${kind} ${region} ${next()}`);
  }

  private async makeTenant(kind: TenantKind, region: string, name: string): Promise<TestTenant> {
    const id = randomUUID();
    const platformId = this.platformTenant?.record.id ?? id;
    const adminId = this.platformTenant?.members.platform_admin ?? randomUUID();
    const directory = this.store.platform({ tenantId: platformId, userId: adminId, kind: 'platform' });
    const mutation = directory.scope.mutation();
    const record = directory.directory.create(mutation, { kind, name, region, ...orgCode(kind, region) }, id);
    const repos = this.store.tenant({ tenantId: id, userId: adminId });
    const members: TestTenant['members'] = {};
    for (const role of ROLES[kind]) {
      const userId = kind === 'platform' ? adminId : randomUUID();
      const email = `${role.replace('_', '-')}.${id.slice(0, 8)}@example.cn`;
      repos.users.add(mutation, { id: userId, email, name: `${name} ${role}`, roles: [role] });
      members[role] = userId;
    }
    await mutation.audited('tenant.create', 'Tenant', record.id, record.version, record).commit();
    return { record, members };
  }

  /**
   * What a member holding `role` runs use cases with, on `today` (a fixed clock): the context
   * `actingAs` reads from the store, as the demo seed and workers build it.
   */
  async as(tenant: TestTenant, role: Role, today = TODAY): Promise<UseCaseContext> {
    const userId = tenant.members[role];
    if (!userId) throw new Error(`${tenant.record.name} has no member holding ${role}`);
    const ctx = await actingAs({ store: this.store }, { tenantId: tenant.record.id, userId });
    return { ...ctx, clock: fixedClock(today) };
  }

  /** Publishes a rule set as a bureau of its region does (one bureau per region, made on first use). */
  async publish(input: NewRuleSet): Promise<RuleSet> {
    let bureau = this.bureaus.get(input.region);
    if (!bureau) {
      bureau = await this.tenant('bureau', input.region);
      this.bureaus.set(input.region, bureau);
    }
    const repos = this.store.tenant({ tenantId: bureau.record.id, userId: bureau.members.admin! });
    return repos.ruleSets.publishNow(input, { bureauName: bureau.record.name });
  }

  /** The whole table as one string: equal before and after means nothing was written. */
  snapshot(): Promise<string> {
    return this.table.snapshot();
  }

  /** The refusal an action ends with, checking that it wrote nothing at all. */
  async refusedWithoutWriting(action: () => Promise<unknown>): Promise<Refusal> {
    const before = await this.snapshot();
    const refusal = await refusalOf(action());
    expect(await this.snapshot()).toBe(before);
    return refusal;
  }

  /** The DynamoDB operations (`BatchGetItemCommand`, `QueryCommand`…) sent while an action runs. */
  async operationsDuring(action: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    const name = `record-${randomUUID()}`;
    this.store.client.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize', name },
    );
    try {
      await action();
    } finally {
      this.store.client.middlewareStack.remove(name);
    }
    return sent;
  }
}

/**
 * A world where Fangchenggang's 2023 rule set is in force, with an organisation of 港口区 (450602)
 * and one of its members: where most files start.
 */
export async function orgWorld(
  label: string,
  role: Role,
): Promise<{ world: CoreWorld; org: TestTenant; ctx: UseCaseContext }> {
  const world = await CoreWorld.open(label);
  await world.publish(FANGCHENGGANG_2023);
  const org = await world.tenant('org', '450602');
  return { world, org, ctx: await world.as(org, role) };
}

/** An organisation's unified social credit code (GB 32100), new each time. */
function orgCode(kind: TenantKind, region: string): { uscc?: string } {
  if (kind !== 'org') return {};
  const first17 = `52${region}MJY${String(next()).padStart(6, '0')}`;
  return { uscc: `${first17}${usccCheckCharacter(first17)}` };
}

/**
 * The refusal a use case ends with: its own, or the store's error as `asRefusal` maps it (as both
 * adapters do). Fails on success and on a fault.
 */
export async function refusalOf(action: Promise<unknown>): Promise<Refusal> {
  const outcome = await action.then(
    () => 'succeeded',
    (error: unknown) => error,
  );
  const refusal = asRefusal(outcome);
  if (!refusal) throw new Error(`expected a refusal, got ${outcome instanceof Error ? outcome.stack : outcome}`);
  return refusal;
}

/** A valid GB 11643 ID-card number born 1990-01-01 in 港口区, new each time. */
export function idCardNumber(): string {
  const first17 = `45060219900101${String(next() % 1000).padStart(3, '0')}`;
  return `${first17}${idCardCheckCharacter(first17)}`;
}

/** A certificate number no one holds yet. */
export const certificateNumber = () => `ZS${randomUUID().slice(0, 13).toUpperCase()}`;

/**
 * A contract social worker of 港口区 since 2021-03 paid ¥4,000 a month, holding the assistant
 * certificate since 2021-06 with 52 hours of continuing education in 2025 (P-R2's 50 met).
 */
export function personInput(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    name: '黄小梅',
    idCardNumber: idCardNumber(),
    phone: '13812345678',
    education: { level: 'bachelor', socialWorkMajor: true },
    employmentType: 'contract',
    monthlyPay: 4_000_00,
    employment: [{ employer: '港口区阳光社工', region: '450602', start: '2021-03-01', socialWork: true }],
    certificates: [{ level: 'assistant', number: certificateNumber(), obtainedOn: '2021-06-20' }],
    continuingEducation: [{ date: '2025-03-01', tenthHours: 520, provider: '防城港市民政局', topic: '个案管理' }],
    ...overrides,
  };
}

/**
 * A one-post draft, worked by hand. One social worker at the ¥3,800 floor, full time, 12 months:
 *   SI on the ¥3,800 base 608.00 + 258.40 + 19.00 + 15.20 + 0 = 900.60; HF 5 % = 190.00;
 *   M = 4,890.60; cost = 4,890.60 × 12 = 58,687.20 = L.
 * V = ¥80,000: tax 3 % 2,400.00, management 5 % 4,000.00, activities 10,000.00, personnel the
 * rest, 63,600.00 ≥ L and 79.5 % ≥ 70 %; one milestone of the whole value. No findings.
 */
export function contractDraft(change: (draft: ContractDraft) => void = () => {}): ContractDraft {
  const draft: ContractDraft = {
    terms: {
      purchaser: { name: '防城港市港口区民政局', region: '450602' },
      number: `GKMZ-2026-${String(next()).padStart(3, '0')}`,
      title: '港口区社区社会工作服务项目',
      services: ['helping_needy', 'resource_linking'],
      serviceArea: '港口区渔洲坪街道',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      stableRecurring: false,
      value: 80_000_00,
      deliverables: [],
      milestones: [{ name: '全款', dueDate: '2026-12-31', amount: 80_000_00 }],
    },
    plan: {
      posts: [{ title: '一线社工', role: 'frontline', certLevel: 'social_worker', ftePercent: 100, months: 12 }],
      lines: {
        personnel: 63_600_00,
        supervision: 0,
        activities: 10_000_00,
        management: 4_000_00,
        tax: 2_400_00,
        other: 0,
      },
      items: [],
    },
  };
  change(draft);
  return draft;
}

/** A contract created from the draft, submitted and signed (on 2025-12-20). */
export async function signedContract(ctx: UseCaseContext, draft = contractDraft()): Promise<StoredContract> {
  const created = (await createContract(ctx, draft)).contract;
  const submitted = await changeContractStatus(
    ctx,
    created.id,
    { to: 'submitted', date: '2025-12-15' },
    created.version,
  );
  const approved = await approveAsBureau(ctx, submitted);
  return changeContractStatus(ctx, created.id, { to: 'signed', date: '2025-12-20' }, approved.version);
}

/** Approves a submitted contract as the bureau it was submitted to (review before signing). */
export async function approveAsBureau(ctx: UseCaseContext, submitted: StoredContract): Promise<StoredContract> {
  const bureau = submitted.review?.bureau;
  if (!bureau) throw new Error('the contract names no reviewing bureau');
  const desk = ctx.store.reviewDesk({ tenantId: bureau.id, userId: 'test-reviewer', kind: 'bureau' });
  const decision = { decision: 'approve' as const, reasons: [], decidedByName: 'test reviewer', date: '2025-12-18' };
  return (await desk.decide(ctx.tenant.id, submitted, decision, submitted.version)).contract;
}

import { randomBytes, randomUUID } from 'node:crypto';
import {
  actingAs,
  admitApplication,
  answerFinding,
  changeContractStatus,
  costDraft,
  decideReview,
  raiseFinding,
  recordActualMonth,
  recordApplication,
  startPageSession,
} from '@shegong/core';
import {
  chinaToday,
  DEFAULT_EVALUATION_TEMPLATE,
  DONGXING_2026,
  drawSample,
  type Evaluation,
  FANGCHENGGANG_2023,
  idCardCheckCharacter,
  ROLES_BY_KIND,
  SAMPLING_ALGORITHM,
  scoreEvaluation,
  type TenantKind,
  usccCheckCharacter,
} from '@shegong/domain';
import {
  ACTUAL_MONTH_EXAMPLE,
  ADMIT_EXAMPLE,
  APPLICATION_EXAMPLE,
  type AppDeps,
  CONTRACT_EXAMPLE,
  createApp,
  DRAFT_EDIT_EXAMPLE,
  LADDER_EXAMPLE,
  RAISE_FINDING_EXAMPLE,
  type ShegongApp,
  SIGNED_CONTRACT_EXAMPLE,
} from '@shegong/http';
import { roundTripsDuring, Store } from '@shegong/store';
import { mountPages, PageCookies } from '@shegong/web';
import { inject } from 'vitest';
import { PolicyEvaluation } from './confined.ts';
import { ApiDescription, isJson, openApiDocument, recordSeen } from './documented.ts';
import { RecordingDirectory } from './identity.ts';
import { TestTable } from './table.ts';
import { TestIssuer, type TokenSubject } from './tokens.ts';

export const TENANT_LABELS = ['platform', 'bureauA', 'bureauB', 'incubatorA', 'incubatorB', 'orgA', 'orgB'] as const;
export type TenantLabel = (typeof TENANT_LABELS)[number];

/** Kinds the world holds two tenants of (A and B), so one can try to reach the other. */
export const PAIRED_KINDS = ['bureau', 'incubator', 'org'] as const satisfies readonly TenantKind[];
export type PairedKind = (typeof PAIRED_KINDS)[number];

/** The month of actuals the world records on each organisation's signed contract (2026-01 … 2026-12). */
export const SEEDED_ACTUAL_MONTH = '2026-03';

export interface SeededUser extends TokenSubject {
  /** `orgA.finance`: tenant label and role, for test names. */
  label: string;
}

export interface SeededInvitation {
  id: string;
  token: string;
  email: string;
  roles: string[];
}

export interface SeededTenant {
  label: TenantLabel;
  id: string;
  kind: TenantKind;
  name: string;
  nameEn: string;
  region: string;
  uscc?: string;
  /** One user of every role of the tenant's kind, in ROLES_BY_KIND order (the admin first). */
  users: SeededUser[];
  /** One pending invitation. */
  invitation: SeededInvitation;
  /** Organisations: ids of the people in their staff registry (issue 3), created by `seed()`; incubator A's by `seedBaseProject()`. */
  people: string[];
  /**
   * Organisations: pending submissions of the admin's (linked to people[0]) for hr to decide, the
   * first for the confirm routes, the second for the refuse routes (world.seedMemberRecords).
   */
  submissions?: string[];
  /** Organisations (and incubator A, `seedBaseProject()`): a roster import job (an invalid file's). */
  importId?: string;
  /** Organisations (and incubator A, `seedBaseProject()`): a draft contract (GKMZ-2026-016) and a signed one (GKMZ-2026-009). */
  contracts?: { draft: string; signed: string };
  /**
   * Bureau A and organisation A: findings bureau A raised on organisation A's signed contract
   * (world.seedRectifications), so each route that moves one takes its own: 0, 5 and 6 open (read;
   * answered by the API, by the page); 1 to 4 answered (accepted and reopened by the API, by the pages).
   */
  rectifications?: string[];
  /**
   * Bureau A: its spot-check draw (the year), two evaluation templates and an evaluation of
   * organisation A's signed contract; organisation A: that evaluation (world.seedEvaluations).
   */
  evaluations?: { spotCheck?: string; templates?: string[]; evaluation: string };
  /**
   * Incubator A (world.seedIncubation, on demand): applications waiting for review — 0 read and
   * noted, 1 admitted and 2 declined by the API, 3 to 5 left for the pages — and one organisation it
   * admitted (agreement from 2026-03-01, incubating) with its admin's pending invitation.
   */
  incubation?: { applications: string[]; organisationId: string; invitationId: string };
}

interface TenantPlan {
  label: TenantLabel;
  kind: TenantKind;
  name: string;
  nameEn: string;
  region: string;
  usccSerial?: number;
}

export interface PageRequestOptions {
  /** Signed in as this user: a page session of theirs in the session cookie. */
  as?: TokenSubject;
  /** Exactly this value in the session cookie. */
  token?: string;
  /** Form fields of a post (a list repeats the field). */
  form?: Record<string, string | readonly string[]>;
  /**
   * `same-origin` (default): posted from one of our pages, CSRF cookie and field matching;
   * `missing`: no CSRF token at all; `cross-site`: the browser says another site sent it.
   */
  csrf?: 'same-origin' | 'missing' | 'cross-site';
  /** The language the reader chose (the `lang` cookie); Chinese without it. */
  lang?: 'zh-CN' | 'en';
  headers?: Record<string, string>;
}

const PLAN: readonly TenantPlan[] = [
  { label: 'platform', kind: 'platform', name: '社工平台', nameEn: 'Shegong Platform', region: '450000' },
  {
    label: 'bureauA',
    kind: 'bureau',
    name: '防城港市民政局',
    nameEn: 'Fangchenggang Civil Affairs Bureau',
    region: '450600',
  },
  { label: 'bureauB', kind: 'bureau', name: '东兴市民政局', nameEn: 'Dongxing Civil Affairs Bureau', region: '450681' },
  {
    label: 'incubatorA',
    kind: 'incubator',
    name: '防城港市社会组织孵化基地',
    nameEn: 'Fangchenggang Incubation Base',
    region: '450602',
  },
  {
    label: 'incubatorB',
    kind: 'incubator',
    name: '东兴市社会组织孵化中心',
    nameEn: 'Dongxing Incubation Centre',
    region: '450681',
  },
  {
    label: 'orgA',
    kind: 'org',
    name: '港口区阳光社会工作服务中心',
    nameEn: 'Gangkou Sunshine Social Work Centre',
    region: '450602',
    usccSerial: 1,
  },
  {
    label: 'orgB',
    kind: 'org',
    name: '上思县同心社会工作服务社',
    nameEn: 'Shangsi Tongxin Social Work',
    region: '450621',
    usccSerial: 2,
  },
];

/** A valid unified social credit code (GB 32100) for a social organisation in a region. */
export function makeUscc(region: string, serial: number): string {
  const first17 = `52${region}MJY${String(serial).padStart(6, '0')}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

export interface WorldOptions {
  /** Extra or replaced dependencies (a mailer, CORS origins, a smaller body limit). */
  deps?: Partial<AppDeps>;
  /** Mount the pages of @shegong/web on the app (default true). */
  pages?: boolean;
  /**
   * Evaluate the data-access policy on every tenant's and crossing's requests (support/confined.ts),
   * denying what IAM would deny. On by default, so every test through a world also checks that IAM
   * would let the deployed function do it (a roster upload's mixed BatchGetItem was found this way);
   * SHEGONG_EVALUATE_DATA_POLICY=0 turns it off, to tell a policy failure from another.
   */
  evaluatePolicy?: boolean;
}

export interface RequestOptions {
  /** Sign in as this user (a fresh ID token, cached per user). */
  as?: TokenSubject;
  /** Send exactly this Authorization bearer token. */
  token?: string;
  /** A JSON body (Content-Type: application/json). */
  json?: unknown;
  /** A raw body (set the Content-Type yourself). */
  body?: RequestInit['body'];
  headers?: Record<string, string>;
}

/**
 * Everything a test needs around the app: its own table on DynamoDB Local, the store, a test
 * issuer and verifier, a recording identity directory, and the app itself (the API with the pages
 * of @shegong/web mounted on it). `seed()` writes the platform and two tenants of every other kind,
 * each with a user of every role and a pending invitation, through the store.
 */
export class World {
  readonly store: Store;
  readonly deps: AppDeps;
  readonly app: ShegongApp;
  readonly directory = new RecordingDirectory();
  readonly publicBaseUrl = 'https://shegong.test';
  /** Filled by `seed()`. */
  readonly tenants = {} as Record<TenantLabel, SeededTenant>;
  /** Filled by `seed()`: the rule sets bureau A (450600) and bureau B (450681) published. */
  readonly ruleSetIds = { bureauA: '', bureauB: '' };
  /** Whether the pages of @shegong/web are mounted on the app. */
  pagesMounted = false;
  /** The pages' cookie names (plain HTTP in tests, so without the `__Host-` prefix). */
  readonly cookies = new PageCookies(false);
  /** The double-submit CSRF token a browser of these tests holds. */
  readonly csrfToken = randomBytes(32).toString('base64url');
  /** Set when the data-access policy is evaluated (WorldOptions.evaluatePolicy). */
  readonly policy?: PolicyEvaluation;
  private readonly tokens = new Map<string, string>();
  private readonly sessions = new Map<string, string>();

  private constructor(
    readonly table: TestTable,
    readonly issuer: TestIssuer,
    options: WorldOptions,
  ) {
    if (options.evaluatePolicy ?? process.env.SHEGONG_EVALUATE_DATA_POLICY !== '0') {
      this.policy = new PolicyEvaluation(table.endpoint, table.tableName);
    }
    const policy = this.policy;
    this.store = new Store(
      { tableName: table.tableName, endpoint: table.endpoint, region: 'ap-southeast-1' },
      policy
        ? {
            clientFor: (tenantId) => policy.clientFor(tenantId),
            crossingFor: (path, caller, target) => policy.crossingClientFor(path, caller, target),
          }
        : {},
    );
    // Refused, as IAM would, only while the app serves a request: tests set up and inspect the table
    // with the same client.
    policy?.watchFunctionClient(this.store.client, () => this.serving > 0);
    this.deps = {
      // Off unless a test sets it: a file's requests come as fast as the machine allows.
      throttle: false,
      store: this.store,
      verifyToken: issuer.verifyToken,
      identity: this.directory,
      publicBaseUrl: this.publicBaseUrl,
      ...options.deps,
    };
    this.app = createApp(this.deps);
  }

  /** Builds the world without touching the table (safe at collection time); `seed()` fills it. */
  static async create(label: string, options: WorldOptions = {}): Promise<World> {
    const table = TestTable.named(inject('dynamoEndpoint'), label);
    const world = new World(table, await TestIssuer.create(), options);
    if (options.pages !== false) {
      mountPages(world.app, world.deps, {
        oidc: {
          issuer: world.issuer.issuer,
          clientId: world.issuer.audience,
          fetch: world.issuerFetch as typeof fetch,
        },
        secureCookies: false,
      });
      world.pagesMounted = true;
    }
    return world;
  }

  /** What the test issuer serves: its discovery document and its JWKS. */
  readonly issuerFetch = async (input: string | URL | Request): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const base = this.issuer.issuer;
    if (url.pathname === '/.well-known/openid-configuration') {
      return Response.json({
        issuer: base,
        authorization_endpoint: `${base}/authorize`,
        token_endpoint: `${base}/token`,
        jwks_uri: `${base}/.well-known/jwks.json`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (url.pathname === '/.well-known/jwks.json') return Response.json(this.issuer.jwks);
    return new Response('not found', { status: 404 });
  };

  async seed(): Promise<this> {
    await this.table.create();
    const [platformPlan, ...others] = PLAN as [TenantPlan, ...TenantPlan[]];
    const platform = this.plan(platformPlan);
    const platformAdmin = platform.users[0]!;
    const directory = this.store.platform({ tenantId: platform.id, userId: platformAdmin.id, kind: 'platform' });
    // The platform tenant first, then every other tenant, each created by the platform admin.
    for (const seeded of [platform, ...others.map((p) => this.plan(p))]) {
      const create = directory.scope.across('createTenant', seeded.id).mutation();
      const record = directory.directory.create(
        create,
        {
          kind: seeded.kind,
          name: seeded.name,
          nameEn: seeded.nameEn,
          region: seeded.region,
          ...(seeded.uscc ? { uscc: seeded.uscc } : {}),
        },
        // TenantDirectory.create's `id` parameter is typed by its default (randomUUID's template type).
        seeded.id as ReturnType<typeof randomUUID>,
      );
      await create.audited('tenant.create', 'Tenant', record.id, record.version, record).commit();
      await this.seedMembers(seeded, platformAdmin.id);
      if (seeded.kind === 'org') await this.seedPeople(seeded);
      if (seeded.kind === 'org') await this.seedImport(seeded);
      if (seeded.kind === 'org') await this.seedMemberRecords(seeded);
      this.tenants[seeded.label] = seeded;
    }
    // Published policy (read by every tenant): the city's, and the county's own for bureau B.
    for (const [label, input] of [
      ['bureauA', FANGCHENGGANG_2023],
      ['bureauB', DONGXING_2026],
    ] as const) {
      const bureau = this.tenant(label);
      const repos = this.store.tenant({ tenantId: bureau.id, userId: bureau.users[0]!.id });
      this.ruleSetIds[label] = (await repos.ruleSets.publishNow(input)).id;
    }
    // And a province's (a bureau outside the world), so every region here has one in force, 450000 too.
    const province = this.store.tenant({ tenantId: randomUUID(), userId: randomUUID() });
    await province.ruleSets.publishNow({ ...FANGCHENGGANG_2023, region: '450000', title: '广西壮族自治区（测试）' });
    // Each organisation's contracts (costed with the city's rule set, so after it is published).
    for (const label of ['orgA', 'orgB'] as const) await this.seedContracts(this.tenant(label));
    await this.seedRectifications();
    await this.seedEvaluations();
    // Organisation A's career ladder, version 1 (organisation B has none: its ladder routes answer 404).
    const orgA = this.tenant('orgA');
    await this.store
      .tenant({ tenantId: orgA.id, userId: orgA.users[0]!.id })
      .ladders.save(LADDER_EXAMPLE, { firstSave: true });
    if (this.pagesMounted) {
      for (const tenant of Object.values(this.tenants)) await Promise.all(tenant.users.map((u) => this.session(u)));
    }
    return this;
  }

  private plan(plan: TenantPlan): SeededTenant {
    const id = randomUUID();
    const lower = plan.label.toLowerCase();
    const users = ROLES_BY_KIND[plan.kind].map(
      (role): SeededUser => ({
        label: `${plan.label}.${role}`,
        id: randomUUID(),
        email: `${role.replace('_', '-')}.${lower}@example.cn`,
        name: `${plan.label} ${role}`,
        tenantId: id,
        kind: plan.kind,
        region: plan.region,
        roles: [role],
      }),
    );
    return {
      label: plan.label,
      id,
      kind: plan.kind,
      name: plan.name,
      nameEn: plan.nameEn,
      region: plan.region,
      ...(plan.usccSerial ? { uscc: makeUscc(plan.region, plan.usccSerial) } : {}),
      users,
      people: [],
      invitation: {
        id: '',
        token: '',
        email: `invitee.${lower}@example.cn`,
        roles: [ROLES_BY_KIND[plan.kind].at(-1)!],
      },
    };
  }

  /** Users and a pending invitation, in one audited mutation of the tenant. */
  private async seedMembers(tenant: SeededTenant, actorId: string): Promise<void> {
    const repos = this.store.tenant({ tenantId: tenant.id, userId: actorId });
    const mutation = repos.scope.mutation();
    for (const user of tenant.users) {
      this.directory.adopt({ ...user, roles: [...user.roles], userId: user.id, enabled: true });
      repos.users.add(mutation, { id: user.id, email: user.email, name: user.name, roles: [...user.roles] });
    }
    const { invitation, token } = repos.invitations.create(mutation, {
      email: tenant.invitation.email,
      roles: tenant.invitation.roles,
    });
    tenant.invitation = { ...tenant.invitation, id: invitation.id, token };
    await mutation.audited('invitation.create', 'Invitation', invitation.id, invitation.version, invitation).commit();
  }

  /** Three people in an organisation's staff registry (the matrix changes one and deletes two). */
  private async seedPeople(tenant: SeededTenant): Promise<void> {
    const repos = this.store.tenant({ tenantId: tenant.id, userId: tenant.users[0]!.id });
    // orgA 1, orgB 2, incubator A (its own project, seedBaseProject) 3: numbers of their own.
    const serial = tenant.label === 'orgA' ? 1 : tenant.label === 'orgB' ? 2 : 3;
    for (let i = 0; i < 3; i++) {
      const first17 = `4506021985060${serial}${String(i).padStart(2, '0')}1`;
      const person = await repos.people.create({
        name: `${tenant.label} 社工${i + 1}`,
        idCardNumber: `${first17}${idCardCheckCharacter(first17)}`,
        phone: `1390000${serial}${String(i).padStart(3, '0')}`,
        education: { level: 'bachelor', socialWorkMajor: true },
        employmentType: 'contract',
        monthlyPay: 3_600_00 + i * 500_00,
        employment: [{ employer: tenant.name, region: tenant.region, start: '2021-03-01', socialWork: true }],
        certificates: [
          { level: 'assistant', number: `W${serial}-${i}-${tenant.id.slice(0, 8)}`, obtainedOn: '2022-06-19' },
        ],
        continuingEducation: [{ date: '2026-03-01', tenthHours: 520, provider: '防城港市民政局', topic: '个案管理' }],
      });
      tenant.people.push(person.id);
    }
  }

  /**
   * A draft contract (the PUT example's number, the create example's plan) and a signed one (the
   * amendment example's), so every contract route has a real id in the state it needs.
   */
  private async seedContracts(tenant: SeededTenant): Promise<void> {
    const ctx = await actingAs(this.deps, { tenantId: tenant.id, userId: tenant.users[0]!.id });
    const { repos } = ctx;
    const draft = await repos.contracts.create(
      await costDraft(ctx, {
        ...CONTRACT_EXAMPLE,
        terms: { ...CONTRACT_EXAMPLE.terms, number: DRAFT_EDIT_EXAMPLE.terms.number },
      }),
    );
    const signed = await repos.contracts.create(await costDraft(ctx, SIGNED_CONTRACT_EXAMPLE));
    const submitted = await changeContractStatus(
      ctx,
      signed.contract.id,
      { to: 'submitted', date: '2025-12-15' },
      signed.contract.version,
    );
    const approved = await this.approve(tenant, signed.contract.id, submitted.version);
    await changeContractStatus(ctx, signed.contract.id, { to: 'signed', date: '2025-12-20' }, approved.version);
    tenant.contracts = { draft: draft.contract.id, signed: signed.contract.id };
    // One month of actuals on the signed contract (revision 1): the actuals routes' month.
    await recordActualMonth(ctx, signed.contract.id, SEEDED_ACTUAL_MONTH, {
      ...ACTUAL_MONTH_EXAMPLE,
      payroll: [
        { personId: tenant.people[0]!, name: '档案姓名', certLevel: 'none', grossPay: 3_600_00, sharePercent: 100 },
        ...ACTUAL_MONTH_EXAMPLE.payroll.slice(1),
      ],
    });
  }

  /**
   * A tenant created by the platform's admin as the platform creates one (the named crossing
   * `createTenant`, with its audit event), for files that need a tenant beyond the seeded seven.
   */
  async createTenant(input: { kind: 'org'; name: string; region: string }) {
    const platform = this.tenant('platform');
    const directory = this.store.platform({ tenantId: platform.id, userId: platform.users[0]!.id, kind: 'platform' });
    const id = randomUUID();
    const create = directory.scope.across('createTenant', id).mutation();
    const tenant = directory.directory.create(create, input, id);
    await create.audited('tenant.create', 'Tenant', tenant.id, tenant.version, tenant).commit();
    return tenant;
  }

  /**
   * Incubator A's applications and one admitted organisation (SeededTenant.incubation), through the
   * use cases. Not part of `seed()`: admission creates a tenant, which the files that count the
   * platform's tenants do not expect; the files that need it call this after `seed()`.
   */
  async seedIncubation(): Promise<void> {
    const base = this.tenant('incubatorA');
    const ctx = await actingAs(this.deps, { tenantId: base.id, userId: base.users[0]!.id });
    const applications: string[] = [];
    for (let i = 0; i < 7; i++) {
      const { application } = await recordApplication(ctx, {
        ...APPLICATION_EXAMPLE,
        name: `${APPLICATION_EXAMPLE.name}${i + 1}`,
        contact: { ...APPLICATION_EXAMPLE.contact, email: `applicant${i + 1}.${base.id.slice(0, 8)}@example.cn` },
      });
      applications.push(application.id);
    }
    const admitted = applications.pop()!;
    const admission = await admitApplication(
      ctx,
      this.deps,
      admitted,
      { agreement: { ...ADMIT_EXAMPLE.agreement, startDate: '2026-03-01' } },
      1,
    );
    base.incubation = { applications, organisationId: admission.incubation.id, invitationId: admission.invitation.id };
  }

  /**
   * Incubator A's own project (P-I1), as organisation A's is seeded: people, a roster import, the
   * admin's and staff member's links with pending submissions, a draft and a signed contract with a
   * month of actuals, a ladder, bureau A's findings and an evaluation. Not part of `seed()` (most
   * files do not need it, and DynamoDB Local serialises the writes); the isolation matrix calls it.
   */
  async seedBaseProject(): Promise<void> {
    const base = this.tenant('incubatorA');
    await this.seedPeople(base);
    await this.seedImport(base);
    await this.seedMemberRecords(base);
    await this.seedContracts(base);
    await this.store.tenant({ tenantId: base.id, userId: base.users[0]!.id }).ladders.save(LADDER_EXAMPLE, {
      firstSave: true,
    });
    await this.raiseFindings(base);
    const year = Number((this.deps.today?.() ?? chinaToday()).slice(0, 4)) - 1;
    base.evaluations = { evaluation: await this.evaluate(base, year) };
  }

  /** Bureau A's findings on organisation A's signed contract (see SeededTenant.rectifications). */
  private async seedRectifications(): Promise<void> {
    this.tenant('bureauA').rectifications = await this.raiseFindings(this.tenant('orgA'));
  }

  /** Seven findings of bureau A on a tenant's signed contract, 1 to 4 answered (SeededTenant.rectifications). */
  private async raiseFindings(org: SeededTenant): Promise<string[]> {
    const bureau = this.tenant('bureauA');
    const bureauCtx = await actingAs(this.deps, { tenantId: bureau.id, userId: bureau.users[0]!.id });
    const orgCtx = await actingAs(this.deps, { tenantId: org.id, userId: org.users[0]!.id });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const { finding } = await raiseFinding(bureauCtx, org.id, org.contracts!.signed, RAISE_FINDING_EXAMPLE);
      if (i >= 1 && i <= 4)
        await answerFinding(orgCtx, finding.id, { text: '已调整月薪', version: 1 }, finding.version);
      ids.push(finding.id);
    }
    org.rectifications = ids;
    return ids;
  }

  /**
   * Approves a submitted contract of an organisation as the reviewer of the bureau responsible for
   * it (review before signing: only an approved contract is recorded as signed).
   */
  async approve(org: SeededTenant, contractId: string, version: number) {
    return (await this.decide(org, contractId, version, { decision: 'approve', reasons: [] })).contract;
  }

  /** A review decision on a submitted contract, by the responsible bureau's reviewer. */
  async decide(
    org: SeededTenant,
    contractId: string,
    version: number,
    decision: Parameters<typeof decideReview>[3],
  ): Promise<Awaited<ReturnType<typeof decideReview>>> {
    const head = await this.store.tenant({ tenantId: org.id, userId: 'world' }).contracts.get(contractId);
    const bureau = Object.values(this.tenants).find((t) => t.id === head.review?.bureau.id);
    if (!bureau) throw new Error(`no bureau of the world reviews contract ${contractId}`);
    const reviewer = bureau.users.find((u) => u.roles.includes('reviewer'))!;
    const ctx = await actingAs(this.deps, { tenantId: bureau.id, userId: reviewer.id });
    return decideReview(ctx, org.id, contractId, decision, version);
  }

  /**
   * Bureau A's N-6 records, written through the store as the bureau's own (the use cases check the
   * day and the sample, which the world's fixed dates need not meet): a draw of last year with the
   * jurisdiction's running contracts (none: the world's are signed), two templates (the matrix
   * changes one and removes the other) and a spot-check evaluation of organisation A's signed contract.
   */
  private async seedEvaluations(): Promise<void> {
    const bureau = this.tenant('bureauA');
    const orgA = this.tenant('orgA');
    const user = bureau.users[0]!;
    const repos = this.store.tenant({ tenantId: bureau.id, userId: user.id });
    const year = Number((this.deps.today?.() ?? chinaToday()).slice(0, 4)) - 1;
    const drawn = drawSample({ population: [], seed: 'isolation', share: 3000, stratified: false });
    await repos.evaluations
      .drawSpotCheck({
        id: String(year),
        year,
        bureauId: bureau.id,
        jurisdiction: bureau.region,
        stratified: false,
        seed: 'isolation',
        algorithm: SAMPLING_ALGORITHM,
        share: 3000,
        ruleId: 'N-6',
        ruleSet: { id: this.ruleSetIds.bureauA, title: FANGCHENGGANG_2023.title },
        populationOrder: 'id ascending by UTF-16 code unit',
        populationSize: 0,
        ...drawn,
        drawnAt: new Date().toISOString(),
        drawnBy: user.id,
      })
      .commit();
    const templates: string[] = [];
    for (const name of ['模板甲', '模板乙']) {
      const { template, mutation } = repos.evaluations.createTemplate(
        { name, indicators: [{ name: '服务成效', weight: 100, maxScore: 100 }] },
        new Date().toISOString(),
      );
      await mutation.commit();
      templates.push(template.id);
    }
    const evaluation = await this.evaluate(orgA, year);
    bureau.evaluations = { spotCheck: String(year), templates, evaluation };
    orgA.evaluations = { evaluation };
  }

  /** Bureau A's spot-check evaluation of a tenant's signed contract, filed as its own; its id. */
  private async evaluate(org: SeededTenant, year: number): Promise<string> {
    const bureau = this.tenant('bureauA');
    const user = bureau.users[0]!;
    const repos = this.store.tenant({ tenantId: bureau.id, userId: user.id });
    const contract = await this.store
      .tenant({ tenantId: org.id, userId: org.users[0]!.id })
      .contracts.get(org.contracts!.signed);
    const { indicators } = DEFAULT_EVALUATION_TEMPLATE;
    const evaluation: Evaluation = {
      id: randomUUID(),
      bureauId: bureau.id,
      bureauName: bureau.name,
      organisationId: org.id,
      contractId: contract.id,
      contractNumber: contract.number,
      contractTitle: contract.title,
      contractVersion: contract.currentVersion,
      county: contract.purchaser.region,
      kind: 'spot_check',
      spotCheckYear: year,
      template: { id: DEFAULT_EVALUATION_TEMPLATE.id, name: DEFAULT_EVALUATION_TEMPLATE.name },
      ...scoreEvaluation(indicators, [18, 36, 17, 18], FANGCHENGGANG_2023.parameters.national.evaluationGrades),
      ruleSet: { id: this.ruleSetIds.bureauA, title: FANGCHENGGANG_2023.title },
      evaluatedOn: `${year}-01-15`,
      evaluator: { userId: user.id, name: user.name },
      filedAt: new Date().toISOString(),
    };
    await repos.evaluations.file(evaluation).commit();
    return evaluation.id;
  }

  /**
   * 我的档案: the admin is people[0] (the matrix's controls act as the admin) and the staff member
   * people[2]; the admin has submitted CE hours four times, pending for hr (confirm and refuse
   * routes of the API and of the pages each take their own).
   */
  private async seedMemberRecords(tenant: SeededTenant): Promise<void> {
    const repos = this.store.tenant({ tenantId: tenant.id, userId: tenant.users[0]!.id });
    const mutation = repos.scope.mutation();
    repos.memberRecords.stageLink(mutation, { userId: tenant.users[0]!.id, personId: tenant.people[0]! });
    repos.memberRecords.stageLink(mutation, { userId: tenant.users.at(-1)!.id, personId: tenant.people[2]! });
    tenant.submissions = [];
    for (let i = 0; i < 4; i++) {
      const submission = repos.memberRecords.stageSubmission(
        mutation,
        {
          kind: 'continuing-education',
          entry: { date: `2026-02-0${i + 1}`, tenthHours: 20, provider: '防城港市民政局', topic: `督导${i + 1}` },
        },
        { personId: tenant.people[0]!, personName: `${tenant.label} 社工1`, submittedBy: tenant.users[0]!.id },
      );
      tenant.submissions.push(submission.id);
    }
    await mutation.audited('seed', 'MemberRecords', tenant.id, 1, { submissions: tenant.submissions }).commit();
  }

  /** A roster import job that found an error (it wrote nothing else), for the import routes' ids. */
  private async seedImport(tenant: SeededTenant): Promise<void> {
    const repos = this.store.tenant({ tenantId: tenant.id, userId: tenant.users[0]!.id });
    const mutation = repos.scope.mutation();
    const job = repos.imports.recordInvalid(mutation, {
      fileName: `${tenant.label}.csv`,
      rows: 1,
      errors: [{ row: 2, column: '身份证号', message: '不是有效的身份证号', messageEn: 'is not a valid ID number' }],
    });
    await mutation.commit();
    tenant.importId = job.id;
  }

  async dispose(): Promise<void> {
    if (World.description) recordSeen(inject('responsesSeenDir'), this.table.tableName, await World.description);
    await this.table.drop();
  }

  /**
   * The store commands sent while `action` runs, by name: on the function's own client and, when the
   * data-access policy is evaluated (the default), on every tenant's and crossing's
   * client too (`label`'s and those it crosses into). Everything sent meanwhile counts, so run one
   * request at a time.
   */
  async storeCommandsDuring<T>(
    _label: TenantLabel,
    action: () => Promise<T>,
  ): Promise<{ result: T; commands: string[] }> {
    const policy = this.policy;
    const outer = await roundTripsDuring(this.store.client, () =>
      policy ? policy.commandsDuring(action) : action().then((result) => ({ result, commands: [] as string[] })),
    );
    return { result: outer.result.result, commands: [...outer.commands, ...outer.result.commands] };
  }

  tenant(label: TenantLabel): SeededTenant {
    const tenant = this.tenants[label];
    if (!tenant) throw new Error(`the world has no tenant ${label}: call seed() first`);
    return tenant;
  }

  /** The A and B tenants of a kind. */
  pair(kind: PairedKind): { a: SeededTenant; b: SeededTenant } {
    return { a: this.tenant(`${kind}A`), b: this.tenant(`${kind}B`) };
  }

  /** The tenant's user holding `role` (its admin by default). */
  user(label: TenantLabel, role?: string): SeededUser {
    const tenant = this.tenant(label);
    const user = role ? tenant.users.find((u) => u.roles.includes(role)) : tenant.users[0];
    if (!user) throw new Error(`${label} has no user with role ${role}`);
    return user;
  }

  /** The subject of a sign-in the identity directory holds (a user who accepted an invitation). */
  subjectOf(email: string): TokenSubject {
    const entry = this.directory.entries.get(email.toLowerCase());
    if (!entry) throw new Error(`the directory holds no sign-in for ${email}`);
    return {
      id: entry.userId,
      email: entry.email,
      name: entry.name,
      tenantId: entry.tenantId,
      kind: entry.kind,
      region: entry.region,
      roles: entry.roles,
    };
  }

  /**
   * The secret of a page session for the subject, started as the sign-in callback starts one (from
   * their ID token), once per user: seed() starts the seeded users', so that a case comparing the
   * table before and after a page request does not see a session being started.
   */
  async session(subject: TokenSubject): Promise<string> {
    let secret = this.sessions.get(subject.id);
    if (!secret) {
      secret = (await startPageSession(this.deps, await this.token(subject))).secret;
      this.sessions.set(subject.id, secret);
    }
    return secret;
  }

  async token(subject: TokenSubject): Promise<string> {
    const cached = this.tokens.get(subject.id);
    if (cached) return cached;
    const token = await this.issuer.mintToken(subject);
    this.tokens.set(subject.id, token);
    return token;
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token ?? (options.as ? await this.token(options.as) : undefined);
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await this.served(() =>
      this.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) }),
    );
    await this.checkDocumented(method, path, response);
    return response;
  }

  /** Requests the app is serving now (the function's own client is checked against its grant meanwhile). */
  private serving = 0;

  private async served(request: () => Response | Promise<Response>): Promise<Response> {
    this.serving++;
    try {
      return await request();
    } finally {
      this.serving--;
    }
  }

  /** The app's OpenAPI document, compiled once per worker (files share modules; every World serves the same one). */
  private static description?: Promise<ApiDescription>;

  /**
   * Every answer of a /v1 route must be what the app's OpenAPI document says it is: a documented
   * status and media type, and a JSON body that matches its schema exactly (documented.ts). So the
   * whole suite checks the document against what the API really returns.
   */
  private async checkDocumented(method: string, path: string, response: Response): Promise<void> {
    if (!path.startsWith('/v1/')) return;
    World.description ??= openApiDocument(this.app).then((doc) => new ApiDescription(doc));
    const contentType = response.headers.get('Content-Type') ?? '';
    const { name, problems } = (await World.description).check(method, path, {
      status: response.status,
      contentType,
      ...(isJson(contentType) ? { json: await response.clone().json() } : {}),
    });
    if (problems.length) throw new Error(`${name} is not what /v1/openapi.json documents:\n  ${problems.join('\n  ')}`);
  }

  /** A browser's request for a page: session and CSRF cookies, and for a post a form with `_csrf`. */
  async page(method: string, path: string, options: PageRequestOptions = {}): Promise<Response> {
    const csrf = options.csrf ?? 'same-origin';
    const token = options.token ?? (options.as ? await this.session(options.as) : undefined);
    const cookies = [
      ...(token ? [`${this.cookies.name('session')}=${token}`] : []),
      ...(csrf !== 'missing' ? [`${this.cookies.name('csrf')}=${this.csrfToken}`] : []),
      ...(options.lang ? [`lang=${options.lang}`] : []),
    ];
    const headers: Record<string, string> = { Accept: 'text/html', ...options.headers };
    if (cookies.length) headers.Cookie = cookies.join('; ');
    if (method === 'GET' || method === 'HEAD') return this.served(() => this.app.request(path, { method, headers }));
    const form = new URLSearchParams();
    if (csrf !== 'missing') form.append('_csrf', this.csrfToken);
    for (const [name, value] of Object.entries(options.form ?? {})) {
      for (const one of typeof value === 'string' ? [value] : value) form.append(name, one);
    }
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    headers['Sec-Fetch-Site'] = csrf === 'cross-site' ? 'cross-site' : 'same-origin';
    return this.served(() => this.app.request(path, { method, headers, body: form.toString() }));
  }
}

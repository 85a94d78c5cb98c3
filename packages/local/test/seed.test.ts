import {
  actingAs,
  awardClaimsWaiting,
  bureauAwardQueue,
  bureauInternshipClaims,
  examCostReportOf,
  getSpotCheck,
  graduationCheck,
  historicalAwards,
  interns,
  jurisdictionInternshipBases,
  listEvaluations,
  overdueFinalEvaluations,
  ownInternshipClaims,
  ownRecognitions,
  reviewQueue,
  SignInExists,
} from '@shegong/core';
import { baseCoverage, INCUBATION_STAGES, jurisdictionOf, REGISTER_FINDING_KINDS, totalsOf } from '@shegong/domain';
import { PutCommand, ScanCommand, Store } from '@shegong/store';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LocalIdentityDirectory } from '../src/issuer/directory.ts';
import { DONGXING_BASE } from '../src/seed/bases.ts';
import { BASE_OPERATION_CONTRACT, BASE_STAFF } from '../src/seed/demo-base-project.ts';
import { DEMO_INVITATION, DEMO_PASSWORD, DEMO_TENANTS, DEMO_USERS } from '../src/seed/demo-data.ts';
import { DEMO_INCUBATIONS } from '../src/seed/incubation.ts';
import { partMarker, SEED_PARTS } from '../src/seed/parts.ts';
import { seedDemo } from '../src/seed/seed.ts';
import { ensureTable } from '../src/table.ts';

const endpoint = inject('dynamoEndpoint');
/**
 * The whole demo (tenants, users, people, ladders, contracts with months of actuals) is a few
 * thousand writes: seconds on a quiet machine, more on a busy CI box. The guard is generous so
 * that a loaded machine cannot fail a seed that is right.
 */
const SEEDING = { timeout: 180_000 };
const platformTenant = DEMO_TENANTS[0]!;
const yangguang = DEMO_TENANTS.find((t) => t.domain === 'yangguang.demo')!;

async function itemCount(store: Store): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.client.send(
      new ScanCommand({ TableName: store.tableName, Select: 'COUNT', ExclusiveStartKey: start }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

describe('seedDemo', () => {
  const store = new Store({ tableName: 'local-seed', endpoint });
  const directory = new LocalIdentityDirectory(store);

  beforeAll(() => ensureTable(store));

  it('writes the tenants, a user of every role and a pending invitation, with audit events', SEEDING, async () => {
    const first = await seedDemo({ store, directory });
    expect(first.seeded).toBe(true);
    expect(first.invitationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const platform = store.platform({ tenantId: platformTenant.id, userId: 'test', kind: 'platform' });
    const tenants = await platform.directory.list({ limit: 100 });
    // The demo tenants, the county-level incubation base of part bases-v1, and the organisations the
    // incubation base admitted (part incubation-v1).
    expect(tenants.items.map((t) => t.name).sort()).toEqual(
      [
        ...DEMO_TENANTS.map((t) => t.name),
        DONGXING_BASE.name,
        ...DEMO_INCUBATIONS.map((i) => i.application.name),
      ].sort(),
    );

    for (const tenant of DEMO_TENANTS) {
      const repos = store.tenant({ tenantId: tenant.id, userId: 'test' });
      const users = await repos.users.list({ limit: 100 });
      const expected = DEMO_USERS.filter((u) => u.tenant.id === tenant.id);
      expect(users.items.map((u) => u.email).sort()).toEqual(expected.map((u) => u.email).sort());
      // Each user's id is the subject of their sign-in, so their tokens find their record.
      for (const user of users.items) expect((await directory.find(user.email))?.sub).toBe(user.id);
      const audit = await repos.audit.list({ limit: 100 });
      expect(audit.items.length).toBeGreaterThan(0);
      // The seed's own events, and the bureaus' publications of the demo rule sets (part rule-sets-v1),
      // the demo staff (part people-v1), the ladders' saves, placements and promotions (part ladders-v1),
      // the contracts' creation, status changes, amendments and actuals (part contracts-v1), and the
      // demo staff member's link to their person (part member-links-v1), and the bureaus' findings
      // with the organisations' answers (part rectification-v1).
      const parts = [
        'seed',
        'ruleset.publish',
        'person.create',
        'ladder.save',
        'ladder.place',
        'ladder.promote',
        'contract.create',
        'contract.submitted',
        'contract.signed',
        'contract.running',
        'contract.closed',
        'contract.amend',
        // Review before signing: the bureaus' decisions, in their trail and the organisation's.
        'contract.review.approve',
        'contract.review.return',
        'actuals.record',
        'person.member.link',
        'rectification.raise',
        'rectification.answer',
        'rectification.accept',
        // The bureaus' spot checks and evaluations (part evaluations-v1).
        'spotCheck.draw',
        'evaluation.file',
        // The incubation base's intake and records (part incubation-v1).
        'incubation.application.record',
        'incubation.application.submit',
        'incubation.application.note',
        'incubation.application.decline',
        'incubation.admit',
        'incubation.midterm_review',
        'incubation.extend',
        'incubation.graduate',
        'incubation.leave',
        // The base's template, the support it gave and the milestones done (parts incubation-template-v1, incubation-support-v1).
        'incubation.template.save',
        'incubation.support.training',
        'incubation.support.mentoring',
        'incubation.support.subsidy',
        'incubation.support.registration_help',
        'incubation.milestone.done',
        // Exam costs, recognitions and internship subsidies (part incentives-v1).
        'examCost.record',
        'recognition.record',
        'internship.base.save',
        'intern.add',
        'internship.claim.submit',
        'internship.claim.approve',
        'internship.claim.pay',
        // Award claims, their endorsement and withdrawal, and the bureaus' decisions and payments
        // (part awards-v1), in both trails.
        'award.claim.create',
        'award.claim.endorse',
        'award.claim.withdraw',
        'award.claim.approve',
        'award.claim.refuse',
        'award.claim.pay',
        'award.history.record',
        // The city's map and the staff's postings (part target-map-v1).
        'map.places.import',
        'posting.add',
      ];
      expect(audit.items.map((e) => e.action).filter((a) => !parts.includes(a))).toEqual([]);
    }
    // The incubation base has an organisation in every stage, one of them still to be registered,
    // and applications waiting and declined.
    const base = store.tenant({ tenantId: DEMO_TENANTS.find((t) => t.kind === 'incubator')!.id, userId: 'test' });
    const records = (await base.incubations.incubations(undefined, { limit: 100 })).items;
    expect(records.map((r) => r.stage).sort()).toEqual([...INCUBATION_STAGES].sort());
    expect(records.some((r) => r.toBeRegistered && r.stage === 'incubating')).toBe(true);
    const applications = (await base.incubations.applications(undefined, { limit: 100 })).items;
    expect(applications.map((a) => a.status).sort()).toEqual([
      'admitted',
      'admitted',
      'admitted',
      'admitted',
      'admitted',
      'applied',
      // The review queue of part incubation-intake-v1.
      'applied',
      'applied',
      'declined',
    ]);
    // Part incubation-support-v1: the mid-term-reviewed organisation meets every default criterion but
    // the 12 months (as of the demo's day); the graduated one met the criteria of its day.
    const operator = await actingAs({ store }, { tenantId: base.scope.tenantId, userId: 'test' });
    const reviewed = records.find((r) => r.stage === 'midterm_reviewed')!;
    const check = await graduationCheck(operator, reviewed.id, '2026-11-30');
    expect(check.criteria.filter((c) => !c.met).map((c) => c.criterion.type)).toEqual(['min_months']);
    const invitations = await store.tenant({ tenantId: yangguang.id, userId: 'test' }).invitations.list({ limit: 10 });
    expect(invitations.items).toMatchObject([{ email: DEMO_INVITATION.email, status: 'pending', roles: ['staff'] }]);
    // Each bureau has a register with work in it: the city its own region and its three counties,
    // 东兴 its own county, each with contracts breaking each rule the register filters by.
    for (const [domain, regions] of [
      ['fcg-mzj.demo', ['450600', '450602', '450621', '450681']],
      ['dx-mzj.demo', ['450681']],
    ] as const) {
      const bureau = DEMO_TENANTS.find((t) => t.domain === domain)!;
      const register = store.register(
        { tenantId: bureau.id, userId: 'test', kind: 'bureau' },
        jurisdictionOf(bureau.region),
      );
      const aggregates = await register.aggregates();
      expect([...new Set(aggregates.map((a) => a.county))].sort()).toEqual([...regions]);
      for (const finding of REGISTER_FINDING_KINDS)
        expect(totalsOf(aggregates, { finding }).count, `${domain} ${finding}`).toBeGreaterThan(0);
    }
    // P-T1: the city's base is city-level (it counts for no county); 东兴 has the county base of part bases-v1.
    const city = DEMO_TENANTS.find((t) => t.domain === 'fcg-mzj.demo')!;
    const coverage = baseCoverage(
      jurisdictionOf(city.region),
      await store.bases({ tenantId: city.id, userId: 'test', kind: 'bureau' }, jurisdictionOf(city.region)).all(),
    );
    expect(coverage.counties.filter((c) => c.covered).map((c) => c.region)).toEqual(['450681']);
    expect(coverage.cityBases.map((b) => b.name)).toEqual(['防城港市社会组织孵化基地']);
    const signIn = await directory.authenticate('admin@yangguang.demo', DEMO_PASSWORD);
    expect(signIn).toMatchObject({
      identity: { tenantId: yangguang.id, kind: 'org', roles: ['admin'], region: '450602' },
    });
  });

  it('gives each bureau a 2026 sample, evaluations, and 东兴 a final evaluation overdue (N-6)', SEEDING, async () => {
    for (const [domain, auditor] of [
      ['fcg-mzj.demo', 'auditor@fcg-mzj.demo'],
      ['dx-mzj.demo', 'auditor@dx-mzj.demo'],
    ] as const) {
      const bureau = DEMO_TENANTS.find((t) => t.domain === domain)!;
      const userId = (await directory.find(auditor))!.sub;
      const ctx = await actingAs({ store, today: () => '2026-11-25' }, { tenantId: bureau.id, userId });
      const drawn = await getSpotCheck(ctx, '2026');
      expect(drawn.sample.length).toBeGreaterThan(0);
      expect(drawn.strata.length).toBeGreaterThan(0);
      expect((await listEvaluations(ctx, { limit: 10 })).items.length).toBeGreaterThan(0);
      const overdue = await overdueFinalEvaluations(ctx);
      expect(overdue.contracts.map((c) => c.number)).toContain('DXMZ-2025-012');
    }
  });

  it(
    'gives the incubation base its own operation contract, waiting in the city’s review queue (P-I1)',
    SEEDING,
    async () => {
      const base = DEMO_TENANTS.find((t) => t.kind === 'incubator')!;
      const city = DEMO_TENANTS.find((t) => t.domain === 'fcg-mzj.demo')!;
      const userId = (await directory.find('reviewer@fcg-mzj.demo'))!.sub;
      const ctx = await actingAs({ store, today: () => '2026-11-25' }, { tenantId: city.id, userId });
      const queue = await reviewQueue(ctx, { limit: 100 });
      expect(queue.items.find((i) => i.organisationId === base.id)?.contract).toMatchObject({
        number: BASE_OPERATION_CONTRACT.terms.number,
        status: 'submitted',
      });
      const people = await store.tenant({ tenantId: base.id, userId: 'test' }).people.list({ limit: 10 });
      expect(people.items.map((p) => p.id).sort()).toEqual(BASE_STAFF.map((p) => p.id).sort());
    },
  );

  it(
    'gives 阳光 exam costs, an internship base with claims waiting, approved and paid, and recognitions (incentives-v1)',
    SEEDING,
    async () => {
      const hrId = (await directory.find('hr@yangguang.demo'))!.sub;
      const hr = await actingAs({ store, today: () => '2026-11-30' }, { tenantId: yangguang.id, userId: hrId });
      const { report } = await examCostReportOf(hr);
      expect(report.years.map((y) => y.year)).toEqual([2025, 2024, 2023]);
      expect(report.total).toBe(384_00 + 728_50 + 614_00);
      const claims = await ownInternshipClaims(hr);
      expect(claims.map((c) => c.status).sort()).toEqual(['approved', 'paid', 'submitted']);
      expect((await interns(hr)).map((i) => i.name)).toContain('陆明轩');
      expect((await ownRecognitions(hr)).total).toBe(20_000_00);
      const cityId = DEMO_TENANTS.find((t) => t.domain === 'fcg-mzj.demo')!.id;
      const reviewer = await actingAs(
        { store, today: () => '2026-11-30' },
        { tenantId: cityId, userId: (await directory.find('reviewer@fcg-mzj.demo'))!.sub },
      );
      expect((await bureauInternshipClaims(reviewer, 'submitted')).length).toBe(1);
      expect((await jurisdictionInternshipBases(reviewer)).map((b) => b.organisationId)).toEqual([yangguang.id]);
      const tongxin = DEMO_TENANTS.find((t) => t.domain === 'tongxin.demo')!;
      const tongxinAdmin = (await directory.find('admin@tongxin.demo'))!.sub;
      const own = await ownRecognitions(await actingAs({ store }, { tenantId: tongxin.id, userId: tongxinAdmin }));
      expect(own.recognitions).toMatchObject([{ authority: 'regional', amount: 10_000_00, ruleId: 'P-A8' }]);
    },
  );

  it(
    'gives award claims in every state, and a person paid before whose claim pays the difference (P-A5)',
    SEEDING,
    async () => {
      const statuses = new Set<string>();
      for (const domain of ['yangguang.demo', 'tongxin.demo']) {
        const org = DEMO_TENANTS.find((t) => t.domain === domain)!;
        const claims = await store
          .tenant({ tenantId: org.id, userId: 'test' })
          .awardClaims.list(undefined, { limit: 50 });
        for (const c of claims.items) statuses.add(c.status);
      }
      expect([...statuses].sort()).toEqual(['approved', 'endorsed', 'paid', 'refused', 'submitted', 'withdrawn']);
      const dx = DEMO_TENANTS.find((t) => t.domain === 'dx-mzj.demo')!;
      const userId = (await directory.find('reviewer@dx-mzj.demo'))!.sub;
      const ctx = await actingAs({ store, today: () => '2026-11-25' }, { tenantId: dx.id, userId });
      const history = await historicalAwards(ctx, { limit: 10 });
      expect(history.items).toHaveLength(1);
      const queue = await bureauAwardQueue(ctx, 'endorsed', { limit: 10 });
      const difference = queue.items.find((v) => v.claim.personName === history.items[0]!.name)?.claim;
      expect(difference).toMatchObject({ level: 'social_worker', amount: 1_000_00 });
      expect(await awardClaimsWaiting(ctx)).toBe(2);
    },
  );

  it('changes nothing the second time, and leaves an edited user as edited', SEEDING, async () => {
    const hr = DEMO_USERS.find((u) => u.email === 'hr@yangguang.demo')!;
    const repos = store.tenant({ tenantId: yangguang.id, userId: 'test' });
    const id = (await directory.find(hr.email))!.sub;
    const edited = await repos.users.update(id, 1, { name: '刘洋（人事主管）', roles: ['hr', 'staff'] }, 'user.update');
    const count = await itemCount(store);

    const second = await seedDemo({ store, directory });
    expect(second).toEqual({ seeded: false, parts: [] });
    expect(await itemCount(store)).toBe(count);
    expect(await repos.users.get(id)).toEqual({ ...edited, tenantId: yangguang.id });
  });
});

describe('seedDemo cut short', () => {
  const store = new Store({ tableName: 'local-seed-partial', endpoint });
  const directory = new LocalIdentityDirectory(store);

  it('completes around what is there without overwriting it', SEEDING, async () => {
    await ensureTable(store);
    // The cut comes in the first phase (tenants, users, invitation), so the later parts (seed/parts.ts:
    // each its own marker, completed the same way) are marked done: the test then writes a few hundred
    // items instead of the whole demo, and a busy machine has far less to do in its time.
    for (const part of SEED_PARTS)
      await store.client.send(new PutCommand({ TableName: store.tableName, Item: partMarker(part.name) }));
    // As if a first seed stopped after the platform created one tenant, which a user then renamed.
    const platform = store.platform({ tenantId: platformTenant.id, userId: 'someone', kind: 'platform' });
    const mutation = platform.scope.mutation();
    const { domain: _d, people: _p, id, ...fields } = yangguang;
    const tenant = platform.directory.create(mutation, { ...fields, name: '阳光社工（改名）' }, id);
    await mutation.audited('tenant.create', 'Tenant', id, 1, tenant).commit();

    const result = await seedDemo({ store, directory });
    expect(result.seeded).toBe(true);
    expect((await platform.directory.get(yangguang.id)).name).toBe('阳光社工（改名）');
    const users = await store.tenant({ tenantId: yangguang.id, userId: 'test' }).users.list({ limit: 100 });
    expect(users.items).toHaveLength(5);
    expect(await seedDemo({ store, directory })).toEqual({ seeded: false, parts: [] });
  });

  it('refuses to give a demo address to a second tenant', async () => {
    await expect(
      directory.createUser({
        email: 'admin@yangguang.demo',
        name: 'x',
        password: DEMO_PASSWORD,
        tenantId: platformTenant.id,
        kind: 'platform',
        roles: ['platform_admin'],
        region: '450000',
      }),
    ).rejects.toBeInstanceOf(SignInExists);
  });
});

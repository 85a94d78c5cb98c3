import { randomBytes, randomUUID } from 'node:crypto';
import {
  type AccessPolicy,
  actingAs,
  addStation,
  addTargetBase,
  admitApplication,
  approveAwardClaim,
  changeContractStatus,
  createAwardClaim,
  createContract,
  decideInternshipClaim,
  endorseAwardClaim,
  type InProcessImportRunner,
  importPlaces,
  importRunner,
  markMilestone,
  postStaff,
  recordApplication,
  recordSupport,
  saveInternshipBase,
  setBaseline,
  submitInternshipClaim,
  transitionIncubation,
} from '@shegong/core';
import {
  DEFAULT_TEMPLATE,
  FANGCHENGGANG_2023,
  idCardCheckCharacter,
  NEXT_STATUSES,
  ROLES_BY_KIND,
  TENANT_KINDS,
  type TenantKind,
} from '@shegong/domain';
import {
  APPLICATION_EXAMPLE,
  BASELINE_EXAMPLE,
  CONTRACT_EXAMPLE,
  EXAMPLE_ROSTER_CSV,
  INTERN_EXAMPLE,
  INTERNSHIP_BASE_EXAMPLE,
  INTERNSHIP_CLAIM_EXAMPLE,
  LADDER_EXAMPLE,
  MILESTONE_DONE_EXAMPLE,
  PLACES_IMPORT_EXAMPLE,
  POSTING_EXAMPLE,
  STATION_EXAMPLE,
  TARGET_BASE_EXAMPLE,
} from '@shegong/http';
import { contractFormFields, ruleSetFormFields } from '@shegong/web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppRoute,
  admittedRoles,
  appRoutes,
  fillPath,
  isMutating,
  OpenApiExamples,
  type ProtectedPolicy,
  protectedPolicy,
  refusedRoles,
  requestMethod,
} from '../support/routes.ts';
import type { TableWrites } from '../support/table.ts';
import { BAD_TOKENS, badToken, type TokenSubject } from '../support/tokens.ts';
import {
  makeUscc,
  PAIRED_KINDS,
  SEEDED_ACTUAL_MONTH,
  type SeededTenant,
  type TenantLabel,
  World,
} from '../support/world.ts';

/**
 * The isolation matrix, generated from the app's own route table (API and pages): a route added
 * later is covered without anyone remembering, and a route without a declared access policy
 * fails the suite.
 *
 *  - every protected API route refuses every kind of bad token with 401 (problem+json);
 *  - every protected page without a (valid) session sends the browser to sign in, and a form
 *    post without one, or without its CSRF token, writes nothing;
 *  - a user of tenant B calling a route with tenant A's real ids gets 404 and the table does
 *    not change by a byte; what B lists holds none of A's ids;
 *  - a user of an admitted kind without an admitted role, and a user of a kind the route does not
 *    admit, get 403 and change nothing. (403, not 404, for a kind: the check happens before any
 *    lookup, so it reveals nothing about ids, and the routes are public knowledge anyway — the
 *    OpenAPI document lists them; 404 is kept for "this id is not yours".)
 *  - controls: a user the policy admits, with the same request, is served — without them a route
 *    that refused everybody would pass every case above.
 *
 * One module, several test files (matrix-*.test.ts): each file declares some families of cases
 * on a world of its own, seeded alike, so the run's workers share the matrix instead of one file
 * being the run's long tail. Every family is in exactly one file (matrix-tokens.test.ts checks it).
 * Cases before the controls write nothing, or only tenant B's own items (the cross-tenant cases
 * on routes without ids, which run before the searches, as they did when the matrix was one file);
 * the families that follow them elsewhere assert 403s decided before any lookup, or are controls.
 */

/** The families of cases, in the order a file runs them (the controls last: they may write). */
export const MATRIX_FAMILIES = [
  'routeTable',
  'badTokens',
  'pagesWithoutSession',
  'forgedPosts',
  'crossTenant',
  'searches',
  'platformIds',
  'wrongRoles',
  'wrongKinds',
  'ownRecords',
  'controls',
] as const;
export type MatrixFamily = (typeof MATRIX_FAMILIES)[number];

/**
 * Builds and seeds a world of its own for the calling test file (its hooks are that file’s) and
 * declares the families of cases it asks for, in MATRIX_FAMILIES order. A factory, not module
 * state: files that share a worker share this module, never a world.
 */
export async function isolationMatrix(label: string, families: readonly MatrixFamily[]): Promise<void> {
  const world = await World.create(label);
  const routes = await appRoutes(world.app);
  const openapi = await OpenApiExamples.of(world.app);

  /**
   * Contracts of organisation A submitted for review (purchaser 港口区, so bureau A, the city, decides
   * them): one for the API's decision, one for the page's, so each control finds its own still waiting.
   */
  const submittedForReview = { api: '', page: '' };

  /** The table's writes: each case that must change nothing drains them before and after its request. */
  let writes: TableWrites;

  beforeAll(async () => {
    await world.seed();
    await world.seedIncubation();
    // Incubator A's own project (P-I1): the organisation's capabilities admit bases too.
    await world.seedBaseProject();
    const orgA = world.tenant('orgA');
    const ctx = await actingAs(world.deps, { tenantId: orgA.id, userId: orgA.users[0]!.id });
    for (const which of ['api', 'page'] as const) {
      const draft = { ...CONTRACT_EXAMPLE, terms: { ...CONTRACT_EXAMPLE.terms, number: `MATRIX-REVIEW-${which}` } };
      const { contract } = await createContract(ctx, draft);
      await changeContractStatus(ctx, contract.id, { to: 'submitted' }, contract.version);
      submittedForReview[which] = contract.id;
    }
    graduand = await seedGraduand();
    await seedInternships();
    await seedAwardClaims();
    await seedTargetMap();
    await seedErasable();
    writes = await world.table.watch();
  });

  /**
   * P-A9 (issue 13): the city publishes internship rates (a version after the one the rule-set
   * controls publish, so it stays in force), organisation A records itself as a base and the API
   * example's intern (under the example's id), and claims four months: 0 and 1 wait for the API's
   * and the page's decision, 2 and 3 are approved for the API's and the page's payment. The claim
   * controls claim other months (the API's example 2026-07 and -08, the page's 2026-09).
   */
  const internshipClaims: string[] = [];
  async function seedInternships(): Promise<void> {
    const bureau = world.tenant('bureauA');
    const parameters = FANGCHENGGANG_2023.parameters;
    await world.store.tenant({ tenantId: bureau.id, userId: bureau.users[0]!.id }).ruleSets.publishNow({
      ...FANGCHENGGANG_2023,
      effectiveFrom: '2026-07-02',
      title: '矩阵见习补贴标准',
      parameters: {
        ...parameters,
        awards: { ...parameters.awards, internshipRates: { internship: 1_500_00, insurance: 45_00 } },
      },
    });
    const orgA = world.tenant('orgA');
    const ctx = await actingAs(world.deps, { tenantId: orgA.id, userId: orgA.users[0]!.id });
    await saveInternshipBase(ctx, INTERNSHIP_BASE_EXAMPLE, 0);
    const mutation = ctx.repos.scope.mutation();
    const intern = {
      id: INTERNSHIP_CLAIM_EXAMPLE.internId,
      ...INTERN_EXAMPLE,
      recordedAt: new Date().toISOString(),
      by: { userId: 'matrix' },
    };
    ctx.repos.internships.stageIntern(mutation, intern);
    await mutation.audited('intern.add', 'Intern', intern.id, 1, intern).commit();
    for (const month of ['2026-01', '2026-02', '2026-03', '2026-04'])
      internshipClaims.push((await submitInternshipClaim(ctx, { internId: intern.id, months: [month] })).claim.id);
    const decider = await actingAs(world.deps, { tenantId: bureau.id, userId: bureau.users[0]!.id });
    for (const id of internshipClaims.slice(2))
      await decideInternshipClaim(decider, orgA.id, id, { approved: true }, 1);
  }

  /** The internship claim a route names (organisation A's), as stored now: its version for If-Match and forms. */
  async function storedInternshipClaim(route: AppRoute, ids: SeededTenant) {
    // A bureau's route names the organisation; an organisation's claims are its own.
    const organisationId = ids.kind === 'bureau' ? pathParam(route, ids, 'organisationId') : ids.id;
    const repos = world.store.tenant({ tenantId: organisationId, userId: 'isolation-matrix' });
    return repos.internships.claim(pathParam(route, ids, 'claimId')).catch(() => undefined);
  }

  /**
   * An organisation of incubator A that meets the default graduation criteria (registered, reviewed,
   * a year in, 8 training hours, governance and financial system done), for the graduate page's
   * control; the seeded record (not reviewed) stays open for the other record routes.
   */
  let graduand = '';
  async function seedGraduand(): Promise<string> {
    const base = world.tenant('incubatorA');
    const ctx = await actingAs(world.deps, { tenantId: base.id, userId: base.users[0]!.id });
    const { application } = await recordApplication(ctx, {
      ...APPLICATION_EXAMPLE,
      name: '矩阵出壳机构',
      contact: { ...APPLICATION_EXAMPLE.contact, email: `graduand.${base.id.slice(0, 8)}@example.cn` },
      toBeRegistered: false,
      uscc: makeUscc('450602', 990001),
    });
    const agreement = { startDate: '2025-06-01', periodMonths: 12, mode: 'virtual' as const };
    const { incubation } = await admitApplication(ctx, world.deps, application.id, { agreement }, 1);
    await transitionIncubation(ctx, incubation.id, { move: 'midterm_review', on: '2025-12-01' }, 1);
    await recordSupport(ctx, incubation.id, { kind: 'training', on: '2025-07-01', title: '矩阵培训', tenthHours: 80 });
    await markMilestone(ctx, incubation.id, 'governance', MILESTONE_DONE_EXAMPLE, 0);
    await markMilestone(ctx, incubation.id, 'financial_system', MILESTONE_DONE_EXAMPLE, 1);
    return incubation.id;
  }
  afterAll(() => world.dispose());

  /**
   * Organisation A's level-improvement claims (P-A2 … P-A7) for the routes that read and move one: one
   * to read, and one for each move by the API and by the pages, each in the state its move needs and
   * each for a person of its own (a person has one open claim at a time). Claimed as of 2026-11-01,
   * so the payment example's date (2026-11-20) follows them. The controls that create claims use
   * people[0] (the admin's own, API) and a person made here without a claim (on their behalf, page).
   */
  const awardClaims: Record<string, string> = {};
  const AWARD_STAGES = {
    view: 'endorsed',
    endorseApi: 'submitted',
    endorsePage: 'submitted',
    withdrawApi: 'submitted',
    withdrawPage: 'submitted',
    approveApi: 'endorsed',
    approvePage: 'endorsed',
    refuseApi: 'endorsed',
    refusePage: 'endorsed',
    payApi: 'approved',
    payPage: 'approved',
    // No claim: the person the page's control claims for.
    pagePerson: 'none',
  } as const;
  async function seedAwardClaims(): Promise<void> {
    const orgA = world.tenant('orgA');
    const deps = { store: world.store, today: () => '2026-11-01' };
    const org = await actingAs(deps, { tenantId: orgA.id, userId: orgA.users[0]!.id });
    const city = await actingAs(deps, {
      tenantId: world.tenant('bureauA').id,
      userId: world.user('bureauA', 'reviewer').id,
    });
    let n = 0;
    for (const [name, stage] of Object.entries(AWARD_STAGES)) {
      n += 1;
      const first17 = `450602198707${String(n).padStart(2, '0')}001`;
      const person = await org.repos.people.create({
        name: `矩阵申领${n}`,
        idCardNumber: `${first17}${idCardCheckCharacter(first17)}`,
        phone: `1390099${String(n).padStart(4, '0')}`,
        education: { level: 'bachelor', socialWorkMajor: true },
        employmentType: 'contract',
        monthlyPay: 3_600_00,
        employment: [{ employer: orgA.name, region: orgA.region, start: '2021-03-01', socialWork: true }],
        certificates: [{ level: 'assistant', number: `MXA-${n}-${orgA.id.slice(0, 8)}`, obtainedOn: '2022-06-19' }],
        continuingEducation: [],
      });
      if (stage === 'none') {
        awardClaims[name] = person.id;
        continue;
      }
      const { claim } = await createAwardClaim(org, { personId: person.id });
      awardClaims[name] = claim.id;
      if (stage === 'submitted') continue;
      const endorsed = await endorseAwardClaim(org, claim.id, claim.version);
      if (stage === 'approved') await approveAwardClaim(city, claim.id, endorsed.claim.version);
    }
  }

  /** The claim a route's path names (organisation A's), as the store holds it now: its version, for If-Match and forms. */
  async function storedClaimVersion(route: AppRoute, ids: SeededTenant): Promise<number> {
    const repos = world.store.tenant({ tenantId: world.tenant('orgA').id, userId: 'isolation-matrix' });
    return (await repos.awardClaims.find(pathParam(route, ids, 'claimId')))?.version ?? 1;
  }

  /**
   * Issue 13's map and postings (core/targets): the city's map (bureau A's city) holds the OpenAPI
   * examples' township and community, three stations and three bases (one each to change, to remove
   * by the API, to remove by the page: all in 港口区, so county bureau B may touch none of them) and
   * the baseline; organisation A's first person has two postings (one ended by the API, one by the page).
   */
  const targets = { stations: [] as string[], bases: [] as string[], postings: [] as string[] };
  const REMOVABLE = { townships: ['450602905', '450602906'], communities: ['450602001905', '450602001906'] };
  async function seedTargetMap(): Promise<void> {
    const bureau = world.tenant('bureauA');
    const ctx = await actingAs(world.deps, { tenantId: bureau.id, userId: bureau.users[0]!.id });
    await importPlaces(ctx, PLACES_IMPORT_EXAMPLE);
    // Places to remove: a community and an empty township each for the API and for the page.
    await importPlaces(ctx, {
      townships: [
        ...PLACES_IMPORT_EXAMPLE.townships,
        ...REMOVABLE.townships.map((code) => ({ code, name: `矩阵镇${code}`, county: '450602', kind: '镇' })),
      ],
      communities: REMOVABLE.communities.map((code) => ({
        code,
        name: `矩阵社区${code}`,
        township: '450602001',
        kind: '社区',
      })),
    });
    for (let i = 0; i < 3; i++) {
      targets.stations.push((await addStation(ctx, { ...STATION_EXAMPLE, name: `矩阵社工站${i}` })).station.id);
      targets.bases.push((await addTargetBase(ctx, { ...TARGET_BASE_EXAMPLE, name: `矩阵基地${i}` })).base.id);
    }
    await setBaseline(ctx, BASELINE_EXAMPLE, 0);
    const orgA = world.tenant('orgA');
    const org = await actingAs(world.deps, { tenantId: orgA.id, userId: orgA.users[0]!.id });
    for (let i = 0; i < 2; i++)
      targets.postings.push((await postStaff(org, orgA.people[0]!, POSTING_EXAMPLE)).posting.id);
  }

  /**
   * PIPL (issue 14): a person of each tenant with a registry for the erasure's API control and one for
   * its page's (an erased person cannot be erased again, and nobody else's fixture may be erased).
   */
  const erasable: Partial<Record<TenantLabel, { api: string; page: string }>> = {};
  async function seedErasable(): Promise<void> {
    let n = 0;
    for (const label of ['orgA', 'orgB', 'incubatorA', 'incubatorB'] as const) {
      const tenant = world.tenant(label);
      if (!tenant.people.length) continue;
      const repos = world.store.tenant({ tenantId: tenant.id, userId: 'isolation-matrix' });
      const made: string[] = [];
      for (const which of ['api', 'page']) {
        n += 1;
        const first17 = `450602198909${String(n).padStart(2, '0')}002`;
        const person = await repos.people.create({
          name: `矩阵删除${which}`,
          idCardNumber: `${first17}${idCardCheckCharacter(first17)}`,
          phone: `1390088${String(n).padStart(4, '0')}`,
          education: { level: 'bachelor', socialWorkMajor: true },
          employmentType: 'contract',
          monthlyPay: 3_600_00,
          employment: [],
          certificates: [{ level: 'assistant', number: `MXE-${n}-${tenant.id.slice(0, 8)}`, obtainedOn: '2022-06-19' }],
          continuingEducation: [],
        });
        made.push(person.id);
      }
      erasable[label] = { api: made[0]!, page: made[1]! };
    }
  }

  /**
   * Real ids by path parameter name, taken from one tenant. A route with a parameter this map does
   * not know fails the suite: its author adds a fixture here.
   */
  const PARAM_FIXTURES: Record<string, (tenant: SeededTenant) => string> = {
    tenantId: (t) => t.id,
    // The last user of the tenant: not its admin where the kind has other roles.
    userId: (t) => t.users.at(-1)!.id,
    invitationId: (t) => t.invitation.id,
    token: (t) => t.invitation.token,
    lang: () => 'en',
    // Ladder versions count from 1 in each organisation; only organisation A has a ladder in the world.
    ladderVersion: () => '1',
    // The first of an organisation's (or incubator A's, its own project) people (world.seedPeople);
    // other tenants have none, any id will do.
    personId: (t) => t.people[0] ?? '00000000-0000-4000-8000-000000000000',
    // The organisation admin's first pending submission (world.seedMemberRecords).
    submissionId: (t) => t.submissions?.[0] ?? '00000000-0000-7000-8000-000000000000',
    // Organisations and incubator A hold a seeded import job; other kinds never reach the import routes.
    importId: (t) => t.importId ?? randomUUID(),
    // Each organisation's (and incubator A's) draft contract (world.seedContracts); a bureau's: the draft
    // of an organisation (A's, in the city's jurisdiction, for bureau A); others have none, any id will do.
    contractId: (t) =>
      t.contracts?.draft ??
      (t.kind === 'bureau' ? jurisdictionOrg(t).contracts!.draft : '00000000-0000-4000-8000-000000000000'),
    // A bureau's contracts are named by their organisation: organisation A's for bureau A.
    organisationId: (t) => (t.kind === 'bureau' ? jurisdictionOrg(t).id : t.id),
    // Bureau A's first finding, on organisation A's signed contract (open); others have none.
    rectificationId: (t) => t.rectifications?.[0] ?? '00000000-0000-7000-8000-000000000000',
    // Contract versions count from 1 in each contract.
    number: () => '1',
    // The month of actuals the world records on each organisation's signed contract.
    month: () => SEEDED_ACTUAL_MONTH,
    // Published policy: bureau B's own rule set for its ids, the city's (bureau A's) for everyone else's.
    ruleSetId: (t) => (t.label === 'bureauB' ? world.ruleSetIds.bureauB : world.ruleSetIds.bureauA),
    // N-6 (world.seedEvaluations): bureau A's draw, templates and evaluation; organisation A's view of
    // that evaluation. Others have none (another bureau has not drawn that year): any value will do.
    spotCheckId: (t) => t.evaluations?.spotCheck ?? '2001',
    year: (t) => t.evaluations?.spotCheck ?? '2001',
    templateId: (t) => t.evaluations?.templates?.[0] ?? randomUUID(),
    evaluationId: (t) => t.evaluations?.evaluation ?? randomUUID(),
    // Incubator A's applications and the organisation it admitted (world.seedIncubation); others have
    // none. The public submission names a base by its id.
    applicationId: (t) => t.incubation?.applications[0] ?? randomUUID(),
    incubationId: (t) => t.incubation?.organisationId ?? randomUUID(),
    incubatorId: (t) => (t.kind === 'incubator' ? t.id : world.tenant('incubatorA').id),
    // A milestone of the default checklist (the API marks and undoes it; the pages another, below).
    milestoneId: () => 'governance',
    // Organisation A's award claim to read (seedAwardClaims), which the city (bureau A) reads too; others
    // have none. An internship claim's routes take INTERNSHIP_CLAIM instead (fixtureFor).
    claimId: (t) => (t.label === 'orgA' || t.kind === 'bureau' ? awardClaims.view! : randomUUID()),
    // A county of a bureau's targets (issue 13): 港口区 for the city bureau A (one of its counties, not
    // bureau B's), 东兴 for the county bureau B (its own); any county for the kinds refused anyway.
    county: (t) => (t.label === 'bureauB' ? '450681' : '450602'),
    // The city's map (seedTargetMap): bureau A's station and base to change; organisation A's posting
    // the API ends. Others have none: any id will do.
    stationId: (t) => (t.label === 'bureauA' ? targets.stations[0]! : randomUUID()),
    baseId: (t) => (t.label === 'bureauA' ? targets.bases[0]! : randomUUID()),
    postingId: (t) => (t.label === 'orgA' ? targets.postings[0]! : randomUUID()),
    // Places of bureau A's map to remove (the API's; the page's below); others name none of theirs.
    communityCode: (t) => (t.label === 'bureauA' ? REMOVABLE.communities[0]! : '450681001999'),
    townshipCode: (t) => (t.label === 'bureauA' ? REMOVABLE.townships[0]! : '450681999'),
  };

  /** The organisation whose contracts fill a bureau's paths: A for bureau A (港口区 is the city's), B otherwise. */
  function jurisdictionOrg(bureau: SeededTenant): SeededTenant {
    return world.tenant(bureau.label === 'bureauA' ? 'orgA' : 'orgB');
  }
  /** Organisation A's (or B's) signed contract, for the routes that address a contract by its organisation. */
  const signedOf = (label: 'orgA' | 'orgB') => ({
    organisationId: () => world.tenant(label).id,
    contractId: () => world.tenant(label).contracts!.signed,
  });

  type Form = Record<string, string | string[]>;
  interface FormContext {
    /** The tenant whose ids fill the path. */
    ids: SeededTenant;
    /** The caller's kind (its roles go into the form). */
    kind: TenantKind;
  }

  /** The version the store holds now, so a control's form is not stale after earlier cases. */
  async function storedVersion(ids: SeededTenant, what: 'user' | 'invitation'): Promise<string> {
    const repos = world.store.tenant({ tenantId: ids.id, userId: 'isolation-matrix' });
    const record =
      what === 'user'
        ? await repos.users.find(PARAM_FIXTURES.userId!(ids))
        : await repos.invitations.get(ids.invitation.id).catch(() => undefined);
    return String(record?.version ?? 1);
  }

  /**
   * The contract a route's path names, as stored now (its version for the form, its draft to post
   * back); other kinds' fixture ids name nothing, and the API's example stands in.
   */
  async function storedContract(route: string, ids: SeededTenant) {
    const repos = world.store.tenant({ tenantId: ids.id, userId: 'isolation-matrix' });
    const fixture = ROUTE_PARAM_FIXTURES[route]?.contractId ?? PARAM_FIXTURES.contractId!;
    const contract = await repos.contracts.get(fixture(ids)).catch(() => undefined);
    const version = contract ? await repos.contracts.version(contract.id, contract.currentVersion) : undefined;
    return { contract, draft: version?.draft ?? CONTRACT_EXAMPLE };
  }

  /** A new contract's form: the API's example under a number of its own (a number is unique in an organisation). */
  const newContractForm = () => ({
    ...contractFormFields({
      ...CONTRACT_EXAMPLE,
      terms: { ...CONTRACT_EXAMPLE.terms, number: `MATRIX-${randomUUID().slice(0, 8)}` },
    }),
    action: 'save',
  });

  /**
   * What each page form posts, by route. Page forms have no OpenAPI document, so a protected page
   * post this map does not know fails the suite, as an API route without an example does.
   */
  const PAGE_FORMS: Record<string, (context: FormContext) => Promise<Form>> = {
    // The base's template (its defaults, saved from the version stored now), a registration help on
    // the seeded record, a milestone marked and undone (versions stored now), and the graduand's graduation.
    'POST /incubator/template': async ({ ids }) => ({
      version: String(await storedIncubationVersion({ params: [] as string[] } as AppRoute, ids)),
      // The default checklist, so the milestone controls after it still find theirs.
      rows: String(DEFAULT_TEMPLATE.milestones.length),
      ...Object.fromEntries(
        DEFAULT_TEMPLATE.milestones.flatMap((ms, i) => [
          [`milestone-${i}-id`, ms.id],
          [`milestone-${i}-label`, ms.label],
        ]),
      ),
      midtermReview: '1',
    }),
    'POST /incubator/orgs/:incubationId/support': async () => ({
      kind: 'registration_help',
      'registration_help-on': '2026-06-10',
      'registration_help-what': '协助准备登记材料',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /incubator/orgs/:incubationId/milestones/:milestoneId': async ({ ids }) => ({
      version: String(await storedIncubationVersion(incubationRoute, ids)),
      on: '2026-06-01',
      evidence: '持证社工证书复印件存档',
    }),
    'POST /incubator/orgs/:incubationId/milestones/:milestoneId/undo': async ({ ids }) => ({
      version: String(await storedIncubationVersion(incubationRoute, ids)),
    }),
    'POST /incubator/orgs/:incubationId/graduate': async ({ ids }) => {
      const id = ids.label === 'incubatorA' ? graduand : PARAM_FIXTURES.incubationId!(ids);
      const repos = world.store.tenant({ tenantId: ids.id, userId: 'isolation-matrix' });
      const record = await repos.incubations.incubation(id).catch(() => undefined);
      return { version: String(record?.version ?? 1), on: '2026-06-30', note: '矩阵出壳' };
    },
    // A year neither the world (last year) nor the API's control (its example, 2024) draws.
    'POST /bureau/evaluations/spot-checks': async () => ({
      year: '2023',
      seed: 'matrix',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /bureau/evaluations/templates/new': async () => ({
      name: '矩阵模板',
      indicatorName: ['服务成效'],
      indicatorWeight: ['100'],
      indicatorMax: ['100'],
      _key: randomBytes(24).toString('base64url'),
    }),
    // The final evaluation of organisation A's signed contract (the API's control files organisation B's).
    'POST /bureau/evaluations/contracts/:organisationId/:contractId/new': async () => ({
      kind: 'final',
      templateId: 'default',
      score: ['18', '36', '17', '18'],
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /my/organisation/invite': async ({ kind }) => ({
      email: `matrix.${randomUUID().slice(0, 8)}@example.cn`,
      roles: [ROLES_BY_KIND[kind].at(-1)!],
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /my/organisation/users/:userId': async ({ ids, kind }) => ({
      roles: [ROLES_BY_KIND[kind].at(-1)!],
      version: await storedVersion(ids, 'user'),
    }),
    'POST /my/organisation/users/:userId/status': async ({ ids }) => ({
      status: 'active',
      version: await storedVersion(ids, 'user'),
    }),
    'POST /my/organisation/invitations/:invitationId/revoke': async ({ ids }) => ({
      version: await storedVersion(ids, 'invitation'),
    }),
    // Fangchenggang's values as a new version of the caller's own region (the form defaults to it).
    'POST /bureau/rules/new': async () => ({
      ...ruleSetFormFields({ ...FANGCHENGGANG_2023, effectiveFrom: '2026-07-01', title: '矩阵测试版本' }),
      region: '',
      _key: randomBytes(24).toString('base64url'),
    }),
    // The example ladder with a second entry level that needs nothing more, so the promotion form
    // below can move the fixture person (promoted to 'trainee' by the API's control) one step up.
    'POST /org/ladder/edit': async ({ ids }) => {
      const stored = await world.store.tenant({ tenantId: ids.id, userId: 'isolation-matrix' }).ladders.find();
      const [entry, ...rest] = LADDER_EXAMPLE.levels;
      const levels = [
        entry!,
        { ...entry!, id: 'trainee-2', name: '社工助理二档', payBand: { min: 3_000_00, max: 3_600_00 } },
        ...rest,
      ];
      const yuan = (fen: number) => String(fen / 100);
      return {
        version: String(stored?.version ?? 1),
        rows: String(levels.length),
        action: 'save',
        ...Object.fromEntries(
          levels.flatMap((level, i) => [
            [`level-${i}-id`, level.id],
            [`level-${i}-name`, level.name],
            [`level-${i}-postClass`, level.postClass],
            [`level-${i}-minCertificate`, level.requirements.minCertificate],
            [`level-${i}-minYears`, String(level.requirements.minYearsPractice)],
            [`level-${i}-minEducation`, level.requirements.minEducation],
            ...(level.requirements.continuingEducationUpToDate ? [[`level-${i}-ce`, '1']] : []),
            [`level-${i}-min`, yuan(level.payBand.min)],
            [`level-${i}-max`, yuan(level.payBand.max)],
          ]),
        ),
      };
    },
    'POST /org/ladder/promote/:personId': async () => ({
      toLevelId: 'trainee-2',
      date: '2026-01-05',
      _key: randomBytes(24).toString('base64url'),
    }),
    // A one-person roster pasted as csv text, with an ID number of its own (the API's example has another).
    'POST /org/staff/import': async () => {
      const first17 = `45060219900101${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
      return {
        csv: EXAMPLE_ROSTER_CSV.replace('450602199203150042', `${first17}${idCardCheckCharacter(first17)}`),
        _key: randomBytes(24).toString('base64url'),
      };
    },
    // The staff registry: a new person (valid ID-card number, fresh certificate number), then the small
    // forms of the fixture person, each with the version the store holds now.
    'POST /org/staff/new': async () => ({
      name: '矩阵测试',
      idCardNumber: '450603199208150443',
      phone: '13900001234',
      educationLevel: 'bachelor',
      socialWorkMajor: 'yes',
      employmentType: 'contract',
      monthlyPay: '3600',
      employedSince: '2024-06-23',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /org/staff/:personId/edit': async ({ ids }) => {
      const person = await storedPerson({ name: 'POST /org/staff/:personId/edit' } as AppRoute, ids);
      return {
        name: person?.name ?? '矩阵',
        idCardNumber: person?.idCardNumber ?? '450603199208150443',
        phone: person?.phone ?? '13900001234',
        educationLevel: 'master',
        socialWorkMajor: 'yes',
        employmentType: 'contract',
        monthlyPay: '3800',
        version: String(person?.version ?? 1),
      };
    },
    'POST /org/staff/:personId/erasure': async ({ ids }) => ({
      reason: '矩阵测试删除',
      version: String(
        (await storedPerson({ name: 'POST /org/staff/:personId/erasure' } as AppRoute, ids))?.version ?? 1,
      ),
    }),
    'POST /org/staff/:personId/delete': async ({ ids }) => ({
      version: String(
        (await storedPerson({ name: 'POST /org/staff/:personId/delete' } as AppRoute, ids))?.version ?? 1,
      ),
    }),
    'POST /org/staff/:personId/certificates/new': async ({ ids }) => ({
      level: 'social_worker',
      number: `M-${randomUUID().slice(0, 12)}`,
      obtainedOn: '2025-06-22',
      version: String((await storedPerson({ name: '' } as AppRoute, ids))?.version ?? 1),
    }),
    'POST /org/staff/:personId/employment/new': async ({ ids }) => ({
      employer: '南宁市同行社会工作服务社',
      region: '450100',
      start: '2018-03-01',
      end: '2021-02-28',
      socialWork: 'yes',
      version: String((await storedPerson({ name: '' } as AppRoute, ids))?.version ?? 1),
    }),
    // 我的档案: a member's own submissions (the admin is linked to people[0]); hr's decisions.
    'POST /my/record/continuing-education/new': async () => ({
      date: '2026-06-02',
      tenthHours: '1.5',
      provider: '广西社会工作协会',
      topic: '督导',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /my/record/certificates/new': async () => ({
      level: 'social_worker',
      number: `MX-${randomUUID().slice(0, 12)}`,
      obtainedOn: '2026-06-21',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /org/submissions/:personId/:submissionId/confirm': async () => ({}),
    // Links the admin to the person they are linked to already (people[0]): served, nothing written.
    'POST /org/staff/:personId/member': async ({ ids }) => ({ userId: ids.users[0]!.id }),
    'POST /org/submissions/:personId/:submissionId/refuse': async () => ({ reason: '矩阵测试退回' }),
    'POST /org/staff/:personId/continuing-education/new': async ({ ids }) => ({
      date: '2026-06-01',
      tenthHours: '2.5',
      provider: '广西社会工作协会',
      topic: '伦理',
      version: String((await storedPerson({ name: '' } as AppRoute, ids))?.version ?? 1),
    }),
    // Contracts: a new one, a preview, and the seeded contract edited, amended and moved on, each
    // with the version the store holds now (a draft's edit or a signed one's amendment is saved; the
    // other answers with the contract page; the status takes the first step allowed from here).
    'POST /org/contracts/new': async () => ({ ...newContractForm(), _key: randomBytes(24).toString('base64url') }),
    'POST /org/contracts/preview': async () => newContractForm(),
    'POST /org/contracts/:contractId/edit': async ({ ids }) => {
      const { contract, draft } = await storedContract('POST /org/contracts/:contractId/edit', ids);
      return { ...contractFormFields(draft), action: 'save', version: String(contract?.version ?? 1) };
    },
    'POST /org/contracts/:contractId/amend': async ({ ids }) => {
      const { contract, draft } = await storedContract('POST /org/contracts/:contractId/amend', ids);
      return {
        ...contractFormFields(draft),
        action: 'save',
        reason: '矩阵测试修订',
        effectiveDate: draft.terms.startDate,
        version: String(contract?.version ?? 1),
      };
    },
    'POST /org/contracts/:contractId/status': async ({ ids }) => {
      const { contract, draft } = await storedContract('POST /org/contracts/:contractId/status', ids);
      const next = contract ? NEXT_STATUSES[contract.status] : [];
      return {
        to: next.find((s) => s !== 'submitted') ?? next[0] ?? 'submitted',
        date: draft.terms.startDate,
        version: String(contract?.version ?? 1),
      };
    },
    // A bureau's decision on the contract submitted for the page: approved, at the head's version now.
    'POST /bureau/contracts/:organisationId/:contractId/decision': async () => ({
      decision: 'approve',
      version: String(
        (await storedReviewedContract('POST /bureau/contracts/:organisationId/:contractId/decision'))?.version ?? 1,
      ),
    }),
    // A month of actuals: one person not in the registry, and the expenses in yuan, over the seeded month.
    'POST /org/contracts/:contractId/actuals/:month': async ({ ids }) => ({
      rows: '1',
      'row-0-name': '矩阵测试',
      'row-0-certLevel': 'assistant',
      'row-0-grossPay': '3600',
      'row-0-share': '100',
      'expense-activities': '800',
      revision: String((await storedMonth(ids))?.revision ?? ''),
      action: 'save',
    }),
    // Findings: raised on organisation A's draft; each step with the version the store holds now.
    'POST /bureau/contracts/:organisationId/:contractId/findings/new': async () => ({
      text: '矩阵测试问题',
      ruleId: 'P-W3',
      severity: 'warning',
      deadline: '2029-06-30',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /bureau/rectifications/:rectificationId/accept': async ({ ids }) => ({
      version: String(
        (await storedRectification(pageRoute('POST /bureau/rectifications/:rectificationId/accept'), ids))?.version ??
          1,
      ),
    }),
    'POST /bureau/rectifications/:rectificationId/reopen': async ({ ids }) => ({
      reason: '矩阵测试重新整改',
      version: String(
        (await storedRectification(pageRoute('POST /bureau/rectifications/:rectificationId/reopen'), ids))?.version ??
          1,
      ),
    }),
    'POST /org/rectifications/:rectificationId/answer': async ({ ids }) => ({
      text: '矩阵测试答复',
      pointVersion: '1',
      version: String(
        (await storedRectification(pageRoute('POST /org/rectifications/:rectificationId/answer'), ids))?.version ?? 1,
      ),
    }),
    // The platform's actions on a tenant: on bureau B (the API's act on incubator B), see ROUTE_PARAM_FIXTURES.
    'POST /platform/tenants/:tenantId/invitations/:invitationId/reissue': async () => ({}),
    'POST /platform/tenants/:tenantId/suspend': async () => ({
      reason: '矩阵测试暂停',
      version: String(await storedTenantVersion(world.tenant('bureauB').id)),
    }),
    'POST /platform/tenants/:tenantId/restore': async () => ({
      version: String(await storedTenantVersion(world.tenant('bureauB').id)),
    }),
    // A region has one bureau (submitted contracts are routed by region): the API's control creates
    // 上思县's (its OpenAPI example), so the page's creates 防城区's.
    'POST /platform/tenants/new': async () => ({
      kind: 'bureau',
      name: '防城区民政局',
      nameEn: 'Fangcheng District Civil Affairs Bureau',
      region: '450603',
      uscc: '',
      adminEmail: `matrix.${randomUUID().slice(0, 8)}@example.cn`,
      _key: randomBytes(24).toString('base64url'),
    }),
    // The base's intake pages (issue 12): a new application, a note, an admission and a decline on
    // the applications the world leaves for the pages (ROUTE_PARAM_FIXTURES), and an extension of
    // its admitted organisation's record dated on its last step (whichever control moved it first).
    'POST /incubator/applications/new': async () => ({
      name: `矩阵申请${randomUUID().slice(0, 6)}`,
      kind: 'social_service_agency',
      'founder-0-name': '黄青',
      contactName: '黄青',
      contactPhone: '13907701234',
      contactEmail: `matrix.${randomUUID().slice(0, 8)}@example.cn`,
      serviceArea: '港口区',
      services: ['helping_needy'],
      registration: 'toBeRegistered',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /incubator/applications/:applicationId/notes': async () => ({
      note: '矩阵测试备注',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /incubator/applications/:applicationId/admit': async () => ({
      startDate: '2026-03-01',
      periodMonths: '12',
      mode: 'virtual',
      version: '1',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /incubator/applications/:applicationId/decline': async () => ({ reason: '矩阵测试不予通过', version: '1' }),
    'POST /incubator/orgs/:incubationId/transitions': async ({ ids }) => {
      const repos = world.store.tenant({ tenantId: ids.id, userId: 'isolation-matrix' });
      const record = await repos.incubations.incubation(PARAM_FIXTURES.incubationId!(ids)).catch(() => undefined);
      return {
        move: 'extend',
        on: record?.steps.at(-1)?.on ?? '2026-03-01',
        newEndDate: '2030-12-31',
        reason: '矩阵测试延期',
        version: String(record?.version ?? 1),
      };
    },
    'POST /incubator/orgs/:incubationId/invitations/:invitationId/reissue': async () => ({}),
    // Award claims (P-A2 … P-A7): a preview and a claim for a person of its own (the API's control claims for
    // the admin's own people[0]); each move with the claim's version now; a historical award of
    // another person than the API's example.
    'POST /org/awards/claims/preview': async () => ({ _key: randomBytes(24).toString('base64url') }),
    'POST /org/awards/claims': async ({ ids }) => ({
      personId: ids.label === 'orgA' ? awardClaims.pagePerson! : (ids.people[0] ?? ''),
      _key: randomBytes(24).toString('base64url'),
    }),
    ...Object.fromEntries(
      [
        'POST /org/awards/claims/:claimId/endorse',
        'POST /org/awards/claims/:claimId/withdraw',
        'POST /bureau/claims/awards/:claimId/approve',
      ].map((name) => [
        name,
        async ({ ids }: FormContext) => ({ version: String(await storedClaimVersion(pageRoute(name), ids)) }),
      ]),
    ),
    'POST /bureau/claims/awards/:claimId/refuse': async ({ ids }) => ({
      reason: '矩阵测试不予通过',
      version: String(await storedClaimVersion(pageRoute('POST /bureau/claims/awards/:claimId/refuse'), ids)),
    }),
    'POST /bureau/claims/awards/:claimId/payment': async ({ ids }) => ({
      date: '2026-11-20',
      reference: '矩阵凭证1号',
      version: String(await storedClaimVersion(pageRoute('POST /bureau/claims/awards/:claimId/payment'), ids)),
    }),
    'POST /bureau/claims/history': async () => ({
      idCardNumber: `45060219700101002${idCardCheckCharacter('45060219700101002')}`,
      name: '矩阵旧奖',
      date: '2020-12-01',
      level: 'senior',
      amount: '1000',
      reference: '矩阵〔2020〕1号',
      _key: randomBytes(24).toString('base64url'),
    }),
    // The map (issue 13): places pasted as text, a station and a base added, the baseline saved at
    // the version stored now, a station and a base removed (their own fixtures), a posting made and ended.
    'POST /bureau/map/import': async () => ({
      townships: '代码\t名称\t所属县(市、区)代码\t类型\n450602001\t渔洲坪街道\t450602\t街道',
      communities: '代码\t名称\t所属乡镇(街道)代码\t类型\n450602001001\t渔洲坪社区\t450602001\t社区',
    }),
    'POST /bureau/map/communities/:communityCode/remove': async ({ ids }) => ({
      version: String(
        await storedTargetVersion(
          {
            name: 'POST /bureau/map/communities/:communityCode/remove',
            params: ['communityCode'],
            path: '',
          } as unknown as AppRoute,
          ids,
        ),
      ),
    }),
    'POST /bureau/map/townships/:townshipCode/remove': async ({ ids }) => ({
      version: String(
        await storedTargetVersion(
          {
            name: 'POST /bureau/map/townships/:townshipCode/remove',
            params: ['townshipCode'],
            path: '',
          } as unknown as AppRoute,
          ids,
        ),
      ),
    }),
    'POST /bureau/map/stations': async () => ({
      township: STATION_EXAMPLE.township,
      name: '矩阵页面社工站',
      openedOn: '2024-01-01',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /bureau/map/stations/:stationId/remove': async ({ ids }) => ({
      version: String(
        await storedTargetVersion(
          {
            name: 'POST /bureau/map/stations/:stationId/remove',
            params: ['stationId'],
            path: '',
          } as unknown as AppRoute,
          ids,
        ),
      ),
    }),
    'POST /bureau/map/baseline': async ({ ids }) => ({
      city: '181',
      'county-450602': '61',
      version: String(
        await storedTargetVersion({ params: [] as string[], path: '/map/baseline' } as unknown as AppRoute, ids),
      ),
    }),
    'POST /bureau/map/bases': async () => ({
      kind: 'internship',
      name: '矩阵页面实习基地',
      region: '450602',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /bureau/map/bases/:baseId/remove': async ({ ids }) => ({
      version: String(
        await storedTargetVersion(
          { name: 'POST /bureau/map/bases/:baseId/remove', params: ['baseId'], path: '' } as unknown as AppRoute,
          ids,
        ),
      ),
    }),
    'POST /org/staff/:personId/postings': async () => ({
      community: POSTING_EXAMPLE.community,
      from: '2026-04-01',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /org/staff/:personId/postings/:postingId/end': async ({ ids }) => ({
      until: '2026-12-31',
      version: String(
        await storedTargetVersion(
          {
            name: 'POST /org/staff/:personId/postings/:postingId/end',
            params: ['personId', 'postingId'],
            path: '',
          } as unknown as AppRoute,
          ids,
        ),
      ),
    }),
    // An organisation records the code it has: served, nothing changes.
    'POST /org/credit-code': async ({ ids }) => ({
      uscc: ids.uscc ?? '',
      version: String(await storedTenantVersion(ids.id)),
    }),
    // Issue 13, P-A1, P-A9, P-A8: an exam of the fixture person; the base saved again at its stored
    // version; a new intern; a month the API's claim control does not take; the seeded claims' decision
    // and payment at their stored versions; another recognition than the API control's.
    'POST /org/awards/exam-costs': async ({ ids }) => ({
      personId: PARAM_FIXTURES.personId!(ids),
      examDate: '2025-05-10',
      level: 'assistant',
      registrationFee: '120',
      textbooks: '80.5',
      travel: '66',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /org/awards/internships/base': async ({ ids }) => ({
      ...INTERNSHIP_BASE_EXAMPLE,
      reference: INTERNSHIP_BASE_EXAMPLE.reference ?? '',
      version: String(
        (await world.store.tenant({ tenantId: ids.id, userId: 'isolation-matrix' }).internships.base())?.version ?? 0,
      ),
    }),
    'POST /org/awards/internships/interns': async () => ({
      internName: '矩阵见习生',
      graduationDate: '2026-06-30',
      fullTimeStudent: '1',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /org/awards/internships/claims': async () => ({
      internId: INTERNSHIP_CLAIM_EXAMPLE.internId,
      months: '2026-09',
      action: 'submit',
      _key: randomBytes(24).toString('base64url'),
    }),
    'POST /bureau/claims/internships/:organisationId/:claimId/decision': async ({ ids }) => ({
      approved: 'yes',
      version: String(
        (
          await storedInternshipClaim(
            pageRoute('POST /bureau/claims/internships/:organisationId/:claimId/decision'),
            ids,
          )
        )?.version ?? 1,
      ),
    }),
    'POST /bureau/claims/internships/:organisationId/:claimId/payment': async ({ ids }) => ({
      paidOn: '2026-11-21',
      reference: '矩阵发放凭证',
      version: String(
        (
          await storedInternshipClaim(
            pageRoute('POST /bureau/claims/internships/:organisationId/:claimId/payment'),
            ids,
          )
        )?.version ?? 1,
      ),
    }),
    'POST /bureau/claims/recognitions': async ({ ids }) => ({
      organisationId: ids.kind === 'bureau' ? jurisdictionOrg(ids).id : randomUUID(),
      authority: 'national',
      kind: 'talent_training_base',
      year: '2024',
      _key: randomBytes(24).toString('base64url'),
    }),
  };

  /** `an org`, `a bureau`: for test names. */
  const article = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

  const labelOf = (kind: TenantKind, side: 'A' | 'B' = 'A'): TenantLabel =>
    kind === 'platform' ? 'platform' : (`${kind}${side}` as TenantLabel);

  /** A route whose policy is missing or ambiguous is held to the strictest one: nobody gets in. */
  const NOBODY: ProtectedPolicy = { kinds: [], roles: [] };
  const strictest = (route: AppRoute): ProtectedPolicy =>
    route.policies.length === 1 ? (protectedPolicy(route) ?? NOBODY) : NOBODY;
  const isPublic = (route: AppRoute) => route.policies.length === 1 && 'public' in route.policies[0]!;
  /** Why every admitted tenant may read the same object (published policy), if the route says so. */
  const sharedReason = (route: AppRoute) => (strictest(route) as { sharedReason?: string }).sharedReason;

  const guarded = routes.filter((r) => !isPublic(r));
  const apiRoutes = guarded.filter((r) => r.surface === 'api');
  const pageRoutes = guarded.filter((r) => r.surface === 'page');
  const pagePosts = pageRoutes.filter((r) => isMutating(requestMethod(r)));

  /** The first kind a policy admits, and a user of it the policy admits (so only the defect under test counts). */
  function admittedSubject(route: AppRoute) {
    const policy = strictest(route);
    const kind = policy.kinds[0] ?? 'org';
    const ids = world.tenant(labelOf(kind));
    const other = world.tenant(kind === 'platform' ? 'orgA' : labelOf(kind, 'B'));
    return { kind, ids, other, subject: world.user(ids.label, admittedRoles(policy, kind)[0]) };
  }

  /** Replaces every `roles` array in an example body with a role of the caller's kind. */
  function forKind(body: unknown, kind: TenantKind): unknown {
    if (Array.isArray(body)) return body.map((v) => forKind(v, kind));
    if (body && typeof body === 'object') {
      return Object.fromEntries(
        Object.entries(body).map(([k, v]) => [
          k,
          k === 'roles' && Array.isArray(v) ? [ROLES_BY_KIND[kind].at(-1)] : forKind(v, kind),
        ]),
      );
    }
    return body;
  }

  /**
   * Certificate numbers are unique platform-wide and organisation A's controls claim the examples'
   * first: incubator A's (its own project, P-I1) send numbers of their own.
   */
  function ownCertificateNumbers(body: unknown, kind: TenantKind): unknown {
    if (kind !== 'incubator' || body === undefined) return body;
    return JSON.parse(JSON.stringify(body).replace(/"number":"(Z\d+)"/g, '"number":"$1-I"'));
  }

  /**
   * Routes that delete take another fixture than the routes that change, so the controls of one
   * do not leave the others a 404: the API deletes an org's second person, the page its third.
   */
  const ROUTE_PARAM_FIXTURES: Record<string, Record<string, (tenant: SeededTenant) => string>> = {
    // Each move of an award claim takes its own claim, in the state it needs (seedAwardClaims).
    ...Object.fromEntries(
      (
        [
          ['POST /v1/awards/claims/:claimId/endorse', 'endorseApi'],
          ['POST /org/awards/claims/:claimId/endorse', 'endorsePage'],
          ['POST /v1/awards/claims/:claimId/withdraw', 'withdrawApi'],
          ['POST /org/awards/claims/:claimId/withdraw', 'withdrawPage'],
          ['POST /v1/jurisdiction/award-claims/:claimId/approve', 'approveApi'],
          ['POST /bureau/claims/awards/:claimId/approve', 'approvePage'],
          ['POST /v1/jurisdiction/award-claims/:claimId/refuse', 'refuseApi'],
          ['POST /bureau/claims/awards/:claimId/refuse', 'refusePage'],
          ['POST /v1/jurisdiction/award-claims/:claimId/payment', 'payApi'],
          ['POST /bureau/claims/awards/:claimId/payment', 'payPage'],
        ] as const
      ).map(([name, which]) => [
        name,
        {
          claimId: (t: SeededTenant) =>
            t.label === 'orgA' || t.kind === 'bureau' ? awardClaims[which]! : randomUUID(),
        },
      ]),
    ),
    'DELETE /v1/people/:personId': { personId: (t) => t.people[1] ?? PARAM_FIXTURES.personId!(t) },
    // PIPL: each erasure control erases a person of its own (seedErasable).
    'POST /v1/people/:personId/erasure': { personId: (t) => erasable[t.label]?.api ?? PARAM_FIXTURES.personId!(t) },
    'POST /org/staff/:personId/erasure': { personId: (t) => erasable[t.label]?.page ?? PARAM_FIXTURES.personId!(t) },
    'POST /org/staff/:personId/delete': { personId: (t) => t.people[2] ?? PARAM_FIXTURES.personId!(t) },
    // Each decision route takes its own pending submission, so one's control leaves the others theirs.
    'POST /v1/people/:personId/submissions/:submissionId/refuse': {
      submissionId: (t) => t.submissions?.[1] ?? PARAM_FIXTURES.submissionId!(t),
    },
    // Linking the admin to the person they are linked to already: served, and nothing changes.
    'PUT /v1/people/:personId/member/:userId': { userId: (t) => t.users[0]!.id },
    // Unlinks the staff member from people[2] (the staff cases above run before the controls).
    'DELETE /v1/people/:personId/member/:userId': {
      personId: (t) => t.people[2] ?? PARAM_FIXTURES.personId!(t),
      userId: (t) => t.users.at(-1)!.id,
    },
    'POST /org/submissions/:personId/:submissionId/confirm': {
      submissionId: (t) => t.submissions?.[2] ?? PARAM_FIXTURES.submissionId!(t),
    },
    ...Object.fromEntries(
      [
        'GET /org/submissions/:personId/:submissionId/refuse',
        'POST /org/submissions/:personId/:submissionId/refuse',
      ].map((name) => [
        name,
        { submissionId: (t: SeededTenant) => t.submissions?.[3] ?? PARAM_FIXTURES.submissionId!(t) },
      ]),
    ),
    // N-6: the bureau evaluates a signed contract; the API's control files organisation B's final
    // evaluation, the page's organisation A's (one final per contract). The matrix changes one
    // template and removes the other.
    'POST /v1/jurisdiction/contracts/:organisationId/:contractId/evaluations': signedOf('orgB'),
    'POST /bureau/evaluations/contracts/:organisationId/:contractId/new': signedOf('orgA'),
    ...Object.fromEntries(
      [
        'GET /v1/jurisdiction/contracts/:organisationId/:contractId/evaluations',
        'GET /v1/jurisdiction/contracts/:organisationId/:contractId/evaluations/:evaluationId',
        'GET /v1/jurisdiction/contracts/:organisationId/:contractId/evaluations/:evaluationId/report.xlsx',
        'GET /bureau/evaluations/contracts/:organisationId/:contractId/new',
        'GET /bureau/evaluations/contracts/:organisationId/:contractId/:evaluationId',
        'GET /bureau/evaluations/contracts/:organisationId/:contractId/:evaluationId/report.xlsx',
      ].map((name) => [name, signedOf('orgA')]),
    ),
    'DELETE /v1/evaluation-templates/:templateId': {
      templateId: (t) => t.evaluations?.templates?.[1] ?? randomUUID(),
    },
    // Only a signed or running contract is amended and moves on (signed → running): the signed one.
    'POST /v1/contracts/:contractId/amendments': {
      contractId: (t) => t.contracts?.signed ?? PARAM_FIXTURES.contractId!(t),
    },
    'POST /v1/contracts/:contractId/transitions': {
      contractId: (t) => t.contracts?.signed ?? PARAM_FIXTURES.contractId!(t),
    },
    // Incubation: each decision takes its own waiting application (world.seedIncubation); the base
    // reissues its admitted organisation's admin invitation.
    'POST /v1/incubation/applications/:applicationId/admit': {
      applicationId: (t) => t.incubation?.applications[1] ?? randomUUID(),
    },
    'POST /v1/incubation/applications/:applicationId/decline': {
      applicationId: (t) => t.incubation?.applications[2] ?? randomUUID(),
    },
    'POST /v1/incubation/incubations/:incubationId/invitations/:invitationId/reissue': {
      invitationId: (t) => t.incubation?.invitationId ?? randomUUID(),
    },
    // The pages' decisions take the applications the world leaves for them (3 to 5).
    'POST /incubator/applications/:applicationId/notes': {
      applicationId: (t) => t.incubation?.applications[3] ?? randomUUID(),
    },
    'POST /incubator/applications/:applicationId/admit': {
      applicationId: (t) => t.incubation?.applications[4] ?? randomUUID(),
    },
    'POST /incubator/applications/:applicationId/decline': {
      applicationId: (t) => t.incubation?.applications[5] ?? randomUUID(),
    },
    'POST /incubator/orgs/:incubationId/invitations/:invitationId/reissue': {
      invitationId: (t) => t.incubation?.invitationId ?? randomUUID(),
    },
    // The base's pages mark and undo another milestone than the API's; the graduate page graduates
    // incubator A's graduand (seedGraduand), every other tenant's path names what it names elsewhere.
    'POST /incubator/orgs/:incubationId/milestones/:milestoneId': { milestoneId: () => 'first_certified' },
    'POST /incubator/orgs/:incubationId/milestones/:milestoneId/undo': { milestoneId: () => 'first_certified' },
    'POST /incubator/orgs/:incubationId/graduate': {
      incubationId: (t) => (t.label === 'incubatorA' ? graduand : PARAM_FIXTURES.incubationId!(t)),
    },
    // The platform reissues, suspends and restores another tenant (its own cannot be suspended): the
    // API acts on incubator B, the pages on bureau B, so one's controls leave the other its pending
    // invitation. Suspend comes before restore in the route table, so restore finds it suspended.
    ...Object.fromEntries(
      [
        ['POST /v1/tenants/:tenantId/invitations/:invitationId/reissue', 'incubatorB'],
        ['POST /v1/tenants/:tenantId/suspend', 'incubatorB'],
        ['POST /v1/tenants/:tenantId/restore', 'incubatorB'],
        ['POST /platform/tenants/:tenantId/invitations/:invitationId/reissue', 'bureauB'],
        ['POST /platform/tenants/:tenantId/suspend', 'bureauB'],
        ['POST /platform/tenants/:tenantId/restore', 'bureauB'],
      ].map(([name, label]) => [
        name,
        {
          tenantId: () => world.tenant(label as TenantLabel).id,
          invitationId: () => world.tenant(label as TenantLabel).invitation.id,
        },
      ]),
    ),
    // A bureau reads organisation A's signed contract (it has versions and a month of actuals) and
    // decides the contracts submitted for review (one for the API, one for the page).
    ...Object.fromEntries(
      [
        'GET /v1/jurisdiction/contracts/:organisationId/:contractId',
        'GET /v1/jurisdiction/contracts/:organisationId/:contractId/versions/:number',
        'GET /v1/jurisdiction/contracts/:organisationId/:contractId/actuals',
        'GET /bureau/contracts/:organisationId/:contractId',
      ].map((name) => [
        name,
        {
          contractId: (t: SeededTenant) =>
            t.kind === 'bureau' ? world.tenant('orgA').contracts!.signed : PARAM_FIXTURES.contractId!(t),
        },
      ]),
    ),
    'POST /v1/reviews/:organisationId/:contractId/decision': {
      contractId: (t) => (t.kind === 'bureau' ? submittedForReview.api : PARAM_FIXTURES.contractId!(t)),
    },
    'POST /bureau/contracts/:organisationId/:contractId/decision': {
      contractId: (t) => (t.kind === 'bureau' ? submittedForReview.page : PARAM_FIXTURES.contractId!(t)),
    },
    // Each step of a finding takes its own (world.seedRectifications): answered ones are accepted and
    // reopened, open ones answered; by the API and by the pages.
    ...Object.fromEntries(
      [
        ['POST /v1/rectifications/:rectificationId/accept', 1],
        ['POST /v1/rectifications/:rectificationId/reopen', 2],
        ['POST /bureau/rectifications/:rectificationId/accept', 3],
        ['POST /bureau/rectifications/:rectificationId/reopen', 4],
        ['POST /v1/org/rectifications/:rectificationId/answer', 5],
        ['POST /org/rectifications/:rectificationId/answer', 6],
      ].map(([name, index]) => [
        name as string,
        {
          rectificationId: (t: SeededTenant) =>
            t.rectifications?.[index as number] ?? PARAM_FIXTURES.rectificationId!(t),
        },
      ]),
    ),
    // P-A9: each decision and payment takes its own seeded claim (seedInternships).
    ...Object.fromEntries(
      [
        ['POST /bureau/claims/internships/:organisationId/:claimId/decision', 1],
        ['POST /v1/bureau/internship-claims/:organisationId/:claimId/payment', 2],
        ['POST /bureau/claims/internships/:organisationId/:claimId/payment', 3],
      ].map(([name, index]) => [
        name as string,
        {
          claimId: (t: SeededTenant) =>
            t.label === 'orgA' || t.label === 'bureauA' ? internshipClaims[index as number]! : randomUUID(),
        },
      ]),
    ),
    // The pages' amendment and status forms likewise (the edit form takes the draft).
    'POST /org/contracts/:contractId/amend': {
      contractId: (t) => t.contracts?.signed ?? PARAM_FIXTURES.contractId!(t),
    },
    'POST /org/contracts/:contractId/status': {
      contractId: (t) => t.contracts?.signed ?? PARAM_FIXTURES.contractId!(t),
    },
    // Actuals are recorded on a signed (or running) contract: the signed one, which has a month recorded.
    ...Object.fromEntries(
      [
        'PUT /v1/contracts/:contractId/actuals/:month',
        'GET /v1/contracts/:contractId/actuals/:month',
        'GET /v1/contracts/:contractId/actuals',
        'GET /v1/contracts/:contractId/budget-vs-actual',
        'GET /org/contracts/:contractId/actuals',
        'GET /org/contracts/:contractId/actuals/:month',
        'POST /org/contracts/:contractId/actuals/:month',
      ].map((name) => [
        name,
        { contractId: (t: SeededTenant) => t.contracts?.signed ?? PARAM_FIXTURES.contractId!(t) },
      ]),
    ),
    // The map: the API removes bureau A's second station and base, the pages the third; the page
    // ends organisation A's second posting.
    'DELETE /v1/map/stations/:stationId': {
      stationId: (t) => (t.label === 'bureauA' ? targets.stations[1]! : randomUUID()),
    },
    'POST /bureau/map/stations/:stationId/remove': {
      stationId: (t) => (t.label === 'bureauA' ? targets.stations[2]! : randomUUID()),
    },
    'DELETE /v1/map/bases/:baseId': { baseId: (t) => (t.label === 'bureauA' ? targets.bases[1]! : randomUUID()) },
    'POST /bureau/map/bases/:baseId/remove': {
      baseId: (t) => (t.label === 'bureauA' ? targets.bases[2]! : randomUUID()),
    },
    'POST /org/staff/:personId/postings/:postingId/end': {
      postingId: (t) => (t.label === 'orgA' ? targets.postings[1]! : randomUUID()),
    },
    'POST /bureau/map/communities/:communityCode/remove': {
      communityCode: (t) => (t.label === 'bureauA' ? REMOVABLE.communities[1]! : '450681001999'),
    },
    'POST /bureau/map/townships/:townshipCode/remove': {
      townshipCode: (t) => (t.label === 'bureauA' ? REMOVABLE.townships[1]! : '450681999'),
    },
  };

  /** A tenant's record version as the store holds it now (for If-Match and the platform's forms). */
  async function storedTenantVersion(tenantId: string): Promise<number> {
    const platform = world.tenant('platform');
    const directory = world.store.platform({ tenantId: platform.id, userId: 'isolation-matrix', kind: 'platform' });
    return (await directory.directory.get(tenantId).catch(() => undefined))?.version ?? 1;
  }

  /**
   * The head version of the contract a route's path names, as the store holds it now (for If-Match):
   * of the organisation the path names where it names one (a bureau's routes), else of the caller's.
   */
  async function storedContractVersion(route: AppRoute, ids: SeededTenant): Promise<number> {
    const fixture = ROUTE_PARAM_FIXTURES[route.name]?.contractId ?? PARAM_FIXTURES.contractId!;
    const tenantId = route.params.includes('organisationId') ? pathParam(route, ids, 'organisationId') : ids.id;
    const repos = world.store.tenant({ tenantId, userId: 'isolation-matrix' });
    return (await repos.contracts.get(fixture(ids)).catch(() => undefined))?.version ?? 1;
  }

  /** The head of a contract submitted for review that a bureau route's control decides (organisation A's). */
  async function storedReviewedContract(route: string) {
    const orgA = world.tenant('orgA');
    const id = ROUTE_PARAM_FIXTURES[route]?.contractId?.(world.tenant('bureauA'));
    const repos = world.store.tenant({ tenantId: orgA.id, userId: 'isolation-matrix' });
    return id ? repos.contracts.get(id).catch(() => undefined) : undefined;
  }

  /** A route whose path names the seeded record (for its milestones' version). */
  const incubationRoute = { name: 'incubation', params: ['incubationId'] } as unknown as AppRoute;

  /** The version of the base's template, or of the milestones of the record a route's path names (0: none yet). */
  async function storedIncubationVersion(route: AppRoute, ids: SeededTenant): Promise<number> {
    const support = world.store.tenant({ tenantId: ids.id, userId: 'isolation-matrix' }).incubationSupport;
    if (!route.params.includes('incubationId')) return (await support.template())?.version ?? 0;
    return (await support.milestones(pathParam(route, ids, 'incubationId'))).version;
  }

  /** A route by its name, for the fixtures that read what its path names. */
  const pageRoute = (name: string) => ({ name }) as AppRoute;

  /** The finding a route's path names, as the store holds it now (its version, for If-Match and forms). */
  async function storedRectification(route: AppRoute, ids: SeededTenant) {
    const id = pathParam(route, ids, 'rectificationId');
    const repos = world.store.tenant({ tenantId: ids.id, userId: 'isolation-matrix' });
    const read = ids.kind === 'bureau' ? repos.rectifications.ofBureau(id) : repos.rectifications.ofOrganisation(id);
    return read.catch(() => undefined);
  }

  /** The seeded month of actuals as the store holds it now (its revision, for If-Match and the form). */
  async function storedMonth(ids: SeededTenant) {
    const repos = world.store.tenant({ tenantId: ids.id, userId: 'isolation-matrix' });
    const id = ids.contracts?.signed ?? '';
    return repos.actuals.month(id, SEEDED_ACTUAL_MONTH).catch(() => undefined);
  }

  /** The person a route's path names, as the store holds it now (its version, for If-Match and forms). */
  async function storedPerson(route: AppRoute, ids: SeededTenant) {
    const fixture = ROUTE_PARAM_FIXTURES[route.name]?.personId ?? PARAM_FIXTURES.personId!;
    return world.store.tenant({ tenantId: ids.id, userId: 'isolation-matrix' }).people.find(fixture(ids));
  }

  /** P-A9: organisation A's first internship claim (seedInternships), which bureau A decides; others have none. */
  const INTERNSHIP_CLAIM = (t: SeededTenant) =>
    t.label === 'orgA' || t.label === 'bureauA' ? internshipClaims[0]! : randomUUID();

  /** The fixture of one parameter of a route: its own, else the parameter's (award and internship claims share `claimId`). */
  function fixtureFor(route: AppRoute, name: string): ((tenant: SeededTenant) => string) | undefined {
    const own = ROUTE_PARAM_FIXTURES[route.name]?.[name];
    if (own) return own;
    if (name === 'claimId' && route.path.includes('internship')) return INTERNSHIP_CLAIM;
    return PARAM_FIXTURES[name];
  }

  /** The value a route's path gives one parameter for these ids. */
  function pathParam(route: AppRoute, ids: SeededTenant, name: string): string {
    return fixtureFor(route, name)?.(ids) ?? 'unknown-parameter';
  }

  function pathFor(route: AppRoute, ids: SeededTenant): string {
    return fillPath(route.path, Object.fromEntries(route.params.map((p) => [p, pathParam(route, ids, p)])));
  }

  interface Call {
    /** Whose ids fill the path. */
    ids: SeededTenant;
    /** The caller; undefined: nobody signed in. */
    as?: TokenSubject;
    /** Exactly this credential (bearer token or session cookie) instead of a good token for `as`. */
    token?: string | undefined;
    /** The kind whose roles the body uses (the caller's; the ids' by default). */
    kind?: TenantKind;
    /** For a page post: how the CSRF token is sent. */
    csrf?: 'same-origin' | 'missing' | 'cross-site';
  }

  /**
   * Calls a route the way its client would. API: the filled path, the OpenAPI example body,
   * If-Match "1" and a fresh Idempotency-Key. Page: the session cookie, and for a post the form
   * fixture with a matching CSRF token.
   */
  async function call(route: AppRoute, { ids, as, token, kind, csrf }: Call): Promise<Response> {
    const method = requestMethod(route);
    const path = pathFor(route, ids);
    const bodyKind = kind ?? as?.kind ?? ids.kind;
    if (route.surface === 'page') {
      const form = isMutating(method) ? await PAGE_FORMS[route.name]?.({ ids, kind: bodyKind }) : undefined;
      const response = await world.page(method, path, {
        ...(as ? { as } : {}),
        ...(token ? { token } : {}),
        ...(form ? { form } : {}),
        ...(csrf ? { csrf } : {}),
      });
      await importsSettled();
      return response;
    }
    const headers: Record<string, string> = {};
    if (isMutating(method)) {
      // A person is changed by several routes (and the ladder's promotions): send the version it has now.
      // So is a contract (edits, amendments, status): its head's version.
      headers['If-Match'] = isTargetMapRoute(route)
        ? `"${await storedTargetVersion(route, ids)}"`
        : route.params.includes('claimId') && route.path.includes('internship')
          ? `"${(await storedInternshipClaim(route, ids))?.version ?? 1}"`
          : route.params.includes('claimId')
            ? `"${await storedClaimVersion(route, ids)}"`
            : route.params.includes('rectificationId')
              ? `"${(await storedRectification(route, ids))?.version ?? 1}"`
              : route.params.includes('personId')
                ? `"${(await storedPerson(route, ids))?.version ?? 1}"`
                : route.params.includes('month')
                  ? `"${(await storedMonth(ids))?.revision ?? 1}"`
                  : route.params.includes('contractId')
                    ? `"${await storedContractVersion(route, ids)}"`
                    : route.params.includes('tenantId')
                      ? `"${await storedTenantVersion(pathParam(route, ids, 'tenantId'))}"`
                      : route.params.includes('milestoneId') || route.path.endsWith('/incubation/template')
                        ? `"${await storedIncubationVersion(route, ids)}"`
                        : route.path.endsWith('/internships/base')
                          ? `"${(await world.store.tenant({ tenantId: ids.id, userId: 'isolation-matrix' }).internships.base())?.version ?? 0}"`
                          : '"1"';
      headers['Idempotency-Key'] = `matrix-${randomUUID()}`;
    }
    const example = openapi.bodyExample(route);
    // A body that is not JSON (a csv roster) goes as it is, with its own Content-Type.
    const raw = example && 'example' in example && !/json/.test(example.mediaType) ? example : undefined;
    if (raw) headers['Content-Type'] = raw.mediaType;
    const json =
      example && 'example' in example && !raw
        ? ownCertificateNumbers(forKind(example.example, bodyKind), bodyKind)
        : undefined;
    const response = await world.request(method, path, {
      headers,
      ...(as ? { as } : {}),
      ...(token ? { token } : {}),
      ...(json !== undefined ? { json } : {}),
      ...(raw ? { body: String(raw.example) } : {}),
    });
    await importsSettled();
    return response;
  }

  /** The map's and postings' routes send the version of what they change (seedTargetMap). */
  const isTargetMapRoute = (route: AppRoute) =>
    route.params.includes('communityCode') ||
    route.params.includes('townshipCode') ||
    route.params.includes('stationId') ||
    route.params.includes('baseId') ||
    route.params.includes('postingId') ||
    route.path.endsWith('/map/baseline');

  async function storedTargetVersion(route: AppRoute, ids: SeededTenant): Promise<number> {
    if (route.params.includes('postingId')) {
      const repos = world.store.tenant({ tenantId: ids.id, userId: 'isolation-matrix' });
      const posting = await repos.postings
        .get(pathParam(route, ids, 'personId'), pathParam(route, ids, 'postingId'))
        .catch(() => undefined);
      return posting?.version ?? 1;
    }
    // Read as the city's own bureau (bureau A): the map is the city's, whichever tenant the case is about,
    // and only a bureau's session may read it when the data-access policy is evaluated.
    const map = await world.store
      .cityMap({ tenantId: world.tenant('bureauA').id, userId: 'isolation-matrix', kind: 'bureau' }, '450600')
      .read();
    if (route.params.includes('communityCode'))
      return map.communities.find((x) => x.code === pathParam(route, ids, 'communityCode'))?.version ?? 1;
    if (route.params.includes('townshipCode'))
      return map.townships.find((x) => x.code === pathParam(route, ids, 'townshipCode'))?.version ?? 1;
    if (route.params.includes('stationId'))
      return map.stations.find((x) => x.id === pathParam(route, ids, 'stationId'))?.version ?? 1;
    if (route.params.includes('baseId'))
      return map.bases.find((x) => x.id === pathParam(route, ids, 'baseId'))?.version ?? 1;
    return map.baseline?.version ?? 0;
  }

  /** A roster import writes after its 202; wait for it, so its writes land inside the case that caused them. */
  const importsSettled = () => (importRunner(world.deps) as InProcessImportRunner).settled();

  async function expectProblem(response: Response, status: number) {
    const text = await response.text();
    expect({ status: response.status, body: text.slice(0, 300) }).toMatchObject({ status });
    expect(response.headers.get('Content-Type') ?? '').toMatch(/^application\/problem\+json/);
    expect(JSON.parse(text)).toMatchObject({ status });
  }

  /** An API answer is a problem+json of that status; a page answer has that status. */
  async function expectRefusal(route: AppRoute, response: Response, status: number) {
    if (route.surface === 'api') return expectProblem(response, status);
    expect({ status: response.status, body: (await response.text()).slice(0, 300) }).toMatchObject({ status });
  }

  /** A redirect to the sign-in page; `next`, when given, is where it must bring the user back. */
  function expectSignIn(response: Response, next?: string) {
    expect(response.status).toBeOneOf([302, 303]);
    const location = new URL(response.headers.get('Location') ?? '', 'http://localhost');
    expect(location.pathname).toBe('/auth/login');
    if (next !== undefined) expect(location.searchParams.get('next')).toBe(next);
  }

  /** Every id of a tenant that another tenant must never see. */
  function idsOf(tenant: SeededTenant): string[] {
    return [
      tenant.id,
      tenant.invitation.id,
      tenant.invitation.token,
      ...tenant.users.flatMap((u) => [u.id, u.email]),
      ...(tenant.incubation ? [...tenant.incubation.applications, tenant.incubation.organisationId] : []),
    ];
  }

  const describePolicy = (policy: AccessPolicy | undefined) =>
    !policy
      ? 'no policy'
      : 'public' in policy
        ? 'public'
        : `${policy.kinds.join('|')} × ${policy.roles === 'any' ? 'any role' : policy.roles.join('|')}`;

  /** The route table itself: one policy per route, reasons, fixtures and examples for every route. */
  function routeTable(): void {
    describe('the route table', () => {
      it('is read from the app, API and pages', () => {
        expect(routes.map((r) => r.name)).toEqual(expect.arrayContaining(['GET /v1/me', 'GET /v1/users']));
        expect(routes.some((r) => r.surface === 'page')).toBe(world.pagesMounted);
      });

      it('gives every route exactly one handler that declares its access policy', () => {
        const offenders = routes
          .filter((r) => r.policies.length !== 1)
          .map((r) => `${r.name}: ${r.policies.length} policies`);
        expect(offenders).toEqual([]);
      });

      it('makes every public route say why it is public', () => {
        const offenders = routes.filter(isPublic).filter((r) => {
          const policy = r.policies[0] as { reason?: string };
          return typeof policy.reason !== 'string' || policy.reason.trim().length < 10;
        });
        expect(offenders.map((r) => r.name)).toEqual([]);
      });

      it('makes every shared route say why tenants share what it reads, and share only reads', () => {
        const offenders = routes
          .filter((r) => sharedReason(r) !== undefined)
          .filter((r) => sharedReason(r)!.trim().length < 10 || requestMethod(r) !== 'GET');
        expect(offenders.map((r) => r.name)).toEqual([]);
      });

      it('has a fixture for every path parameter', () => {
        const offenders = routes.flatMap((r) =>
          r.params.filter((p) => !PARAM_FIXTURES[p]).map((p) => `${r.name} (:${p})`),
        );
        expect(offenders).toEqual([]);
      });

      it('documents every mutating API route, with an example for each request body', () => {
        const offenders = routes
          .filter((r) => r.surface === 'api' && isMutating(requestMethod(r)))
          .flatMap((r) => {
            if (!openapi.operation(r)) return [`${r.name}: not in /v1/openapi.json`];
            const example = openapi.bodyExample(r);
            return example && 'missing' in example ? [`${r.name}: request body has no example`] : [];
          });
        expect(offenders).toEqual([]);
      });

      it('has a form fixture for every protected page post', () => {
        expect(pagePosts.filter((r) => !PAGE_FORMS[r.name]).map((r) => r.name)).toEqual([]);
      });
    });
  }

  /** Every protected API route refuses every kind of bad token with 401. */
  function badTokens(): void {
    describe.each(apiRoutes.map((r) => [r.name, r] as const))('%s refuses a bad token', (_, route) => {
      it.each(BAD_TOKENS)('%s → 401 problem', async (which) => {
        const { ids, other, subject } = admittedSubject(route);
        const token = await badToken(world.issuer, which, subject, other.id);
        await writes.drain();
        const response = await call(route, { ids, ...(token ? { token } : {}) });
        await expectProblem(response, 401);
        expect(await writes.drain()).toEqual([]);
      });
    });
  }

  /** Every protected page without a valid session sends the browser to sign in, and writes nothing. */
  function pagesWithoutSession(): void {
    describe.each(pageRoutes.map((r) => [r.name, r] as const))('%s without a valid session', (_, route) => {
      const method = requestMethod(route);

      it.each(BAD_TOKENS)(
        method === 'GET' ? '%s → to sign in, and back here after' : '%s → refused, nothing written',
        async (which) => {
          const { ids, other, subject } = admittedSubject(route);
          const token = await badToken(world.issuer, which, subject, other.id);
          await writes.drain();
          const response = await call(route, { ids, ...(token ? { token } : {}) });
          if (method === 'GET') expectSignIn(response, pathFor(route, ids));
          else if (response.status < 400) expectSignIn(response);
          else expect(response.status).toBeOneOf([401, 403]);
          expect(await writes.drain()).toEqual([]);
        },
      );
    });
  }

  /** A page post without its CSRF token, or from another site, writes nothing. */
  function forgedPosts(): void {
    describe.each(pagePosts.map((r) => [r.name, r] as const))('%s, posted by an admitted user', (_, route) => {
      it.each([
        ['without its CSRF token', 'missing'],
        ['from another site', 'cross-site'],
      ] as const)('%s → 403, nothing written', async (_, csrf) => {
        const { ids, subject } = admittedSubject(route);
        await writes.drain();
        const response = await call(route, { ids, as: subject, csrf });
        expect(response.status).toBe(403);
        expect(await writes.drain()).toEqual([]);
      });
    });
  }

  /** Tenant B with tenant A’s ids: 404 and nothing changes; lists hold none of A’s ids. */
  function crossTenant(): void {
    const crossTenantCases = guarded.flatMap((route) =>
      PAIRED_KINDS.filter((kind) => strictest(route).kinds.includes(kind)).map(
        (kind) => [route.name, article(kind), kind, route] as const,
      ),
    );

    describe.each(crossTenantCases)('%s by %s user of tenant B with tenant A’s ids', (_, _who, kind, route) => {
      const policy = strictest(route);

      if (route.params.length > 0 && sharedReason(route)) {
        // Published policy (a bureau's rule set) is the same for everyone by design: B is served what A
        // is, and nothing changes. An API answer must be identical; a page's <main> (the shell around it
        // names the signed-in user).
        it(`→ the same answer as tenant A gets (shared: ${sharedReason(route)})`, async () => {
          const { a, b } = world.pair(kind);
          const role = admittedRoles(policy, kind)[0];
          await writes.drain();
          const ofA = await call(route, { ids: a, as: world.user(a.label, role) });
          const ofB = await call(route, { ids: a, as: world.user(b.label, role) });
          const part = (text: string) =>
            route.surface === 'api' ? text : (/<main[\s\S]*<\/main>/.exec(text)?.[0] ?? '');
          expect(ofA.status).toBe(200);
          expect(ofB.status).toBe(200);
          const [textA, textB] = [part(await ofA.text()), part(await ofB.text())];
          expect(textA.length).toBeGreaterThan(0);
          expect(textB).toBe(textA);
          expect(await writes.drain()).toEqual([]);
        });
      } else if (route.params.length > 0) {
        it('→ 404, and the table is unchanged', async () => {
          const { a, b } = world.pair(kind);
          const caller = world.user(b.label, admittedRoles(policy, kind)[0]);
          await writes.drain();
          const response = await call(route, { ids: a, as: caller });
          await expectRefusal(route, response, 404);
          expect(await writes.drain()).toEqual([]);
        });
      } else {
        it('answers without any of tenant A’s ids, and leaves tenant A’s items alone', async () => {
          const { a, b } = world.pair(kind);
          const caller = world.user(b.label, admittedRoles(policy, kind)[0]);
          await writes.drain();
          const response = await call(route, { ids: b, as: caller });
          expect(response.status).toBeLessThan(500);
          const body = await response.text();
          const leaked = idsOf(a).filter((id) => body.includes(id) || body.includes(encodeURIComponent(id)));
          expect(leaked).toEqual([]);
          expect((await writes.drain()).filter((write) => write.includes(` T#${a.id}`))).toEqual([]);
        });
      }
    });
  }

  /** Tenant B’s searches for tenant A’s names and numbers find none of A’s records. */
  function searches(): void {
    // Searches (issue 10, point 5): every list route, API or page, called by tenant B with a search
    // for tenant A's names and numbers, finds none of A's records. Every GET route without path
    // parameters gets the search, so a list that learns to search later is covered too (a route that
    // takes no `q` ignores it and must leak nothing either way).
    const searchCases = guarded
      .filter((route) => requestMethod(route) === 'GET' && route.params.length === 0)
      .flatMap((route) =>
        PAIRED_KINDS.filter((kind) => strictest(route).kinds.includes(kind)).map(
          (kind) => [route.name, article(kind), kind, route] as const,
        ),
      );

    /** What tenant A's records are found by: its people's names and certificate numbers, its contracts' numbers and titles. */
    async function searchTermsOf(a: SeededTenant): Promise<string[]> {
      const repos = world.store.tenant({ tenantId: a.id, userId: 'isolation-matrix' });
      const people = [...(await repos.people.findMany(a.people)).values()];
      const contracts = await Promise.all(
        [a.contracts?.draft, a.contracts?.signed].flatMap((id) =>
          id ? [repos.contracts.get(id).catch(() => undefined)] : [],
        ),
      );
      return [
        a.name,
        ...people.flatMap((p) => [p.name, ...p.certificates.map((c) => c.number)]),
        ...contracts.flatMap((c) => (c ? [c.number, c.title] : [])),
      ];
    }

    describe.each(searchCases)(
      '%s searched by %s user of tenant B for tenant A’s names and numbers',
      (_, _who, kind, route) => {
        it('finds none of tenant A’s records', async () => {
          const { a, b } = world.pair(kind);
          const caller = world.user(b.label, admittedRoles(strictest(route), kind)[0]);
          const ofA = [...idsOf(a), ...a.people, ...Object.values(a.contracts ?? {})];
          for (const term of await searchTermsOf(a)) {
            const path = `${fillPath(route.path, {})}?q=${encodeURIComponent(term)}`;
            const response =
              route.surface === 'api'
                ? await world.request('GET', path, { as: caller })
                : await world.page('GET', path, { as: caller });
            // Served or refused, never failing (organisation B has no ladder: its ladder routes answer 404).
            expect({ term, failed: response.status >= 500 }).toEqual({ term, failed: false });
            const body = await response.text();
            expect({
              term,
              leaked: ofA.filter((id) => body.includes(id) || body.includes(encodeURIComponent(id))),
            }).toEqual({
              term,
              leaked: [],
            });
          }
        });
      },
    );
  }

  /** The platform’s routes with ids that are no tenant’s, or another tenant’s. */
  function platformIds(): void {
    // The platform's routes reach into other tenants by design, so "tenant B with tenant A's ids" does
    // not apply to them; instead, ids that are no tenant's, or an invitation of another tenant than
    // the one the path names, answer 404 and change nothing.
    const platformIdCases = guarded
      .filter((route) => strictest(route).kinds.includes('platform') && route.params.includes('tenantId'))
      .flatMap((route) => [
        [route.name, 'a tenant id that is no tenant’s', route] as const,
        ...(route.params.includes('invitationId')
          ? [[route.name, 'another tenant’s invitation id', route] as const]
          : []),
      ]);

    describe.each(platformIdCases)('%s by the platform admin with %s', (_, which, route) => {
      it('→ 404, and the table is unchanged', async () => {
        const platform = world.tenant('platform');
        const ids: SeededTenant = {
          ...platform,
          id: which.startsWith('a tenant id') ? randomUUID() : world.tenant('orgB').id,
          invitation: { ...platform.invitation, id: world.tenant('orgA').invitation.id },
        };
        const values = Object.fromEntries(
          route.params.map((p) => [p, p === 'tenantId' ? ids.id : pathParam(route, ids, p)]),
        );
        if (route.params.includes('invitationId')) values.invitationId = ids.invitation.id;
        const path = fillPath(route.path, values);
        await writes.drain();
        const method = requestMethod(route);
        const as = world.user('platform');
        const response =
          route.surface === 'api'
            ? await world.request(method, path, {
                as,
                headers: isMutating(method) ? { 'If-Match': '"1"' } : {},
                ...(route.name.endsWith('/suspend') ? { json: { reason: '矩阵测试暂停' } } : {}),
              })
            : await world.page(method, path, {
                as,
                ...(isMutating(method) ? { form: { reason: '矩阵测试暂停', version: '1' } } : {}),
              });
        await expectRefusal(route, response, 404);
        expect(await writes.drain()).toEqual([]);
      });
    });
  }

  /** A user of an admitted kind without an admitted role: 403, nothing changes. */
  function wrongRoles(): void {
    const wrongRoleCases = guarded.flatMap((route) => {
      const policy = strictest(route);
      return policy.kinds.flatMap((kind) =>
        refusedRoles(policy, kind).map((role) => [route.name, article(kind), role, kind, route] as const),
      );
    });

    describe.each(wrongRoleCases)('%s by %s %s (a role it does not admit)', (_, _who, role, kind, route) => {
      it('→ 403, and nothing changes', async () => {
        const ids = world.tenant(labelOf(kind));
        await writes.drain();
        const response = await call(route, { ids, as: world.user(ids.label, role) });
        await expectRefusal(route, response, 403);
        expect(await writes.drain()).toEqual([]);
      });
    });
  }

  /** A user of a kind the route does not admit: 403, nothing changes. */
  function wrongKinds(): void {
    const wrongKindCases = guarded.flatMap((route) => {
      const policy = strictest(route);
      return TENANT_KINDS.filter((kind) => !policy.kinds.includes(kind)).map(
        (kind) => [route.name, article(kind), kind, route] as const,
      );
    });

    describe.each(wrongKindCases)('%s by the admin of %s (a kind it does not admit)', (_, _who, kind, route) => {
      it('→ 403, and nothing changes', async () => {
        const ids = world.tenant(labelOf(kind));
        await writes.drain();
        const response = await call(route, { ids, as: world.user(ids.label) });
        await expectRefusal(route, response, 403);
        expect(await writes.drain()).toEqual([]);
      });
    });
  }

  /** A staff member’s own record (我的档案) holds their own person and no one else’s. */
  function ownRecords(): void {
    // 我的档案 takes no person id: which person a member is comes from the link hr set. A staff member
    // is served their own person only, by the API and by the page, and nobody else's id appears.
    describe('a staff member’s own record', () => {
      it.each(['orgA', 'orgB', 'incubatorA'] as const)(
        'in %s holds their own person and no one else’s',
        async (label) => {
          const tenant = world.tenant(label);
          const staff = world.user(label, 'staff');
          const [own, ...others] = [tenant.people[2]!, tenant.people[0]!, tenant.people[1]!];
          const foreign = idsOf(world.tenant(label === 'orgA' ? 'orgB' : 'orgA'));
          await writes.drain();
          const api = await world.request('GET', '/v1/me/record', { as: staff });
          expect(api.status).toBe(200);
          const body = await api.text();
          expect((JSON.parse(body) as { person: { id: string } }).person.id).toBe(own);
          const page = await (await world.page('GET', '/my/record', { as: staff })).text();
          for (const text of [body, /<main[\s\S]*<\/main>/.exec(page)?.[0] ?? '']) {
            expect(others.filter((id) => text.includes(id))).toEqual([]);
            expect(foreign.filter((id) => text.includes(id))).toEqual([]);
          }
          expect(await writes.drain()).toEqual([]);
        },
      );
    });
  }

  /** Controls: a user the policy admits is served. They may write, so they come last. */
  function controls(): void {
    // Last, because they may write.
    const controlCases = guarded.flatMap((route) => {
      const policy = strictest(route);
      return policy.kinds.map((kind) => [route.name, article(kind), describePolicy(policy), kind, route] as const);
    });

    describe.each(controlCases)('control: %s by %s user it admits (%s)', (_, _who, _policy, kind, route) => {
      it('is served', async () => {
        const policy = strictest(route);
        const ids = world.tenant(labelOf(kind));
        const response = await call(route, { ids, as: world.user(ids.label, admittedRoles(policy, kind)[0]) });
        const outcome = { status: response.status, body: (await response.text()).slice(0, 300) };
        if (route.surface === 'api') {
          // The OpenAPI example, the fixture ids and If-Match "1" make a good request.
          // 202: accepted for work after the response (a roster import).
          expect(outcome).toMatchObject({ status: expect.toBeOneOf([200, 201, 202, 204]) });
        } else {
          expect(outcome).toMatchObject({ status: expect.toBeOneOf([200, 201, 204, 302, 303]) });
          expect(response.headers.get('Location') ?? '').not.toMatch(/^\/auth\/login/);
        }
      });
    });
  }

  const declare: Record<MatrixFamily, () => void> = {
    routeTable,
    badTokens,
    pagesWithoutSession,
    forgedPosts,
    crossTenant,
    searches,
    platformIds,
    wrongRoles,
    wrongKinds,
    ownRecords,
    controls,
  };
  for (const family of MATRIX_FAMILIES) if (families.includes(family)) declare[family]();
}

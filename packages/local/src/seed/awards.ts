import {
  actingAs,
  approveAwardClaim,
  createAwardClaim,
  endorseAwardClaim,
  recordAwardPayment,
  recordHistoricalAward,
  refuseAwardClaim,
  type UseCaseContext,
  withdrawAwardClaim,
} from '@shegong/core';
import { addDays, idCardCheckCharacter, type PersonInput } from '@shegong/domain';
import { idCardHash, readLedger, type Store } from '@shegong/store';
import { adminOf, DEMO_TENANTS, type DemoTenant, userOf } from './demo-data.ts';
import { DEMO_PEOPLE, DEMO_TODAY, type DemoPerson } from './demo-people.ts';
import { demoStaffPerson } from './member-links.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * Seed part 'awards-v1' (issue 13, level-improvement awards P-A2 … P-A7): claims in every state, so
 * each user has something to do — 阳光 (港口区, decided by the city): one waiting for the admin's
 * endorsement, one waiting for the city's approval, one approved and waiting for payment, one paid,
 * one refused, one withdrawn; 同心 (东兴, decided by the 东兴 bureau): one waiting for approval, one
 * paid, and a person paid ¥1,000 under the old system (a historical entry) whose claim for the
 * social-worker level shows only the difference. Also a civil servant on establishment at 同心 (P-A6:
 * a claim for them is refused). The staff sign-ins' own people are left free to claim themselves.
 * Made through the same use cases the API runs, as of the demo's today; a person who has a claim
 * already is skipped, so a seed cut short completes on the next start.
 */

type Outcome = 'submitted' | 'endorsed' | 'approved' | 'paid' | 'refused' | 'withdrawn';

const YANGGUANG_OUTCOMES: Outcome[] = ['submitted', 'endorsed', 'approved', 'paid', 'refused', 'withdrawn'];
const TONGXIN_OUTCOMES: Outcome[] = ['endorsed', 'paid'];

/** The civil servant on establishment at 同心 (P-A6): an assistant social worker since 2020. */
export const DEMO_CIVIL_SERVANT_ID = '5e0b6a1c-2f3d-4c5e-8a7b-9c0d1e2f3a4b';
function civilServant(tenant: DemoTenant): PersonInput {
  const first17 = '45068119880312123';
  return {
    name: '韦在编',
    idCardNumber: `${first17}${idCardCheckCharacter(first17)}`,
    phone: '13977012345',
    education: { level: 'bachelor', socialWorkMajor: true },
    employmentType: 'civil_servant',
    monthlyPay: 5_200_00,
    employment: [{ employer: tenant.name, region: tenant.region, start: '2020-03-01', socialWork: true }],
    certificates: [{ level: 'assistant', number: '2020145068100901', obtainedOn: '2020-06-21' }],
    continuingEducation: [],
  };
}

const tenantOf = (domain: string) => DEMO_TENANTS.find((t) => t.domain === domain) as DemoTenant;
const bureauOf = (org: DemoTenant) => tenantOf(org.region === '450681' ? 'dx-mzj.demo' : 'fcg-mzj.demo');

async function contexts(store: Store, org: DemoTenant) {
  const bureau = bureauOf(org);
  const admin = await actingAs(
    { store, today: () => DEMO_TODAY },
    { tenantId: org.id, userId: await adminOf(store, org) },
  );
  const reviewer = await actingAs(
    { store, today: () => DEMO_TODAY },
    { tenantId: bureau.id, userId: await userOf(store, `reviewer@${bureau.domain}`) },
  );
  // The payment voucher's prefix: the bureau's (东兴's or the city's).
  const voucher = bureau.domain === 'dx-mzj.demo' ? '东民财' : '防民财';
  return { admin, reviewer, voucher };
}

/** Claims for a person and takes the claim to `outcome`, each step as its user would. */
async function claimTo(
  ctx: { admin: UseCaseContext; reviewer: UseCaseContext; voucher: string },
  person: DemoPerson,
  outcome: Outcome,
): Promise<void> {
  const { claim } = await createAwardClaim(ctx.admin, { personId: person.id });
  let version = claim.version;
  if (outcome === 'submitted') return;
  if (outcome === 'withdrawn') {
    await withdrawAwardClaim(ctx.admin, claim.id, version);
    return;
  }
  version = (await endorseAwardClaim(ctx.admin, claim.id, version)).claim.version;
  if (outcome === 'endorsed') return;
  if (outcome === 'refused') {
    await refuseAwardClaim(
      ctx.reviewer,
      claim.id,
      { reason: '连续从业证明（劳动合同、社保缴费记录）未附，请补充后重新申领' },
      version,
    );
    return;
  }
  version = (await approveAwardClaim(ctx.reviewer, claim.id, version)).claim.version;
  if (outcome === 'approved') return;
  await recordAwardPayment(
    ctx.reviewer,
    claim.id,
    { date: DEMO_TODAY, reference: `${ctx.voucher}〔2026〕${person.id.slice(0, 3)}号` },
    version,
  );
}

/** Whether the person has any claim already (a start cut short made it). */
async function claimed(ctx: UseCaseContext, personId: string): Promise<boolean> {
  return (await ctx.repos.awardClaims.ofPerson(personId, { limit: 1 })).items.length > 0;
}

/** Certified people of an organisation, its staff sign-in's own person left out. */
function claimants(people: readonly DemoPerson[]): DemoPerson[] {
  const staff = demoStaffPerson(people);
  return people.filter((p) => p.plan.level !== 'none' && p.id !== staff.id);
}

SEED_PARTS.push({
  name: 'awards-v1',
  async run(store: Store) {
    for (const { tenant, people } of DEMO_PEOPLE) {
      const ctx = await contexts(store, tenant);
      const chosen = claimants(people);
      const outcomes = tenant.domain === 'yangguang.demo' ? YANGGUANG_OUTCOMES : TONGXIN_OUTCOMES;
      for (const [i, outcome] of outcomes.entries()) {
        const person = chosen[i];
        if (!person) throw new Error(`${tenant.domain} has too few certified demo people for the award claims`);
        if (!(await claimed(ctx.admin, person.id))) await claimTo(ctx, person, outcome);
      }
      if (tenant.domain !== 'tongxin.demo') continue;
      // Paid under the old system: a social worker whose assistant award (¥1,000) the 东兴 bureau
      // paid in 2019, recorded as history; their claim then shows ¥2,000 − ¥1,000 = ¥1,000.
      const paidBefore = chosen.find((p, i) => i >= outcomes.length && p.plan.level === 'social_worker');
      if (!paidBefore) throw new Error('同心 has no further social worker for the historical award');
      if (!(await claimed(ctx.admin, paidBefore.id))) {
        const lower = paidBefore.input.certificates.find((c) => c.level === 'assistant');
        const ledger = await readLedger(store, idCardHash(paidBefore.input.idCardNumber));
        if (!ledger.head)
          await recordHistoricalAward(ctx.reviewer, {
            idCardNumber: paidBefore.input.idCardNumber,
            name: paidBefore.input.name,
            date: lower ? addDays(lower.obtainedOn, 180) : '2019-12-20',
            level: 'assistant',
            amount: 1_000_00,
            reference: '东民〔2019〕37号（系统上线前发放）',
          });
        await claimTo(ctx, paidBefore, 'endorsed');
      }
      if (!(await ctx.admin.repos.people.find(DEMO_CIVIL_SERVANT_ID)))
        await ctx.admin.repos.people.create(civilServant(tenant), DEMO_CIVIL_SERVANT_ID);
    }
  },
});

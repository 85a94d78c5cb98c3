import {
  actingAs,
  addIntern,
  decideInternshipClaim,
  interns,
  internshipBase,
  ownInternshipClaim,
  recordExamCost,
  recordInternshipPayment,
  recordRecognition,
  saveInternshipBase,
  submitInternshipClaim,
  type UseCaseContext,
} from '@shegong/core';
import { FANGCHENGGANG_2023_V2, type InternshipClaim, type NewRuleSet } from '@shegong/domain';
import { type Store, StoreError } from '@shegong/store';
import { adminOf, DEMO_TENANTS, type DemoTenant, userOf } from './demo-data.ts';
import { DEMO_PEOPLE } from './demo-people.ts';
import { SEED_PARTS } from './parts.ts';
// After the rule sets, the people and the contracts (a bureau names organisations with contracts).
import './rule-sets.ts';
import './people.ts';
import './contracts.ts';

/**
 * Seed part 'incentives-v1' (issue 13): exam costs (P-A1), recognitions (P-A8) and internship
 * subsidies (P-A9), through the same use cases as the API.
 *
 * - The city bureau publishes a version of its rule set in force from 2026-09-01 that adds P-A9's
 *   rates, which the seed does not give: ¥1,350 internship subsidy and ¥30 insurance subsidy per
 *   intern-month, ILLUSTRATIVE (marked so), chosen near Guangxi's practice of paying graduates
 *   on internship a share of the local minimum wage. Everything else is the correction (v2) as is.
 * - 阳光 (港口区) reimbursed three exams of its staff (2023, 2024 and 2025); an exam of 2022 would be
 *   refused (P-A1), so none is stored.
 * - The city bureau records a national recognition of 阳光 (advanced unit, 2025: ¥20,000); 东兴's
 *   bureau a regional one of 同心 (talent training base, 2024: ¥10,000).
 * - 阳光 is an internship base (recognised 2025-03-01) with three interns: a full-time student
 *   graduating 2026-06-30, a graduate of 2025-07-01 and one of 2023-06-30 (beyond the 2-year window
 *   from 2025-07). Claims: the student's 2026-03..05 waiting for the bureau; the 2025 graduate's
 *   2025-09..11 approved and paid, and 2025-12..2026-02 approved, payment to record.
 * Each step is keyed (or checks what is there), so a part cut short completes on the next start.
 */

/** The day the demo's entries are recorded as of (they must not lie in the future). */
const AS_OF = '2026-11-30';
const RATES_FROM = '2026-09-01';
const RATES_ID = `450600-${RATES_FROM}-v1`;

const tenant = (domain: string): DemoTenant => {
  const found = DEMO_TENANTS.find((t) => t.domain === domain);
  if (!found) throw new Error(`no demo tenant ${domain}`);
  return found;
};

export const INTERNSHIP_RATES_RULE_SET: NewRuleSet = {
  ...FANGCHENGGANG_2023_V2,
  effectiveFrom: RATES_FROM,
  title: '防城港市社会工作人才激励保障参数（2026，见习补贴标准）',
  notes:
    '公布见习补贴（P-A9）标准：见习补贴每人每月 ¥1,350、意外伤害/工伤保险补贴每人每月 ¥30（示例值）；其余参数与 2023 年更正版相同。',
  parameters: {
    ...FANGCHENGGANG_2023_V2.parameters,
    awards: {
      ...FANGCHENGGANG_2023_V2.parameters.awards,
      internshipRates: { internship: 1_350_00, insurance: 30_00 },
    },
  },
  illustrative: [
    ...FANGCHENGGANG_2023_V2.illustrative,
    'awards.internshipRates.internship',
    'awards.internshipRates.insurance',
  ],
};

const EXAMS = [
  { person: 0, examDate: '2023-06-17', level: 'assistant', registrationFee: 160_00, textbooks: 98_00, travel: 126_00 },
  {
    person: 1,
    examDate: '2024-06-15',
    level: 'social_worker',
    registrationFee: 180_00,
    textbooks: 236_00,
    travel: 312_50,
  },
  {
    person: 0,
    examDate: '2025-06-14',
    level: 'social_worker',
    registrationFee: 180_00,
    textbooks: 236_00,
    travel: 198_00,
  },
] as const;

const INTERNS = [
  { name: '黄小雨', graduationDate: '2026-06-30', fullTimeStudent: true },
  { name: '韦嘉怡', graduationDate: '2025-07-01', fullTimeStudent: false },
  { name: '陆明轩', graduationDate: '2023-06-30', fullTimeStudent: false },
] as const;

async function as(store: Store, email: string, tenantId: string): Promise<UseCaseContext> {
  return actingAs({ store, today: () => AS_OF }, { tenantId, userId: await userOf(store, email) });
}

/** A recognition recorded once: recorded before (its guard is taken), it is left as it is. */
async function recordOnce(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof Error && 'reason' in error && error.reason === 'alreadyRecorded')) throw error;
  }
}

async function publishRates(store: Store) {
  try {
    await store.ruleSet(RATES_ID);
    return;
  } catch (error) {
    if (!(error instanceof StoreError && error.code === 'not_found')) throw error;
  }
  const city = tenant('fcg-mzj.demo');
  const repos = store.tenant({ tenantId: city.id, userId: await adminOf(store, city) });
  await repos.ruleSets.publishNow(INTERNSHIP_RATES_RULE_SET, { bureauName: city.name });
}

async function internships(store: Store, yangguang: DemoTenant) {
  const hr = await as(store, `hr@${yangguang.domain}`, yangguang.id);
  const base = await internshipBase(hr);
  if (!base)
    await saveInternshipBase(
      hr,
      {
        name: '阳光社会工作实习见习基地',
        recognisedBy: '防城港市人力资源和社会保障局',
        recognisedOn: '2025-03-01',
        reference: '防人社函〔2025〕12号（示例）',
      },
      0,
    );
  for (const [i, intern] of INTERNS.entries()) await addIntern(hr, intern, `seed-incentives-intern-${i}`);
  const byName = new Map((await interns(hr)).map((i) => [i.name, i.id]));
  const claim = (name: string, months: string[], key: string) =>
    submitInternshipClaim(hr, { internId: byName.get(name), months }, key);
  await claim('黄小雨', ['2026-03', '2026-04', '2026-05'], 'seed-incentives-claim-0');
  // As stored now (a retried claim answers with the body it was created with).
  const current = async (key: string, name: string, months: string[]) =>
    ownInternshipClaim(hr, (await claim(name, months, key)).claim.id);
  const paid = await current('seed-incentives-claim-1', '韦嘉怡', ['2025-09', '2025-10', '2025-11']);
  const toPay = await current('seed-incentives-claim-2', '韦嘉怡', ['2025-12', '2026-01', '2026-02']);
  const city = tenant('fcg-mzj.demo');
  const reviewer = await as(store, `reviewer@${city.domain}`, city.id);
  const decide = (c: InternshipClaim) =>
    decideInternshipClaim(reviewer, yangguang.id, c.id, { approved: true }, c.version);
  if (toPay.status === 'submitted') await decide(toPay);
  const approved = paid.status === 'submitted' ? await decide(paid) : paid;
  if (approved.status === 'approved')
    await recordInternshipPayment(
      reviewer,
      yangguang.id,
      approved.id,
      { paidOn: '2026-11-20', reference: '防民财拨〔2026〕88号（示例）' },
      approved.version,
    );
}

SEED_PARTS.push({
  name: 'incentives-v1',
  async run(store: Store) {
    await publishRates(store);
    const yangguang = tenant('yangguang.demo');
    const people = DEMO_PEOPLE.find((d) => d.tenant.id === yangguang.id)?.people ?? [];
    const finance = await as(store, `finance@${yangguang.domain}`, yangguang.id);
    for (const [i, { person, ...exam }] of EXAMS.entries()) {
      const id = people[person]?.id;
      if (id) await recordExamCost(finance, id, exam, `seed-incentives-exam-${i}`);
    }
    const city = tenant('fcg-mzj.demo');
    const dongxing = tenant('dx-mzj.demo');
    await recordOnce(async () =>
      recordRecognition(
        await as(store, `reviewer@${city.domain}`, city.id),
        yangguang.id,
        {
          authority: 'national',
          kind: 'advanced_unit',
          year: 2025,
          recognisedOn: '2025-12-18',
          reference: '民函〔2025〕203号（示例）',
        },
        'seed-incentives-recognition-0',
      ),
    );
    await recordOnce(async () =>
      recordRecognition(
        await as(store, `reviewer@${dongxing.domain}`, dongxing.id),
        tenant('tongxin.demo').id,
        { authority: 'regional', kind: 'talent_training_base', year: 2024, reference: '桂民函〔2024〕77号（示例）' },
        'seed-incentives-recognition-1',
      ),
    );
    await internships(store, yangguang);
  },
});

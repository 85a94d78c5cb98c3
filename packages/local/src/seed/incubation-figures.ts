import { idCardCheckCharacter, type PersonInput } from '@shegong/domain';
import { backfillBaseStageCounts, type Store } from '@shegong/store';
import { DEMO_TENANTS } from './demo-data.ts';
import { DEMO_INCUBATIONS } from './incubation.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * Seed part 'incubation-figures-v1': the base's records counted per stage on its listing for the
 * bureaus (a system seeded before the counts were kept gets them; a new one rewrites the same
 * numbers), and staff for the mid-term-reviewed organisation (启航), so the base's register and
 * the organisation's 孵化情况 show figures: three people, two of them certified.
 */

const BASE = DEMO_TENANTS.find((t) => t.domain === 'fcg-fuhua.demo')!;
const QIHANG = DEMO_INCUBATIONS[1]!.application.name;

function idCard(serial: number): string {
  const first17 = `45060219960715${String(serial).padStart(2, '0')}2`;
  return `${first17}${idCardCheckCharacter(first17)}`;
}

const person = (serial: number, name: string, certified: boolean): PersonInput => ({
  name,
  idCardNumber: idCard(serial),
  phone: `1397700${String(serial).padStart(4, '0')}`,
  education: { level: 'bachelor', socialWorkMajor: true },
  employmentType: 'contract',
  monthlyPay: 3_900_00,
  employment: [{ employer: QIHANG, region: '450602', start: '2026-03-01', socialWork: true }],
  certificates: certified
    ? [{ level: 'assistant', number: `QH2024${String(serial).padStart(4, '0')}`, obtainedOn: '2024-06-23' }]
    : [],
  continuingEducation: [],
});

const QIHANG_STAFF = [person(1, '陈启航', true), person(2, '罗晓雯', true), person(3, '黎志强', false)];

SEED_PARTS.push({
  name: 'incubation-figures-v1',
  async run(store: Store) {
    await backfillBaseStageCounts(store);
    const base = store.tenant({ tenantId: BASE.id, userId: 'seed' });
    const records = await base.incubations.incubations(undefined, { limit: 100 });
    const qihang = records.items.find((r) => r.organisationName === QIHANG);
    if (!qihang) return;
    const repos = store.tenant({ tenantId: qihang.id, userId: 'seed' });
    if ((await repos.people.list({ limit: 1 })).items.length) return;
    for (const input of QIHANG_STAFF) await repos.people.create(input);
  },
});

import {
  addDays,
  addMonths,
  addYears,
  type Certificate,
  type CertificateLevel,
  type CertLevel,
  type ContinuingEducation,
  continuingEducationStatus,
  DONGXING_2026,
  type EducationLevel,
  type EmploymentPeriod,
  type EmploymentType,
  FANGCHENGGANG_2023,
  idCardCheckCharacter,
  type PersonInput,
  roundHalfUp,
} from '@shegong/domain';
import { DEMO_TENANTS, type DemoTenant } from './demo-data.ts';

/**
 * The demo organisations' staff (issue 3 §7): 18 people at 阳光 and 14 at 同心, generated from a
 * fixed seed so every machine gets the same people, ids and flags. Written for the demo's "today",
 * 2026-11-25: some registrations fall due within 3 months of it and one has lapsed (N-4), some are
 * short of this year's 50 hours (P-R2; the others also have their registration period's N-5 hours),
 * some are paid below the illustrative floor of their certificate level (P-W3; a part-time person's
 * floor in proportion to their working time). Names, ID-card numbers (valid check digits, Fangchenggang prefixes) and
 * phone numbers are made up.
 */

export const DEMO_TODAY = '2026-11-25';

/** mulberry32: a small deterministic generator; the same seed gives the same people everywhere. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const date = (from: string, to: string) => {
    const start = Date.parse(`${from}T00:00:00Z`);
    const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000);
    return new Date(start + int(0, days) * 86_400_000).toISOString().slice(0, 10);
  };
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = ((int(0, 15) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return { next, int, pick, date, uuid };
}

const SURNAMES = [
  '黄',
  '韦',
  '李',
  '陆',
  '梁',
  '莫',
  '覃',
  '农',
  '蒙',
  '潘',
  '陈',
  '刘',
  '张',
  '王',
  '何',
  '罗',
  '杨',
  '吴',
  '谢',
  '苏',
];
const GIVEN = [
  '丽娟',
  '志强',
  '海燕',
  '晓东',
  '春梅',
  '建华',
  '秀英',
  '文杰',
  '美玲',
  '俊',
  '婷婷',
  '伟',
  '小燕',
  '明辉',
  '雪梅',
  '凤',
  '国强',
  '佳怡',
  '思远',
  '宇航',
  '雅琴',
  '嘉欣',
  '振华',
  '月华',
];
/** Places of registration of an ID number: Fangchenggang's districts and counties. */
const ID_REGIONS = ['450602', '450603', '450621', '450681'];
const TOPICS = [
  ['防城港市民政局', '社会工作实务督导'],
  ['广西社会工作协会', '个案管理实务'],
  ['广西民族大学', '社区工作方法'],
  ['防城港市社会工作协会', '儿童保护与服务'],
  ['中国社会工作联合会（线上）', '社会工作伦理'],
  ['港口区民政局', '老年社会工作'],
] as const;

/** A valid 18-character number: region, birth date, sequence (odd for men), GB 11643 check character. */
function idCardNumber(region: string, born: string, sequence: number): string {
  const first17 = `${region}${born.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idCardCheckCharacter(first17);
}

/** What each demo person is made to show; the rest is drawn from the generator. */
interface Plan {
  level: CertLevel;
  /** Pay below the floor of the level (P-W3). */
  belowFloor?: boolean;
  /** Registration: in its renewal window, or lapsed (N-4). */
  registration?: 'expiring' | 'expired';
  /** Continuing education short of this year's 50 hours (P-R2). */
  ceShort?: boolean;
  employmentType?: EmploymentType;
  /** Worked in Nanning (450100, outside the jurisdiction) before joining. */
  fromNanning?: boolean;
  /** A gap of some months between two social-work jobs. */
  gap?: boolean;
}

const YANGGUANG: Plan[] = [
  { level: 'senior', fromNanning: true },
  { level: 'social_worker' },
  { level: 'social_worker', registration: 'expiring' },
  { level: 'social_worker', employmentType: 'public_institution' },
  { level: 'social_worker', belowFloor: true, gap: true },
  { level: 'assistant', employmentType: 'part_time', ceShort: true },
  { level: 'assistant', belowFloor: true },
  { level: 'assistant', registration: 'expiring', fromNanning: true },
  { level: 'assistant', registration: 'expired', ceShort: true },
  { level: 'assistant', belowFloor: true, ceShort: true },
  { level: 'assistant', gap: true },
  { level: 'assistant' },
  { level: 'assistant', fromNanning: true },
  { level: 'assistant' },
  { level: 'none' },
  { level: 'none', ceShort: true },
  { level: 'none', gap: true },
  { level: 'none' },
];

const TONGXIN: Plan[] = [
  { level: 'senior' },
  { level: 'social_worker', fromNanning: true },
  { level: 'social_worker', registration: 'expiring' },
  { level: 'social_worker', employmentType: 'public_institution' },
  { level: 'assistant', belowFloor: true },
  { level: 'assistant', employmentType: 'part_time', ceShort: true },
  { level: 'assistant', registration: 'expired' },
  { level: 'assistant', gap: true },
  { level: 'assistant', ceShort: true },
  { level: 'assistant', fromNanning: true },
  { level: 'assistant' },
  { level: 'none', belowFloor: true },
  { level: 'none' },
  { level: 'none', gap: true },
];

const LEVEL_DIGIT: Record<CertificateLevel, string> = { assistant: '1', social_worker: '2', senior: '3' };
const LOWER: Record<CertificateLevel, CertificateLevel | undefined> = {
  assistant: undefined,
  social_worker: 'assistant',
  senior: 'social_worker',
};

export interface DemoPerson {
  id: string;
  input: PersonInput;
  plan: Plan;
}

function makePeople(tenant: DemoTenant, plans: readonly Plan[], seed: number): DemoPerson[] {
  const r = generator(seed);
  // The illustrative floors the demo rule sets publish (Dongxing has its own from 2026): pay is set
  // around them so that exactly the planned people fall below.
  const rules = (tenant.region === '450681' ? DONGXING_2026 : FANGCHENGGANG_2023).parameters;
  const floors = rules.payFloor;
  const usedNames = new Set<string>();
  let certSerial = r.int(100, 900);

  return plans.map((plan, index) => {
    let name = '';
    do name = r.pick(SURNAMES) + r.pick(GIVEN);
    while (usedNames.has(name));
    usedNames.add(name);
    const born = r.date('1975-01-01', '2000-12-31');
    const sequence = r.int(1, 499) * 2 - (r.next() < 0.5 ? 1 : 0);
    const id = r.uuid();

    // Employment: the current job here, started 2015–2024; some came from Nanning, some had a gap.
    const adult = addYears(born, 22);
    const joined = r.date(adult > '2015-03-01' ? adult : '2015-03-01', '2024-09-30');
    const employment: EmploymentPeriod[] = [];
    if (plan.fromNanning) {
      const start = addYears(joined, -r.int(2, 4));
      employment.push({
        employer: r.pick(['南宁市青秀区启明社会工作服务中心', '南宁市西乡塘区社工站', '南宁市同行社会工作服务社']),
        region: '450100',
        start,
        end: addDays(joined, -1),
        socialWork: true,
      });
    }
    if (plan.gap) {
      const earlierEnd = addMonths(joined, -r.int(3, 9));
      employment.push({
        employer: r.pick(['防城区社会工作服务站', '东兴市江平镇社工站', '上思县民政局购买服务项目']),
        region: r.pick(['450603', '450681', '450621']),
        start: addYears(earlierEnd, -r.int(1, 3)),
        end: earlierEnd,
        socialWork: true,
      });
    }
    if (!plan.fromNanning && !plan.gap && r.next() < 0.3) {
      // Some came from work outside social work.
      employment.push({
        employer: r.pick(['防城港市某物流公司', '港口区某商贸公司', '东兴市某培训学校']),
        region: r.pick(['450602', '450681']),
        start: addYears(joined, -r.int(1, 3)),
        end: addDays(joined, -1),
        socialWork: false,
      });
    }
    employment.push({ employer: tenant.name, region: tenant.region, start: joined, socialWork: true });
    employment.sort((a, b) => a.start.localeCompare(b.start));

    // Certificates: the planned level, and for the higher ones the lower one obtained earlier.
    const certificates: Certificate[] = [];
    if (plan.level !== 'none') {
      // A planned registration date lies in 2023–24, so the certificate was obtained before it.
      const obtained = r.date(
        plan.level === 'assistant' ? '2018-06-01' : '2019-06-01',
        plan.registration ? '2022-12-31' : '2025-06-30',
      );
      const lower = LOWER[plan.level];
      if (lower) certificates.push(certificate(r, lower, addYears(obtained, -r.int(2, 4)), ++certSerial, tenant));
      certificates.push(certificate(r, plan.level, obtained, ++certSerial, tenant, plan.registration));
    }

    // Continuing education: 52–72 hours this year (38.5–46 when short), and last year's.
    const ce: ContinuingEducation[] = [];
    const thisYear = plan.ceShort ? r.int(385, 460) : r.int(520, 720);
    for (const [year, total] of [
      [2025, r.int(500, 700)],
      [2026, thisYear],
    ] as const) {
      const parts = r.int(3, 5);
      let left = total;
      for (let i = 0; i < parts; i++) {
        const tenth = i === parts - 1 ? left : Math.floor(total / parts) + r.int(-8, 8);
        left -= tenth;
        const [provider, topic] = r.pick(TOPICS);
        ce.push({
          date: r.date(`${year}-01-10`, year === 2026 ? '2026-11-20' : `${year}-12-20`),
          tenthHours: tenth,
          provider,
          topic,
        });
      }
    }
    ce.sort((a, b) => a.date.localeCompare(b.date));

    // Pay: whole yuan, ¥150–¥450 below the floor when planned, else ¥200–¥1,800 above it; a
    // part-time person works 60 % of full time and is held to 60 % of the floor (P-W3).
    const ftePercent = plan.employmentType === 'part_time' ? PART_TIME_PERCENT : undefined;
    const floor = roundHalfUp(floors[plan.level] * (ftePercent ?? 100), 100);
    const monthlyPay = plan.belowFloor ? floor - r.int(15, 45) * 10_00 : floor + r.int(2, 18) * 100_00;

    const educationLevel: EducationLevel = r.pick([
      'associate',
      'bachelor',
      'bachelor',
      'bachelor',
      'master',
      'vocational',
    ] as const);
    const input: PersonInput = {
      name,
      idCardNumber: idCardNumber(r.pick(ID_REGIONS), born, sequence),
      phone: `1${r.pick(['37', '38', '39', '58', '77', '87'])}${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
      education: { level: educationLevel, socialWorkMajor: index % 2 === 0 || r.next() < 0.3 },
      employmentType: plan.employmentType ?? 'contract',
      ...(ftePercent === undefined ? {} : { ftePercent }),
      monthlyPay,
      employment,
      certificates,
      continuingEducation: ce,
    };
    // N-5: whoever is not planned short has their registration period's hours too (a course on
    // the period's first day, or 2026-01-10 when the period began earlier), so ce-short is as planned.
    const period = continuingEducationStatus(input, DEMO_TODAY, rules).period;
    if (!plan.ceShort && period && period.shortfallTenthHours > 0) {
      ce.push({
        date: period.from > '2026-01-10' ? period.from : '2026-01-10',
        tenthHours: period.shortfallTenthHours,
        provider: '广西社会工作协会',
        topic: '社会工作继续教育集中培训',
      });
      ce.sort((a, b) => a.date.localeCompare(b.date));
    }
    return { id, input, plan };
  });
}

/** The working time of the demo's part-time staff, whole percent of full time. */
const PART_TIME_PERCENT = 60;

/**
 * A certificate with its registration (N-4, 3 years, renewed): the current registration period is
 * the one that covers the demo's today, except for a planned 'expiring' one (it lapses within 3
 * months of 2026-11-25) and an 'expired' one (it lapsed in 2026 and was not renewed).
 */
function certificate(
  r: ReturnType<typeof generator>,
  level: CertificateLevel,
  obtainedOn: string,
  serial: number,
  tenant: DemoTenant,
  registration?: 'expiring' | 'expired',
): Certificate {
  const number = `${obtainedOn.slice(0, 4)}${LEVEL_DIGIT[level]}${tenant.region}${String(serial).padStart(5, '0')}`;
  let registeredOn = addMonths(obtainedOn, r.int(2, 8));
  if (registration === 'expiring') registeredOn = r.date('2023-11-26', '2024-02-20');
  else if (registration === 'expired') registeredOn = r.date('2023-02-01', '2023-08-31');
  else while (addYears(registeredOn, 3) <= addMonths(DEMO_TODAY, 3)) registeredOn = addYears(registeredOn, 3);
  return {
    level,
    number,
    obtainedOn,
    registeredOn,
    // N-4: valid 3 years, to the matching day (Civil Code art. 202).
    registrationExpiresOn: addYears(registeredOn, 3),
  };
}

const tenantOf = (domain: string) => {
  const tenant = DEMO_TENANTS.find((t) => t.domain === domain);
  if (!tenant) throw new Error(`no demo tenant ${domain}`);
  return tenant;
};

/** Every demo organisation's people, in a fixed order with fixed ids (tests count their flags). */
export const DEMO_PEOPLE: readonly { tenant: DemoTenant; people: readonly DemoPerson[] }[] = [
  { tenant: tenantOf('yangguang.demo'), people: makePeople(tenantOf('yangguang.demo'), YANGGUANG, 20_261_125) },
  { tenant: tenantOf('tongxin.demo'), people: makePeople(tenantOf('tongxin.demo'), TONGXIN, 45_068_1) },
];

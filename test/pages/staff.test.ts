import { FANGCHENGGANG_2023, idCardCheckCharacter, type PersonInput } from '@shegong/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { Browser, createWorld, hiddenField, type SeededUser, validUscc, type World } from './support.ts';

/**
 * The staff pages as people use them, on FANGCHENGGANG_2023 (assistant floor ¥3,200, 50 hours a
 * year) with today fixed at 2026-11-25.
 */
let world: World;
let hr: SeededUser;
let finance: SeededUser;
let staffMember: SeededUser;
let lowId = '';
let lowInput: PersonInput;

const idCard = (first17: string) => first17 + idCardCheckCharacter(first17);
const person = (name: string, first17: string, overrides: Partial<PersonInput> = {}): PersonInput => ({
  name,
  idCardNumber: idCard(first17),
  phone: '13977012345',
  education: { level: 'bachelor', socialWorkMajor: true },
  employmentType: 'contract',
  monthlyPay: 4_000_00,
  employment: [{ employer: '阳光社工', region: '450602', start: '2021-03-01', socialWork: true }],
  certificates: [
    { level: 'assistant', number: `WEB-${first17}`, obtainedOn: '2021-06-20', registeredOn: '2025-01-01' },
  ],
  // 72 hours: this year's 50 (P-R2) and the registration period's 72 (N-5) are both met.
  continuingEducation: [{ date: '2026-03-01', tenthHours: 720, provider: '市民政局', topic: '个案管理' }],
  ...overrides,
});

beforeAll(async () => {
  world = await createWorld();
  world.deps.today = () => '2026-11-25';
  const bureau = await world.addTenant('bureau', '防城港市民政局', '450600');
  await world.store.tenant({ tenantId: bureau.id, userId: 'seed' }).ruleSets.publishNow(FANGCHENGGANG_2023);
  const org = await world.addTenant('org', '港口区阳光社会工作服务中心', '450602', validUscc(31));
  hr = await world.addUser(org, '刘洋', ['hr']);
  finance = await world.addUser(org, '王磊', ['finance']);
  staffMember = await world.addUser(org, '蒙丽', ['staff']);
  const people = world.store.tenant({ tenantId: org.id, userId: 'seed' }).people;
  // ¥3,050 against the ¥3,200 floor: ¥150.00 short (P-W3). 38.5 hours of 50 (P-R2).
  lowInput = person('韦低薪', '45060219880512031', {
    monthlyPay: 3_050_00,
    continuingEducation: [{ date: '2026-04-01', tenthHours: 385, provider: '市民政局', topic: '督导' }],
  });
  lowId = (await people.create(lowInput)).id;
  await people.create(person('黄正常', '45060219900307002'));
  await people.create(person('陆也低', '45062119950101021', { monthlyPay: 3_199_99 }));
});

async function as(user: SeededUser) {
  const browser = new Browser(world.app);
  await browser.signIn(world, user);
  return browser;
}

describe('人员 list', () => {
  it('counts who is below the floor, badges the figures, and filters', async () => {
    const browser = await as(finance);
    const html = await (await browser.get('/org/staff')).text();
    expect(html).toContain('2 人低于薪酬指导标准');
    expect(html).toContain('1 人继续教育学时不足');
    expect(html).toContain('38.5 / 50 学时');
    expect(html).toContain('差 ¥150.00');
    expect(html).toContain('差 ¥0.01');
    expect(html).toMatch(/<summary[^>]*>P-W3<\/summary>/);
    expect(html).toMatch(/<summary[^>]*>P-R2<\/summary>/);
    expect(html).not.toContain('添加人员');

    const filtered = await (await browser.get('/org/staff?flag=below-floor')).text();
    expect(filtered).toContain('韦低薪');
    expect(filtered).toContain('陆也低');
    expect(filtered).not.toContain('黄正常');
  });

  it('is not for staff, and shows hr the add action', async () => {
    expect((await (await as(staffMember)).get('/org/staff')).status).toBe(403);
    expect(await (await (await as(hr)).get('/org/staff')).text()).toContain('href="/org/staff/new"');
  });
});

describe('the dashboard', () => {
  it('shows the registry’s flags to its readers, each linking to the filtered list, and not to staff', async () => {
    const html = await (await (await as(finance)).get('/org')).text();
    expect(html).toContain('人员提醒');
    expect(html).toMatch(/href="\/org\/staff\?flag=below-floor"[^>]*>2 人低于薪酬指导标准/);
    const staffView = await (await (await as(staffMember)).get('/org')).text();
    expect(staffView).not.toContain('人员提醒');
  });
});

describe('a person’s page', () => {
  it('masks the ID-card and phone numbers for finance and shows the shortfall finding', async () => {
    const html = await (await (await as(finance)).get(`/org/staff/${lowId}`)).text();
    expect(html).not.toContain(lowInput.idCardNumber);
    expect(html).toContain(`${lowInput.idCardNumber.slice(0, 6)}********${lowInput.idCardNumber.slice(14)}`);
    expect(html).toContain('139****2345');
    expect(html).toContain('月薪 ¥3,050.00 低于指导标准 ¥3,200.00，每月差 ¥150.00。');
    expect(html).not.toContain('修改基本信息');
  });

  it('shows hr the numbers in full', async () => {
    const html = await (await (await as(hr)).get(`/org/staff/${lowId}`)).text();
    expect(html).toContain(lowInput.idCardNumber);
    expect(html).toContain('13977012345');
  });
});

describe('adding a person', () => {
  it('names each failing field, keeps what was typed, and writes nothing', async () => {
    const browser = await as(hr);
    const form = await (await browser.get('/org/staff/new')).text();
    const key = hiddenField(form, '_key') ?? '';
    const good = idCard('45060319920815044');
    const bad = `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`;
    const response = await browser.post('/org/staff/new', {
      _key: key,
      name: '覃新人',
      idCardNumber: bad,
      phone: '1234',
      educationLevel: 'bachelor',
      employmentType: 'contract',
      monthlyPay: '三千',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('error-summary');
    expect(html).toContain('请输入有效的身份证号');
    expect(html).toContain('请输入 11 位手机号');
    expect(html).toContain('请选择是否为社会工作专业');
    expect(html).toContain('月薪（税前，元）：应为以元为单位的金额，如 3200.50');
    expect(html).toContain('href="#socialWorkMajor-yes"');
    expect(html).toContain('value="覃新人"');
    expect(await (await browser.get('/org/staff')).text()).not.toContain('覃新人');
  });

  it('adds a person, then a certificate on their page', async () => {
    const browser = await as(hr);
    const key = hiddenField(await (await browser.get('/org/staff/new')).text(), '_key') ?? '';
    const created = await browser.post('/org/staff/new', {
      _key: key,
      name: '覃新人',
      idCardNumber: idCard('45060319920815044'),
      phone: '13900001234',
      educationLevel: 'bachelor',
      socialWorkMajor: 'yes',
      employmentType: 'contract',
      monthlyPay: '3,600.50',
      employedSince: '2024-06-23',
    });
    expect(created.status).toBe(303);
    const where = created.headers.get('Location') ?? '';
    expect(where).toMatch(/^\/org\/staff\/[0-9a-f-]{36}\?notice=created$/);
    const page = await (await browser.get(where)).text();
    expect(page).toContain('已添加 覃新人。');
    expect(page).toContain('¥3,600.50');
    const path = where.replace(/\?.*$/, '');
    const certForm = await (await browser.get(`${path}/certificates/new`)).text();
    const taken = await browser.post(`${path}/certificates/new`, {
      version: hiddenField(certForm, 'version') ?? '',
      level: 'assistant',
      number: lowInput.certificates[0]!.number,
      obtainedOn: '2024-06-23',
    });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain('此证书编号已经登记');
    const added = await browser.post(`${path}/certificates/new`, {
      version: hiddenField(certForm, 'version') ?? '',
      level: 'assistant',
      number: 'WEB-NEW-0001',
      obtainedOn: '2024-06-23',
    });
    expect(added.status).toBe(303);
    expect(await (await browser.get(path)).text()).toContain('WEB-NEW-0001');
  });
});

describe('what the staff forms ask and refuse (issue 10, points 7 and 12)', () => {
  const newPerson = (over: Record<string, string>) => ({
    name: '覃入职',
    idCardNumber: idCard('45060319930101061'),
    phone: '13900004321',
    educationLevel: 'bachelor',
    socialWorkMajor: 'yes',
    employmentType: 'contract',
    monthlyPay: '3600',
    ...over,
  });

  it('asks when a new person started here, and counts their P-A3 run from it', async () => {
    const browser = await as(hr);
    const form = await (await browser.get('/org/staff/new')).text();
    expect(form).toContain('本单位入职日期');
    const key = hiddenField(form, '_key') ?? '';
    const missing = await browser.post('/org/staff/new', { _key: key, ...newPerson({}) });
    expect(missing.status).toBe(400);
    const again = await missing.text();
    expect(again).toContain('请输入本单位入职日期，例如 2024-06-23');
    expect(again).toContain('href="#employedSince"');
    const created = await browser.post('/org/staff/new', { _key: key, ...newPerson({ employedSince: '2024-06-23' }) });
    expect(created.status).toBe(303);
    const page = await (await browser.get(created.headers.get('Location') ?? '')).text();
    expect(page).not.toContain('目前不在本地区从事社会工作');
    expect(page).toContain('自 2024年6月23日 起，满 2 年');
    expect(page).toContain('港口区阳光社会工作服务中心');
    expect(page).toContain('计入连续从业');
  });

  it('asks part-time staff for their working time and holds their pay to the floor in proportion', async () => {
    const browser = await as(hr);
    const key = hiddenField(await (await browser.get('/org/staff/new')).text(), '_key') ?? '';
    const fields = newPerson({
      name: '覃兼职',
      idCardNumber: idCard('45060319930101062'),
      employmentType: 'part_time',
      monthlyPay: '1300',
      employedSince: '2025-03-01',
    });
    const missing = await browser.post('/org/staff/new', { _key: key, ...fields });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('兼职人员须填写工作时间（1 到 100 的整数）；其他用工形式请留空');
    const created = await browser.post('/org/staff/new', { _key: key, ...fields, ftePercent: '50' });
    expect(created.status).toBe(303);
    const page = await (await browser.get(created.headers.get('Location') ?? '')).text();
    // No certificate: the ¥2,400 floor at half time is ¥1,200; ¥1,300 is above it.
    expect(page).toContain('全日制的 50%');
    expect(page).toContain('¥1,300.00 / ¥1,200.00');
    expect(page).not.toContain('低于');
  });

  it('refuses a registration before the certificate and an expiry that is not three years on, in its own words', async () => {
    const browser = await as(hr);
    const path = `/org/staff/${lowId}`;
    const certForm = await (await browser.get(`${path}/certificates/new`)).text();
    const version = hiddenField(certForm, 'version') ?? '';
    const early = await browser.post(`${path}/certificates/new`, {
      version,
      level: 'social_worker',
      number: 'WEB-N4-0001',
      obtainedOn: '2024-06-23',
      registeredOn: '2024-06-22',
    });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain('登记日期不能早于取得证书的日期（2024-06-23）');
    const seven = await browser.post(`${path}/certificates/new`, {
      version,
      level: 'social_worker',
      number: 'WEB-N4-0001',
      obtainedOn: '2024-06-23',
      registeredOn: '2024-09-01',
      registrationExpiresOn: '2031-08-31',
    });
    expect(seven.status).toBe(400);
    const html = await seven.text();
    expect(html).toContain('登记有效期至应为 2027-09-01：登记自登记之日起有效 3 年（N-4）');
    expect(html).toContain('href="#registrationExpiresOn"');
    expect(await (await browser.get(path)).text()).not.toContain('WEB-N4-0001');
  });
});

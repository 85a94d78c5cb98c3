import { FANGCHENGGANG_2023, LADDER_EXAMPLE, type LadderInput } from '@shegong/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { Browser, createWorld, hiddenField, type SeededUser, validUscc, type World } from './support.ts';

/**
 * The ladder pages: the editor turns yuan into fen exactly, shows P-W3 / P-C1 findings beside the
 * level they concern, adds a row without script; a promotion that the person does not qualify for
 * is refused with what they lack. Fangchenggang's 2023 rule set is in force (assistant floor ¥3,200).
 */
let world: World;
let hr: SeededUser;
let staff: SeededUser;
let personId: string;

/** The example ladder's first two levels: trainee and assistant (band from ¥3,400). */
const LADDER: LadderInput = { levels: LADDER_EXAMPLE.levels.slice(0, 2) };

beforeAll(async () => {
  world = await createWorld();
  const bureau = await world.addTenant('bureau', '防城港市民政局', '450600');
  const bureauAdmin = await world.addUser(bureau, '黄志强', ['admin']);
  await world.store.tenant({ tenantId: bureau.id, userId: bureauAdmin.id }).ruleSets.publishNow(FANGCHENGGANG_2023);
  const org = await world.addTenant('org', '港口区阳光社会工作服务中心', '450602', validUscc(21));
  hr = await world.addUser(org, '刘洋', ['hr']);
  staff = await world.addUser(org, '蒙丽', ['staff']);
  const repos = world.store.tenant({ tenantId: org.id, userId: hr.id });
  await repos.ladders.save(LADDER, { firstSave: true });
  personId = (
    await repos.people.create({
      name: '辛小雨',
      idCardNumber: '440524188001010014',
      phone: '13800000000',
      education: { level: 'secondary', socialWorkMajor: false },
      employmentType: 'contract',
      monthlyPay: 2_700_00,
      employment: [],
      certificates: [],
      continuingEducation: [],
      ladderLevelId: 'trainee',
    })
  ).id;
});

async function signedIn(user: SeededUser) {
  const browser = new Browser(world.app);
  await browser.signIn(world, user);
  return browser;
}

/** The editor's fields for the ladder, with changes to some. */
function editorForm(html: string, changes: Record<string, string>) {
  const fields: Record<string, string> = {
    version: hiddenField(html, 'version') ?? '',
    rows: String(LADDER.levels.length),
    action: 'save',
  };
  LADDER.levels.forEach((level, i) => {
    Object.assign(fields, {
      [`level-${i}-id`]: level.id,
      [`level-${i}-name`]: level.name,
      [`level-${i}-postClass`]: level.postClass,
      [`level-${i}-minCertificate`]: level.requirements.minCertificate,
      [`level-${i}-minYears`]: String(level.requirements.minYearsPractice),
      [`level-${i}-minEducation`]: level.requirements.minEducation,
      [`level-${i}-min`]: String(level.payBand.min / 100),
      [`level-${i}-max`]: String(level.payBand.max / 100),
      ...(level.requirements.continuingEducationUpToDate ? { [`level-${i}-ce`]: '1' } : {}),
    });
  });
  return { ...fields, ...changes };
}

/** The HTML of one level's fieldset in the editor. */
const levelSection = (html: string, i: number) =>
  html.slice(
    html.indexOf(`id="level-${i}"`),
    html.indexOf(`id="level-${i + 1}"`) > 0 ? html.indexOf(`id="level-${i + 1}"`) : undefined,
  );

describe('the ladder page', () => {
  it('shows the levels with their bands and rule badges, and the standings to hr', async () => {
    const html = await (await (await signedIn(hr)).get('/org/ladder')).text();
    expect(html).toContain('¥3,400.00–¥4,200.00');
    expect(html).toContain('P-W3');
    expect(html).toContain('P-C1');
    expect(html).toContain('谁符合哪一级');
    expect(html).toContain('辛小雨');
    // She holds the first level and qualifies for nothing higher (no certificate): no promotion is offered.
    expect(html).not.toContain(`/org/ladder/promote/${personId}`);
  });

  it('shows staff the ladder but not everyone’s pay, and refuses them the editor', async () => {
    const browser = await signedIn(staff);
    const html = await (await browser.get('/org/ladder')).text();
    expect(html).toContain('助理社工师');
    expect(html).not.toContain('辛小雨');
    expect((await browser.get('/org/ladder/edit')).status).toBe(403);
  });
});

describe('the ladder editor', () => {
  it('shows P-W3 with its amounts beside the level whose band starts below the floor, saving nothing', async () => {
    const browser = await signedIn(hr);
    const form = await (await browser.get('/org/ladder/edit')).text();
    // ¥3,199.99 is 319 999 fen: 1 fen below the assistant floor of 320 000.
    const response = await browser.post('/org/ladder/edit', editorForm(form, { 'level-1-min': '3199.99' }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('class="error-summary"');
    const level2 = levelSection(html, 1);
    expect(level2).toContain('id="level-1-min-error"');
    expect(level2).toContain('P-W3');
    expect(level2).toContain('¥3,199.99');
    expect(level2).toContain('¥3,200.00');
    expect(level2).toContain('差 ¥0.01');
    expect(levelSection(html, 0)).not.toContain('field-error');
    expect((await world.store.tenant({ tenantId: hr.tenant.id, userId: 'test' }).ladders.get()).version).toBe(1);
  });

  it('shows P-C1 beside a junior level that asks for no certificate', async () => {
    const browser = await signedIn(hr);
    const form = await (await browser.get('/org/ladder/edit')).text();
    const response = await browser.post('/org/ladder/edit', editorForm(form, { 'level-1-minCertificate': 'none' }));
    expect(response.status).toBe(400);
    const level2 = levelSection(await response.text(), 1);
    expect(level2).toContain('id="level-1-minCertificate-error"');
    expect(level2).toContain('P-C1');
  });

  it('names a field that is not an amount of yuan, and one whose maximum is below its minimum', async () => {
    const browser = await signedIn(hr);
    const form = await (await browser.get('/org/ladder/edit')).text();
    const response = await browser.post(
      '/org/ladder/edit',
      editorForm(form, { 'level-0-min': '2600.001', 'level-1-max': '3000' }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('id="level-0-min-error"');
    expect(html).toContain('第 1 级：月薪下限（元）：金额最多两位小数（到分）');
    expect(html).toContain('id="level-1-max-error"');
  });

  it('names the bound of a pay band in yuan when a maximum is above it', async () => {
    const browser = await signedIn(hr);
    const form = await (await browser.get('/org/ladder/edit')).text();
    const response = await browser.post('/org/ladder/edit', editorForm(form, { 'level-1-max': '100000.01' }));
    expect(response.status).toBe(400);
    expect(levelSection(await response.text(), 1)).toContain('第 2 级：月薪上限（元）：不能超过 ¥100,000.00');
  });

  it('adds a row without saving, and saves yuan as exact fen in a new version', async () => {
    const browser = await signedIn(hr);
    const form = await (await browser.get('/org/ladder/edit')).text();
    const added = await browser.post('/org/ladder/edit', editorForm(form, { action: 'add' }));
    expect(added.status).toBe(200);
    expect(await added.text()).toContain('id="level-2-name"');

    // 0.29 × 100 is 28.999… in binary floating point; the editor must store 29 fen exactly.
    const saved = await browser.post(
      '/org/ladder/edit',
      editorForm(form, { 'level-0-max': '3200.29', 'level-1-min': '3,400.10' }),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('Location')).toBe('/org/ladder?saved=2');
    const ladder = await world.store.tenant({ tenantId: hr.tenant.id, userId: 'test' }).ladders.get();
    expect(ladder.version).toBe(2);
    expect(ladder.levels[0]!.payBand.max).toBe(3_200_29);
    expect(ladder.levels[1]!.payBand.min).toBe(3_400_10);
  });

  it('gives a new level its code: no one types one, and no page shows one (issue 10, point 8)', async () => {
    const browser = await signedIn(hr);
    const form = await (await browser.get('/org/ladder/edit')).text();
    expect(form).not.toContain('id="level-0-id"'); // a hidden input, not a field to fill in
    const third = {
      rows: '3',
      'level-2-id': '',
      'level-2-name': '督导助理',
      'level-2-postClass': 'intermediate',
      'level-2-minCertificate': 'social_worker',
      'level-2-minYears': '3',
      'level-2-minEducation': 'bachelor',
      'level-2-min': '4800',
      'level-2-max': '6000',
    };
    const saved = await browser.post('/org/ladder/edit', editorForm(form, third));
    expect(saved.status, await saved.clone().text()).toBe(303);
    const ladder = await world.store.tenant({ tenantId: hr.tenant.id, userId: 'test' }).ladders.get();
    expect(ladder.levels.map((l) => l.id)).toEqual([...LADDER.levels.map((l) => l.id), 'level-1']);
    const page = await (await browser.get('/org/ladder')).text();
    expect(page).toContain('督导助理');
    for (const level of ladder.levels) expect(page).not.toContain(`>${level.id}<`);
  });

  it('says the ladder was changed meanwhile when the form’s version is stale', async () => {
    const browser = await signedIn(hr);
    await browser.get('/org/ladder/edit');
    const response = await browser.post('/org/ladder/edit', editorForm('', { version: '1' }));
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('刚被其他人修改过');
  });
});

describe('promoting from the page', () => {
  it('refuses a level the person does not qualify for, listing what they lack, and records nothing', async () => {
    const browser = await signedIn(hr);
    const form = await (await browser.get(`/org/ladder/promote/${personId}`)).text();
    const response = await browser.post(`/org/ladder/promote/${personId}`, {
      toLevelId: 'assistant',
      date: '2026-01-05',
      _key: hiddenField(form, '_key') ?? '',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('不符合助理社工师的要求');
    expect(html).toContain('证书：需助理社会工作师，现为无证书');
    expect(html).toContain('学历：需大专，现为高中/中专');
    const repos = world.store.tenant({ tenantId: hr.tenant.id, userId: 'test' });
    expect((await repos.ladders.promotions(personId, { limit: 10 })).items).toEqual([]);
  });
});

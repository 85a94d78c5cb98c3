import { type ContractDraft, idCardCheckCharacter, type PersonInput } from '@shegong/domain';
import { CONTRACT_EXAMPLE } from '@shegong/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/world.ts';

/**
 * Lists that scale for people (issue 10, point 5), through the API on DynamoDB Local: search, sort,
 * a status filter whose pages are full, and cursor paging, for an organisation's contracts, its
 * staff and the platform's tenants.
 */

const world = await World.create('lists', { pages: false });

const writer = () => world.user('orgA', 'project_manager');
const hr = () => world.user('orgA', 'hr');
const platform = () => world.user('platform');

interface Listed {
  id: string;
  status: string;
  number: string;
  title: string;
  value: number;
  startDate: string;
}
interface Page<T> {
  items: T[];
  cursor?: string;
}

const RUN = Date.now().toString(36).toUpperCase();
/** The contracts this file adds, by name: `submitted` the 12 oldest, then 20 drafts. */
const made = { submitted: [] as Listed[], drafts: [] as Listed[] };

function draftOf(i: number, status: 'submitted' | 'draft'): ContractDraft {
  const draft = structuredClone(CONTRACT_EXAMPLE);
  const extra = ((i * 7) % 13) * 1_000_00;
  draft.terms.number = `LIST-${RUN}-${i}`;
  draft.terms.title = status === 'submitted' ? `渔洲坪街道服务项目${i}` : `白沙万社区项目${i}`;
  draft.terms.value += extra;
  draft.plan.lines.personnel += extra;
  draft.terms.milestones.at(-1)!.amount += extra;
  // Start dates over five years (a term of a year each, its payments moved along with it).
  const year = 2026 + (i % 5);
  const moved = (date: string) => date.replace(/^(\d{4})/, (y) => String(Number(y) + year - 2026));
  draft.terms.startDate = moved(draft.terms.startDate);
  draft.terms.endDate = moved(draft.terms.endDate);
  for (const m of draft.terms.milestones) m.dueDate = moved(m.dueDate);
  return draft;
}

async function create(i: number, status: 'submitted' | 'draft'): Promise<Listed> {
  const response = await world.request('POST', '/v1/contracts', { as: writer(), json: draftOf(i, status) });
  if (response.status !== 201) throw new Error(await response.text());
  const { contract } = (await response.json()) as { contract: Listed & { version: number } };
  if (status === 'draft') return contract;
  const moved = await world.request('POST', `/v1/contracts/${contract.id}/transitions`, {
    as: writer(),
    headers: { 'If-Match': `"${contract.version}"` },
    json: { to: 'submitted', date: '2026-01-05' },
  });
  if (moved.status !== 200) throw new Error(await moved.text());
  return (await moved.json()) as Listed;
}

async function list<T = Listed>(path: string, as = writer()): Promise<Page<T>> {
  const response = await world.request('GET', path, { as });
  expect({ path, status: response.status }).toEqual({ path, status: 200 });
  return (await response.json()) as Page<T>;
}

/** Every page of a list, following its cursors. */
async function pages<T = Listed>(path: string, as = writer()): Promise<T[][]> {
  const all: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await list<T>(`${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, as);
    all.push(page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

beforeAll(async () => {
  await world.seed();
  // The oldest first, so that newest first the drafts come before every submitted contract.
  for (let i = 0; i < 12; i++) made.submitted.push(await create(i, 'submitted'));
  for (let i = 12; i < 32; i++) made.drafts.push(await create(i, 'draft'));
}, 120_000);
afterAll(() => world.dispose());

const ours = (items: readonly Listed[]) => items.filter((c) => c.number.startsWith(`LIST-${RUN}-`));

describe('an organisation’s contracts filtered by status', () => {
  it('come in full pages, newest first, though twenty newer drafts lie in front of them', async () => {
    const got = await pages('/v1/contracts?status=submitted&limit=5');
    expect(got.map((p) => p.length)).toEqual([5, 5, 2]);
    const listed = got.flat();
    expect(listed.every((c) => c.status === 'submitted')).toBe(true);
    // The world's own submitted contract? It has none: it seeds a draft and a signed one.
    expect(listed.map((c) => c.id)).toEqual([...made.submitted].reverse().map((c) => c.id));
  });

  it('move to another status’s list when their status changes', async () => {
    const moved = made.drafts[0]!;
    const head = (await list<Listed & { version: number }>(`/v1/contracts?status=draft&limit=100`)).items.find(
      (c) => c.id === moved.id,
    );
    expect(head).toBeDefined();
    const response = await world.request('POST', `/v1/contracts/${moved.id}/transitions`, {
      as: writer(),
      headers: { 'If-Match': `"${head!.version}"` },
      json: { to: 'submitted', date: '2026-02-01' },
    });
    expect(response.status).toBe(200);
    const submitted = (await list('/v1/contracts?status=submitted&limit=100')).items.map((c) => c.id);
    const drafts = (await list('/v1/contracts?status=draft&limit=100')).items.map((c) => c.id);
    expect(submitted[0]).toBe(moved.id);
    expect(drafts).not.toContain(moved.id);
    made.submitted.push(moved);
    made.drafts.shift();
  });

  it('pages the whole list unfiltered, newest first, each contract once', async () => {
    const listed = ours((await pages('/v1/contracts?limit=7')).flat());
    expect(listed).toHaveLength(32);
    expect(new Set(listed.map((c) => c.id)).size).toBe(32);
  });
});

describe('searching contracts', () => {
  it('finds a number by any part of it, full-width or not, and a title by a word in it', async () => {
    const target = made.submitted[5]!;
    expect((await list(`/v1/contracts?q=${encodeURIComponent(target.number)}`)).items.map((c) => c.id)).toEqual([
      target.id,
    ]);
    const fullWidth = target.number.replace(/[A-Z0-9-]/g, (ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0));
    expect((await list(`/v1/contracts?q=${encodeURIComponent(fullWidth)}`)).items.map((c) => c.id)).toEqual([
      target.id,
    ]);
    const byTitle = (await list(`/v1/contracts?q=${encodeURIComponent('渔洲坪街道')}&limit=100`)).items;
    expect(byTitle.map((c) => c.id).sort()).toEqual(
      made.submitted
        .filter((c) => c.title.includes('渔洲坪'))
        .map((c) => c.id)
        .sort(),
    );
  });

  it('searches within a status, in full pages', async () => {
    const got = await pages(`/v1/contracts?status=draft&q=${encodeURIComponent('白沙万社区')}&limit=4`);
    expect(got.flat().every((c) => c.status === 'draft' && c.title.includes('白沙万社区'))).toBe(true);
    expect(got.flat()).toHaveLength(made.drafts.length);
    expect(got.slice(0, -1).every((p) => p.length === 4)).toBe(true);
  });

  it('finds nothing of another organisation', async () => {
    const target = made.submitted[0]!;
    const found = await list(`/v1/contracts?q=${encodeURIComponent(target.number)}`, world.user('orgB'));
    expect(found.items).toEqual([]);
    const all = (await pages('/v1/contracts?q=LIST&limit=50', world.user('orgB'))).flat();
    expect(all).toEqual([]);
  });
});

describe('sorting contracts', () => {
  it('by value, either way, paging through each contract once in order', async () => {
    for (const order of ['asc', 'desc'] as const) {
      const listed = ours((await pages(`/v1/contracts?sort=value&order=${order}&limit=6`)).flat());
      expect(listed).toHaveLength(32);
      const values = listed.map((c) => c.value);
      const sorted = [...values].sort((a, b) => (order === 'asc' ? a - b : b - a));
      expect(values).toEqual(sorted);
      expect(new Set(listed.map((c) => c.id)).size).toBe(32);
    }
  });

  it('by number, with the digits in a number read as numbers (LIST-9 before LIST-10)', async () => {
    const listed = ours((await pages(`/v1/contracts?sort=number&limit=50`)).flat());
    expect(listed.map((c) => Number(c.number.split('-').at(-1)))).toEqual(Array.from({ length: 32 }, (_, i) => i));
  });

  it('by start date within a status, and by title', async () => {
    const dates = (await pages('/v1/contracts?status=draft&sort=startDate&order=desc&limit=5')).flat();
    expect(dates.map((c) => c.startDate)).toEqual([...dates.map((c) => c.startDate)].sort().reverse());
    const titles = ours((await pages('/v1/contracts?sort=title&limit=50')).flat()).map((c) => c.title);
    expect(titles).toEqual([...titles].sort(new Intl.Collator('zh-CN', { numeric: true }).compare));
  });

  it('refuses a cursor of another sort or search with 400, naming the cursor', async () => {
    const first = await list('/v1/contracts?sort=value&limit=3');
    expect(first.cursor).toBeDefined();
    for (const path of [
      `/v1/contracts?sort=number&limit=3&cursor=${first.cursor}`,
      `/v1/contracts?sort=value&q=LIST&limit=3&cursor=${first.cursor}`,
      `/v1/contracts?status=draft&limit=3&cursor=${first.cursor}`,
      '/v1/contracts?sort=value&cursor=bm90LWEtY3Vyc29y',
    ]) {
      const response = await world.request('GET', path, { as: writer() });
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
    }
  });

  it('refuses an unknown sort, order or status with 400', async () => {
    for (const query of ['sort=colour', 'order=up', 'status=lost', `q=${'x'.repeat(101)}`]) {
      const response = await world.request('GET', `/v1/contracts?${query}`, { as: writer() });
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
  });
});

describe('the staff list', () => {
  const names = ['黄小梅', '陆海燕', '覃丽', '李明', '张伟'];
  const ids: string[] = [];

  beforeAll(async () => {
    for (const [i, name] of names.entries()) {
      const first17 = `45060219900307${String(i).padStart(2, '0')}2`;
      const person: PersonInput = {
        name,
        idCardNumber: `${first17}${idCardCheckCharacter(first17)}`,
        phone: `1397701234${i}`,
        education: { level: 'bachelor', socialWorkMajor: true },
        employmentType: 'contract',
        monthlyPay: 3_900_00,
        employment: [
          { employer: '港口区阳光社会工作服务中心', region: '450602', start: '2021-03-01', socialWork: true },
        ],
        certificates: [
          {
            level: 'assistant',
            number: `Z${RUN}${i}`,
            obtainedOn: '2021-06-20',
            // Registered a day apart, each valid three years to the matching day (N-4): the last expires first.
            registeredOn: `2021-09-${String(10 - i).padStart(2, '0')}`,
            registrationExpiresOn: `2024-09-${String(10 - i).padStart(2, '0')}`,
          },
        ],
        continuingEducation: [],
      };
      const response = await world.request('POST', '/v1/people', { as: hr(), json: person });
      expect(response.status).toBe(201);
      ids.push(((await response.json()) as { id: string }).id);
    }
  });

  it('searches by name and by certificate number, and never finds another organisation’s people', async () => {
    const byName = await list<{ id: string }>(`/v1/people?q=${encodeURIComponent('海燕')}`, hr());
    expect(byName.items.map((p) => p.id)).toEqual([ids[1]]);
    const byCertificate = await list<{ id: string }>(`/v1/people?q=z${RUN.toLowerCase()}3`, hr());
    expect(byCertificate.items.map((p) => p.id)).toEqual([ids[3]]);
    const foreign = await list<{ id: string }>(`/v1/people?q=${encodeURIComponent('海燕')}`, world.user('orgB', 'hr'));
    expect(foreign.items).toEqual([]);
  });

  it('sorts by name in pinyin order and pages through it', async () => {
    const got = await pages<{ id: string; name: string }>(
      `/v1/people?q=${encodeURIComponent('')}&sort=name&limit=2`,
      hr(),
    );
    const ourNames = got
      .flat()
      .map((p) => p.name)
      .filter((n) => names.includes(n));
    expect(ourNames).toEqual(['黄小梅', '李明', '陆海燕', '覃丽', '张伟']);
    expect(got.slice(0, -1).every((p) => p.length === 2)).toBe(true);
  });

  it('sorts by registration expiry, soonest first, people without one last', async () => {
    const listed = (
      await pages<{ id: string; name: string }>('/v1/people?sort=registrationExpiry&limit=3', hr())
    ).flat();
    const ours = listed.filter((p) => ids.includes(p.id)).map((p) => p.id);
    expect(ours).toEqual([...ids].reverse());
    // The world's three people registered no period: they come after.
    expect(listed.slice(-3).every((p) => !ids.includes(p.id))).toBe(true);
  });
});

describe('the platform’s tenants', () => {
  it('are searched by name, filtered by status and sorted by name, in full pages', async () => {
    const found = await list<{ id: string; name: string }>(`/v1/tenants?q=${encodeURIComponent('阳光')}`, platform());
    expect(found.items.map((t) => t.id)).toEqual([world.tenant('orgA').id]);
    const orgB = world.tenant('orgB');
    const suspend = await world.request('POST', `/v1/tenants/${orgB.id}/suspend`, {
      as: platform(),
      headers: { 'If-Match': '"1"' },
      json: { reason: '测试暂停' },
    });
    expect(suspend.status).toBe(200);
    const suspended = (
      await pages<{ id: string; status: string }>('/v1/tenants?status=suspended&limit=1', platform())
    ).flat();
    expect(suspended.map((t) => t.id)).toEqual([orgB.id]);
    const active = await pages<{ status: string }>('/v1/tenants?status=active&limit=2', platform());
    expect(active.flat().every((t) => t.status === 'active')).toBe(true);
    expect(active.slice(0, -1).every((p) => p.length === 2)).toBe(true);
    const byName = (await pages<{ name: string }>('/v1/tenants?sort=name&limit=3', platform()))
      .flat()
      .map((t) => t.name);
    expect(byName).toEqual([...byName].sort(new Intl.Collator('zh-CN').compare));
    expect(byName).toHaveLength(7);
  });
});

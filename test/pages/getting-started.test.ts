import { assessContract, FANGCHENGGANG_2023, LADDER_EXAMPLE, type PersonInput, type RuleSetRef } from '@shegong/domain';
import { CONTRACT_EXAMPLE } from '@shegong/http';
import { beforeAll, describe, expect, it } from 'vitest';
import { Browser, createWorld, type SeededUser, validUscc, type World } from './support.ts';

/**
 * A new organisation's dashboard (issue 10, point 6): a checklist of what to do first, each step
 * checked against what is stored (members invited, roster, ladder, a first contract), the roster
 * step linking the import page, steps for other roles saying who does them; gone once all are done.
 */
let world: World;
let admin: SeededUser;

beforeAll(async () => {
  world = await createWorld();
  const org = await world.addTenant('org', '港口区新芽社会工作服务中心', '450602', validUscc(31));
  admin = await world.addUser(org, '周洁', ['admin']);
});

const repos = () => world.store.tenant({ tenantId: admin.tenant.id, userId: admin.id });

async function dashboard(user: SeededUser, path = '/org'): Promise<string> {
  const browser = new Browser(world.app);
  await browser.signIn(world, user);
  const response = await browser.get(path);
  expect(response.status).toBe(200);
  return response.text();
}

/** Each step's state on the page: `members todo`, `roster done`, … */
const stepsOf = (html: string) =>
  [...html.matchAll(/<li class="(checklist-done)?" id="step-(\w+)">/g)].map((m) => `${m[2]} ${m[1] ? 'done' : 'todo'}`);

const PERSON: PersonInput = {
  name: '黄小梅',
  idCardNumber: '450602199003070021',
  phone: '13977012345',
  education: { level: 'bachelor', socialWorkMajor: true },
  employmentType: 'contract',
  monthlyPay: 3_600_00,
  employment: [{ employer: '港口区新芽社会工作服务中心', region: '450602', start: '2025-03-01', socialWork: true }],
  certificates: [],
  continuingEducation: [],
};

describe('getting started', () => {
  it('shows a new organisation’s admin four steps to do, the roster step linking the import page', async () => {
    const html = await dashboard(admin);
    expect(html).toContain('id="getting-started"');
    expect(stepsOf(html)).toEqual(['members todo', 'roster todo', 'ladder todo', 'contract todo']);
    expect(html).toContain('href="/org/staff/import"');
    expect(html).toContain('已完成 0 / 4');
    // Nothing advertises features that are not built.
    expect(html).not.toContain('即将上线，上线后会出现在左侧菜单中');
  });

  it('ticks what is done, and tells a member whose role cannot do a step who can', async () => {
    const hr = await world.addUser(admin.tenant, '林涛', ['hr']);
    await repos().people.create(PERSON);
    const html = await dashboard(hr);
    expect(stepsOf(html)).toEqual(['members done', 'roster done', 'ladder todo', 'contract todo']);
    expect(html).toContain('href="/org/ladder"');
    // hr does not write contracts: the step names the roles that do.
    expect(html).toMatch(/id="step-contract">[\s\S]*?由管理员、项目主管、财务完成/);
    expect(html).not.toContain('href="/org/contracts/new"');
    // The staff list links the import page too, for those who may import.
    expect(await dashboard(hr, '/org/staff')).toContain('<a class="btn" href="/org/staff/import">导入名册</a>');
  });

  it('goes away once every step is done', async () => {
    await repos().ladders.save(LADDER_EXAMPLE, { firstSave: true });
    const ruleSet: RuleSetRef = {
      id: '450600-2023-01-01-v1',
      region: '450600',
      effectiveFrom: '2023-01-01',
      version: 1,
      title: FANGCHENGGANG_2023.title,
    };
    const rules = FANGCHENGGANG_2023.parameters;
    await repos().contracts.create({
      draft: CONTRACT_EXAMPLE,
      costedPosts: CONTRACT_EXAMPLE.plan.posts,
      ruleSet,
      rules,
      assessment: assessContract(CONTRACT_EXAMPLE, rules),
    });
    const html = await dashboard(admin);
    expect(html).not.toContain('id="getting-started"');
  });
});

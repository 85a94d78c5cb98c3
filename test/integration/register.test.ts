import { randomUUID } from 'node:crypto';
import { actingAs, changeContractStatus, costDraft, recordActualMonth, type UseCaseContext } from '@shegong/core';
import type { ContractDraft, RegisterEntry } from '@shegong/domain';
import { ACTUAL_MONTH_EXAMPLE, AMENDMENT_EXAMPLE, CONTRACT_EXAMPLE } from '@shegong/http';
import {
  backfillRegister,
  DeleteCommand,
  GetCommand,
  keys,
  PutCommand,
  registerCounters,
  registerShard,
} from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The test package does not depend on ExcelJS; the sheets package reads its own files back.
import { type CellRead, workbookCells, XLSX_TYPE } from '../../packages/sheets/src/index.ts';
import { World } from '../support/world.ts';

/**
 * The register (台账) of a bureau's jurisdiction through the API, on DynamoDB Local. The world's
 * organisations each hold two contracts bought by 港口区 (450602: a draft and a signed one); here
 * organisation A adds two bought by 东兴 (450681), one of them below its price floor, and one by
 * 上思 (450621) starting in 2025 whose personnel line is under the 70 % minimum. The city bureau
 * (A, 450600) sees all of them; the county bureau (B, 东兴) only 东兴's.
 */

// Evaluated, whatever the environment says: a test below counts the crossings the names take.
const world = await World.create('register', { evaluatePolicy: true });
let orgA: UseCaseContext;
const ids = { dongxing: '', belowFloor: '', shangsi: '' };

const draftOf = (number: string, terms: Partial<ContractDraft['terms']>, plan?: Partial<ContractDraft['plan']>) => ({
  terms: { ...CONTRACT_EXAMPLE.terms, number, ...terms },
  plan: { ...CONTRACT_EXAMPLE.plan, ...plan },
});
const create = async (draft: ContractDraft) =>
  (await orgA.repos.contracts.create(await costDraft(orgA, draft))).contract;
/** Moves a contract of organisation A along; to sign a submitted one, its bureau approves it first. */
const move = async (id: string, to: 'submitted' | 'signed' | 'running') => {
  const head = await orgA.repos.contracts.get(id);
  const version =
    to === 'signed' && head.status === 'submitted'
      ? (await world.approve(world.tenant('orgA'), id, head.version)).version
      : head.version;
  return changeContractStatus(orgA, id, { to, date: '2026-01-05' }, version);
};
/** A month of actuals on the contract; `pay` is 李明's (assistant: floor ¥3,200 in the city, ¥3,500 in 东兴). */
const actuals = (id: string, month: string, pay: number) =>
  recordActualMonth(orgA, id, month, {
    ...ACTUAL_MONTH_EXAMPLE,
    payroll: [{ ...ACTUAL_MONTH_EXAMPLE.payroll[0]!, grossPay: pay }, ...ACTUAL_MONTH_EXAMPLE.payroll.slice(1)],
  });

beforeAll(async () => {
  await world.seed();
  const a = world.tenant('orgA');
  orgA = await actingAs(world.deps, { tenantId: a.id, userId: a.users[0]!.id });
  const dongxing = { name: '东兴市民政局', region: '450681' };
  ids.dongxing = (await create(draftOf('DX-2026-001', { purchaser: dongxing }))).id;
  ids.belowFloor = (await create(draftOf('DX-2026-002', { purchaser: dongxing, value: 250_000_00 }))).id;
  ids.shangsi = (
    await create(
      draftOf(
        'SS-2025-001',
        { purchaser: { name: '上思县民政局', region: '450621' }, startDate: '2025-03-01', endDate: '2026-02-28' },
        { lines: { ...CONTRACT_EXAMPLE.plan.lines, personnel: 180_000_00 } },
      ),
    )
  ).id;
  for (const to of ['submitted', 'signed', 'running'] as const) await move(ids.dongxing, to);
  await actuals(ids.dongxing, '2026-02', 3_000_00);
});
afterAll(() => world.dispose());

const auditor = (bureau: 'bureauA' | 'bureauB' = 'bureauA') => world.user(bureau, 'auditor');

interface Row {
  organisationId: string;
  organisationName: string;
  contractId: string;
  county: string;
  number: string;
  year: number;
  value: number;
  status: string;
  labourCost: number;
  labourShareBp: number;
  priceFloor?: number;
  findings: { kind: string; ruleId: string }[];
  ruleIds: Record<string, string>;
}
interface Totals {
  count: number;
  value: number;
  labourCost: number;
}
interface RegisterPage {
  items: Row[];
  cursor?: string;
  totals: Totals;
}

async function page(query: Record<string, string | number>, bureau: 'bureauA' | 'bureauB' = 'bureauA') {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  const response = await world.request('GET', `/v1/jurisdiction/contracts?${search}`, { as: auditor(bureau) });
  expect(response.status).toBe(200);
  return (await response.json()) as RegisterPage;
}

/** Every row of a filter, page by page (small pages, to walk the cursors), and the totals it answered. */
async function everything(filter: Record<string, string | number> = {}, bureau: 'bureauA' | 'bureauB' = 'bureauA') {
  const rows: Row[] = [];
  let cursor: string | undefined;
  let totals: Totals | undefined;
  do {
    const found = await page({ ...filter, limit: 2, ...(cursor ? { cursor } : {}) }, bureau);
    if (found.cursor) expect(found.items).toHaveLength(2);
    rows.push(...found.items);
    totals ??= found.totals;
    cursor = found.cursor;
  } while (cursor);
  return { rows, totals: totals as Totals };
}

const sum = (rows: readonly Row[]): Totals => ({
  count: rows.length,
  value: rows.reduce((s, r) => s + r.value, 0),
  labourCost: rows.reduce((s, r) => s + r.labourCost, 0),
});

const FILTERS: Record<string, string | number>[] = [
  {},
  { county: '450602' },
  { county: '450681' },
  { status: 'draft' },
  { status: 'running' },
  { finding: 'belowPriceFloor' },
  { finding: 'labourShareBelowMin' },
  { finding: 'paidBelowGuideline' },
  { year: 2025 },
  { year: 2026, county: '450681' },
];

/** For every filter, in both jurisdictions: the totals are the sum of the rows listed. */
async function expectTotalsMatchRows() {
  for (const bureau of ['bureauA', 'bureauB'] as const) {
    for (const filter of [...FILTERS, { organisationId: world.tenant('orgA').id }]) {
      const { rows, totals } = await everything(filter, bureau);
      expect(totals, `${bureau} ${JSON.stringify(filter)}`).toEqual(sum(rows));
      expect(new Set(rows.map((r) => r.contractId)).size).toBe(rows.length);
    }
  }
}

describe('the register of a jurisdiction', () => {
  it('lists every contract of the city’s counties to the city, and only its own county’s to the county', async () => {
    const city = await everything();
    expect(city.rows.map((r) => r.county).sort()).toEqual(
      ['450602', '450602', '450602', '450602', '450621', '450681', '450681'].sort(),
    );
    const county = await everything({}, 'bureauB');
    expect(county.rows.map((r) => r.number).sort()).toEqual(['DX-2026-001', 'DX-2026-002']);
    // A county bureau asking for another county gets nothing, not an error.
    expect((await page({ county: '450602' }, 'bureauB')).items).toEqual([]);
  });

  it('shows each row’s organisation, figures, rule ids and the rules it breaks', async () => {
    const { rows } = await everything();
    const below = rows.find((r) => r.number === 'DX-2026-002')!;
    expect(below.organisationName).toBe(world.tenant('orgA').name);
    expect(below.findings).toContainEqual({ kind: 'belowPriceFloor', ruleId: 'P-W2' });
    expect(below.ruleIds).toEqual({ labourCost: 'P-W2', labourShare: 'P-W2', priceFloor: 'P-W2' });
    expect(below.priceFloor).toBeGreaterThan(below.value);
    const shangsi = rows.find((r) => r.number === 'SS-2025-001')!;
    expect(shangsi.year).toBe(2025);
    expect(shangsi.labourShareBp).toBe(6428); // 180,000 / 280,000, rounded down
    expect(shangsi.findings).toEqual([{ kind: 'labourShareBelowMin', ruleId: 'P-W2' }]);
    const running = rows.find((r) => r.number === 'DX-2026-001')!;
    expect(running.status).toBe('running');
    expect(running.findings).toEqual([{ kind: 'paidBelowGuideline', ruleId: 'P-W3' }]);
  });

  it('names the organisations from the city’s listings, crossing only into one that is not listed there', async () => {
    const policy = world.policy!;
    const orgB = world.tenant('orgB');
    const crossedSince = (from: number) =>
      policy.accesses
        .slice(from)
        .filter((a) => a.crossing?.path === 'jurisdictionReads')
        .map((a) => a.crossing?.target);
    const nameOfB = (rows: readonly Row[]) => rows.find((r) => r.organisationId === orgB.id)?.organisationName;
    const from = policy.accesses.length;
    expect(nameOfB((await everything()).rows)).toBe(orgB.name);
    expect(crossedSince(from)).toEqual([]);
    // Without its listing, as for an organisation registered in another city: its tenant record,
    // through the crossing into it alone.
    const listing = keys.organisationListing(orgB.id);
    const { Item } = await world.store.client.send(new GetCommand({ TableName: world.table.tableName, Key: listing }));
    await world.store.client.send(new DeleteCommand({ TableName: world.table.tableName, Key: listing }));
    try {
      const again = policy.accesses.length;
      expect(nameOfB((await everything()).rows)).toBe(orgB.name);
      expect(new Set(crossedSince(again))).toEqual(new Set([orgB.id]));
    } finally {
      await world.store.client.send(new PutCommand({ TableName: world.table.tableName, Item }));
    }
  });

  it('filters by county, organisation, status, finding kind and year; a foreign organisation lists nothing', async () => {
    const numbers = async (filter: Record<string, string | number>) =>
      (await everything(filter)).rows.map((r) => r.number).sort();
    expect(await numbers({ finding: 'belowPriceFloor' })).toEqual(['DX-2026-002']);
    expect(await numbers({ finding: 'labourShareBelowMin' })).toEqual(['SS-2025-001']);
    expect(await numbers({ finding: 'paidBelowGuideline' })).toEqual(['DX-2026-001']);
    expect(await numbers({ year: 2025 })).toEqual(['SS-2025-001']);
    expect(await numbers({ status: 'running' })).toEqual(['DX-2026-001']);
    expect(await numbers({ county: '450621' })).toEqual(['SS-2025-001']);
    expect(await numbers({ organisationId: world.tenant('orgB').id })).toEqual(['GKMZ-2026-009', 'GKMZ-2026-016']);
    expect(await numbers({ organisationId: world.tenant('orgB').id, county: '450602' })).toHaveLength(2);
    const foreign = await page({ organisationId: randomUUID() });
    expect(foreign).toEqual({ items: [], totals: { count: 0, value: 0, labourCost: 0 } });
  });

  it('searches by contract number or organisation name, and sorts', async () => {
    expect((await everything({ q: 'dx-2026-00' })).rows.map((r) => r.number).sort()).toEqual([
      'DX-2026-001',
      'DX-2026-002',
    ]);
    const byName = await everything({ q: '同心' });
    expect(byName.rows.every((r) => r.organisationId === world.tenant('orgB').id)).toBe(true);
    expect(byName.totals).toEqual(sum(byName.rows));
    const byValue = (await everything({ sort: 'value', order: 'desc' })).rows.map((r) => r.value);
    expect(byValue).toEqual([...byValue].sort((a, b) => b - a));
    const byShare = (await everything({ sort: 'labourShare' })).rows.map((r) => r.labourShareBp);
    expect(byShare).toEqual([...byShare].sort((a, b) => a - b));
  });

  it('refuses a bad filter, naming the field', async () => {
    const response = await world.request('GET', '/v1/jurisdiction/contracts?finding=late&county=45', {
      as: auditor(),
    });
    expect(response.status).toBe(400);
    const body = JSON.stringify(await response.json());
    expect(body).toContain('finding');
    expect(body).toContain('county');
  });

  it('has totals equal to the sum of its rows for every filter', async () => {
    await expectTotalsMatchRows();
  });

  it('keeps the totals right through edits, amendments, status changes and actuals', async () => {
    // The draft below its floor is edited up to its floor's side: it leaves the finding's totals.
    const below = await orgA.repos.contracts.get(ids.belowFloor);
    await orgA.repos.contracts.editDraft(
      ids.belowFloor,
      await costDraft(orgA, draftOf('DX-2026-002', { purchaser: below.purchaser })),
      below.version,
    );
    expect((await everything({ finding: 'belowPriceFloor' })).rows).toEqual([]);
    // The running contract is amended (its labour cost changes) and its month paid at the floor.
    const running = await orgA.repos.contracts.get(ids.dongxing);
    await orgA.repos.contracts.amend(
      ids.dongxing,
      await costDraft(orgA, {
        ...AMENDMENT_EXAMPLE.draft,
        terms: { ...AMENDMENT_EXAMPLE.draft.terms, number: 'DX-2026-001', purchaser: running.purchaser },
      }),
      { reason: AMENDMENT_EXAMPLE.reason, effectiveDate: AMENDMENT_EXAMPLE.effectiveDate },
      running.version,
    );
    await actuals(ids.dongxing, '2026-02', 3_600_00); // 东兴's assistant floor is ¥3,500
    expect((await everything({ finding: 'paidBelowGuideline' })).rows).toEqual([]);
    await actuals(ids.dongxing, '2026-03', 3_100_00);
    expect((await everything({ finding: 'paidBelowGuideline' })).rows.map((r) => r.number)).toEqual(['DX-2026-001']);
    await move(ids.belowFloor, 'submitted');
    await expectTotalsMatchRows();
  });

  it('keeps the totals right when many contracts of one organisation, region, year and status are saved at once', async () => {
    const before = (await page({ county: '450681' })).totals;
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        create(draftOf(`DX-2026-1${i}`, { purchaser: { name: '东兴市民政局', region: '450681' } })),
      ),
    );
    const after = (await page({ county: '450681' })).totals;
    expect(after.count).toBe(before.count + 6);
    // And a month of actuals racing a status change of the same contract: both count, once.
    await move(made[0]!.id, 'submitted');
    await move(made[0]!.id, 'signed');
    await Promise.all([actuals(made[0]!.id, '2026-04', 3_000_00), move(made[0]!.id, 'running')]);
    const row = (await everything({ county: '450681', status: 'running', finding: 'paidBelowGuideline' })).rows;
    expect(row.map((r) => r.contractId)).toContain(made[0]!.id);
    await expectTotalsMatchRows();
  });
});

/** The register sheet of an export: its cells by row and column, and its headings (row 3). */
async function registerSheet(query: string) {
  const response = await world.request('GET', `/v1/jurisdiction/contracts/register.xlsx?${query}`, { as: auditor() });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
  const cells = (await workbookCells(await response.arrayBuffer())).filter((c) => c.sheet === '合同台账');
  const at = (row: number, col: number): CellRead | undefined => cells.find((c) => c.row === row && c.col === col);
  const headings = cells
    .filter((c) => c.row === 3)
    .sort((a, b) => a.col - b.col)
    .map((c) => String(c.value));
  return { at, headings, column: (heading: string) => headings.indexOf(heading) + 1 };
}

describe('contracts written before the register', () => {
  it('get their rows and aggregates from the migration, with the actuals’ flag, once', async () => {
    const contract = await create(draftOf('SS-2026-050', { purchaser: { name: '上思县民政局', region: '450621' } }));
    await move(contract.id, 'submitted');
    await move(contract.id, 'signed');
    await actuals(contract.id, '2026-05', 3_000_00);
    // As it was before the register: no row, and nothing of it in the aggregates.
    const orgId = world.tenant('orgA').id;
    const key = keys.registerRow(orgId, contract.id);
    const { Item: row } = await world.store.client.send(new GetCommand({ TableName: world.table.tableName, Key: key }));
    const entry = row as unknown as RegisterEntry & { version: number };
    const mutation = orgA.repos.scope.mutation();
    mutation
      .add(
        'RegisterTotal',
        keys.registerTotal(orgId, entry.county, entry.year, entry.status),
        {},
        registerCounters(entry, -1, ''),
      )
      .add(
        'RegisterSum',
        keys.registerSum('450600', entry.county, entry.year, registerShard(contract.id)),
        {},
        registerCounters(entry, -1, `${entry.status}_`),
      )
      .add('RegisterOrganisation', keys.registerOrganisation(orgId, entry.county), {}, { n: -1 })
      .remove('RegisterRow', key, entry.version);
    await mutation.audited('test.unregister', 'RegisterRow', contract.id, 1, {}).commit();
    expect((await everything({ q: 'SS-2026-050' })).rows).toEqual([]);
    await expectTotalsMatchRows();

    expect((await backfillRegister(world.store)).rows).toBe(1);
    const found = (await everything({ county: '450621', finding: 'paidBelowGuideline' })).rows;
    expect(found.map((r) => r.number)).toEqual(['SS-2026-050']);
    await expectTotalsMatchRows();
    expect((await backfillRegister(world.store)).rows).toBe(0);
  });
});

describe('the register’s xlsx', () => {
  it('files the filtered register with Chinese headings, yuan with two decimals and rule ids in their own column', async () => {
    const sheet = await registerSheet('county=450681&sort=number');
    expect(sheet.headings).toEqual(
      expect.arrayContaining([
        '合同编号',
        '合同金额（元）',
        '人员成本（元）',
        '人员经费占比',
        '价格底线（元）',
        '测算规则',
        '问题规则',
      ]),
    );
    const rows = (await everything({ county: '450681', sort: 'number' })).rows;
    rows.forEach((row, i) => {
      expect(sheet.at(4 + i, sheet.column('合同编号'))?.value).toBe(row.number);
      const value = sheet.at(4 + i, sheet.column('合同金额（元）'))!;
      expect(value.value).toBe(row.value / 100);
      expect(value.numFmt).toBe('#,##0.00');
      expect(sheet.at(4 + i, sheet.column('人员成本（元）'))?.value).toBe(row.labourCost / 100);
      expect(sheet.at(4 + i, sheet.column('测算规则'))?.value).toBe('P-W2');
    });
    const total = 4 + rows.length;
    expect(sheet.at(total, 1)?.value).toBe('合计');
    expect(sheet.at(total, sheet.column('合同金额（元）'))?.value).toBeCloseTo(sum(rows).value / 100, 2);
    expect(String(sheet.at(2, 1)?.value)).toContain('东兴');
  });

  it('lists the rule of each finding in the 问题规则 column', async () => {
    const sheet = await registerSheet('finding=labourShareBelowMin');
    expect(sheet.at(4, sheet.column('存在问题'))?.value).toBe('人员经费占比低于下限');
    expect(sheet.at(4, sheet.column('问题规则'))?.value).toBe('P-W2');
  });
});

describe('the register’s pages', () => {
  it('shows the bureau’s dashboard: money by county in a chart and a table, and the rules broken', async () => {
    const response = await world.page('GET', '/bureau', { as: auditor() });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('各县区合同与金额');
    expect(html).toMatch(/<svg[^>]*role="img"/);
    for (const county of ['港口区', '上思县', '东兴市']) expect(html).toContain(county);
    expect(html).toContain('href="/bureau/register?finding=labourShareBelowMin"');
    expect(html).toContain('href="/bureau/register"');
  });

  it('shows the county bureau only its own county', async () => {
    const html = await (await world.page('GET', '/bureau', { as: auditor('bureauB') })).text();
    expect(html).toContain('东兴市');
    expect(html).not.toContain('港口区</a>');
  });

  it('filters, searches and pages the register, with the totals of the filter', async () => {
    const html = await (
      await world.page('GET', '/bureau/register?finding=labourShareBelowMin', { as: auditor() })
    ).text();
    expect(html).toContain('SS-2025-001');
    expect(html).not.toContain('DX-2026-001');
    expect(html).toContain('1 份合同');
    expect(html).toContain(`/bureau/contracts/${world.tenant('orgA').id}/${ids.shangsi}`);
    const searched = await (await world.page('GET', '/bureau/register?q=同心', { as: auditor() })).text();
    expect(searched).toContain(world.tenant('orgB').name);
    expect(searched).not.toContain('DX-2026-001');
    const english = await (await world.page('GET', '/bureau/register', { as: auditor(), lang: 'en' })).text();
    expect(english).toContain('Contract register');
    expect(english).toContain('Labour share');
  });

  it('downloads the filtered register as xlsx, and refuses an organisation', async () => {
    const response = await world.page('GET', '/bureau/register/export.xlsx?county=450621', { as: auditor() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
    const cells = await workbookCells(await response.arrayBuffer());
    expect(cells.some((c) => c.value === 'SS-2025-001')).toBe(true);
    expect(cells.some((c) => c.value === 'DX-2026-001')).toBe(false);
    expect((await world.page('GET', '/bureau/register', { as: world.user('orgA') })).status).toBe(403);
  });
});

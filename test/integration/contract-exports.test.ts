import type { BudgetVsActual, ContractDraft, ContractVersion, StoredContract } from '@shegong/domain';
import { CONTRACT_EXAMPLE } from '@shegong/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The test package does not depend on ExcelJS; the sheets package reads its own files back.
import { type CellRead, workbookCells, XLSX_TYPE } from '../../packages/sheets/src/index.ts';
import { World } from '../support/world.ts';

/**
 * The xlsx exports through the HTTP app (issue 4, point 5): a contract created through the API,
 * its costing sheet and its budget against actual downloaded, and every amount in the files held
 * against the API's own figures — the object GET /v1/contracts/{id} returns, which the contract page
 * shows too. Fangchenggang's 2023 rule set applies (CONTRACT_EXAMPLE's comment works the numbers).
 */

const world = await World.create('contract-exports');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

const finance = () => world.user('orgA', 'finance');
/** A reader who does not write: hr (staff do not see contracts, whose figures show pay). */
const hr = () => world.user('orgA', 'hr');

interface View {
  contract: StoredContract;
  version: ContractVersion;
}

/** CONTRACT_EXAMPLE with its activities line itemised (12 × ¥2,000 + 6 × ¥1,000 = ¥30,000) and a named person. */
function draftFor(number: string, personId: string): ContractDraft {
  const draft = structuredClone(CONTRACT_EXAMPLE);
  draft.terms.number = number;
  draft.plan.posts[1] = { ...draft.plan.posts[1]!, personId };
  draft.plan.items = [
    { line: 'activities', category: '社区活动物料', unitPrice: 2_000_00, unit: '场', quantity: 12 },
    { line: 'activities', category: '宣传印刷', unitPrice: 1_000_00, unit: '批', quantity: 6, note: '海报与折页' },
  ];
  return draft;
}

async function createContract(number: string): Promise<View> {
  const created = await world.request('POST', '/v1/contracts', {
    as: finance(),
    json: draftFor(number, world.tenant('orgA').people[0]!),
    headers: { 'Idempotency-Key': `exports-${number}` },
  });
  expect(created.status).toBe(201);
  const { contract } = (await created.json()) as View;
  const read = await world.request('GET', `/v1/contracts/${contract.id}`, { as: hr() });
  expect(read.status).toBe(200);
  return (await read.json()) as View;
}

/** A downloaded workbook's cells, and one cell's value by sheet and address. */
async function workbookOf(response: Response) {
  const cells = await workbookCells(await response.arrayBuffer());
  const at = (sheet: string, address: string) => cells.find((c) => c.sheet === sheet && c.address === address)?.value;
  const rowsOf = (sheet: string) => {
    const rows: unknown[][] = [];
    for (const c of cells.filter((x) => x.sheet === sheet)) {
      const row = rows[c.row] ?? [];
      row[c.col] = c.value;
      rows[c.row] = row;
    }
    return rows;
  };
  return { cells, at, rowsOf };
}

/** Every number in a JSON value (the API's figures, all in fen). */
function numbersIn(value: unknown, into = new Set<number>()): Set<number> {
  if (typeof value === 'number') into.add(value);
  else if (Array.isArray(value)) for (const v of value) numbersIn(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) numbersIn(v, into);
  return into;
}

/** Whether a cell's yuan is exactly fen / 100 (the double a file stores) for a fen figure known. */
const isFenOf = (known: ReadonlySet<number>, yuan: number) => {
  const fen = Math.round(yuan * 100);
  return known.has(fen) && fen / 100 === yuan;
};

/** Every cell formatted as yuan, as [where, value]. */
const moneyCells = (cells: readonly CellRead[]): [string, number][] =>
  cells
    .filter((c) => c.numFmt === '#,##0.00' && typeof c.value === 'number')
    .map((c) => [`${c.sheet}!${c.address}`, c.value as number]);

describe('GET /v1/contracts/{id}/costing.xlsx', () => {
  it('holds only the API’s figures, each yuan amount the fen figure / 100', async () => {
    const view = await createContract('EXPORT-2026-001');
    const response = await world.request('GET', `/v1/contracts/${view.contract.id}/costing.xlsx`, { as: hr() });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(XLSX_TYPE);
    const disposition = response.headers.get('Content-Disposition') ?? '';
    expect(disposition).toContain(`filename="____-EXPORT-2026-001-v1.xlsx"`);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('成本测算-EXPORT-2026-001-v1.xlsx')}`);
    const workbook = await workbookOf(response);

    // Every amount in the file is a figure of GET /v1/contracts/{id} (an item's total is its unit
    // price × quantity, both from the API): nothing is recomputed differently for the file.
    const known = numbersIn(view);
    for (const item of view.version.draft.plan.items) known.add(item.unitPrice * item.quantity);
    const cells = moneyCells(workbook.cells);
    expect(cells.length).toBeGreaterThan(60);
    const strangers = cells.filter(([, yuan]) => !isFenOf(known, yuan));
    expect(strangers).toEqual([]);

    // And where each figure sits: the budget table, the post breakdown, the findings.
    const { costing } = view.version.assessment;
    const table = workbook.rowsOf('成本测算');
    const labels = table.map((row) => (typeof row?.[1] === 'string' ? (row[1] as string).trim() : undefined));
    const at = (label: string) => table[labels.indexOf(label)] ?? [];
    // 项目主管 ¥4,500: M 5,791.50 × 12 = 69,498.00; 一线社工 (the named person, ¥3,600, assistant)…
    expect(at('一、人员经费')[5]).toBe(204_200);
    costing.posts.forEach((post, i) => {
      const row = table[labels.findIndex((v) => v?.startsWith(`${i + 1}. `))] ?? [];
      expect([row[2], row[5], row[7]]).toEqual([post.monthly / 100, post.cost / 100, 'P-W3']);
    });
    expect(costing.posts[0]).toMatchObject({ monthly: 579_150, cost: 6_949_800 });
    expect(at('人工成本小计 L')[5]).toBe(costing.labourCost / 100);
    expect(at('合计')[5]).toBe(280_000);
    expect(String(workbook.at('成本测算', 'B5'))).toContain(view.version.ruleSet.id);
    // One numbered row per finding (none here: the example is clean, so the sheet says so).
    const findings = workbook.rowsOf('检查结果').filter((row) => typeof row?.[1] === 'number');
    expect(findings.map((row) => row[3])).toEqual(view.version.assessment.findings.map((f) => f.ruleId));
  });

  it('serves the same sheet on the page address, in the page’s language, and any version asked for', async () => {
    const view = await createContract('EXPORT-2026-002');
    const api = await workbookOf(
      await world.request('GET', `/v1/contracts/${view.contract.id}/costing.xlsx?version=1`, { as: hr() }),
    );
    const page = await world.page('GET', `/org/contracts/${view.contract.id}/costing.xlsx`, { as: hr() });
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Disposition')).toContain("filename*=UTF-8''");
    const fromPage = await workbookOf(page);
    expect(moneyCells(fromPage.cells)).toEqual(moneyCells(api.cells));
    const missing = await world.request('GET', `/v1/contracts/${view.contract.id}/costing.xlsx?version=2`, {
      as: hr(),
    });
    expect(missing.status).toBe(404);
  });

  it('answers 404 to another organisation, on the API and the page', async () => {
    const view = await createContract('EXPORT-2026-003');
    const other = world.user('orgB', 'admin');
    for (const path of ['costing.xlsx', 'budget-vs-actual.xlsx']) {
      expect((await world.request('GET', `/v1/contracts/${view.contract.id}/${path}`, { as: other })).status).toBe(404);
      expect((await world.page('GET', `/org/contracts/${view.contract.id}/${path}`, { as: other })).status).toBe(404);
    }
  });
});

describe('GET /v1/contracts/{id}/budget-vs-actual.xlsx', () => {
  it('holds the figures of GET …/budget-vs-actual: per line, month by month, and the findings', async () => {
    const view = await createContract('EXPORT-2026-004');
    let version = view.contract.version;
    for (const to of ['submitted', 'signed'] as const) {
      const moved = await world.request('POST', `/v1/contracts/${view.contract.id}/transitions`, {
        as: finance(),
        json: { to, date: '2025-12-28' },
        headers: { 'If-Match': `"${version}"` },
      });
      expect(moved.status).toBe(200);
      version = ((await moved.json()) as StoredContract).version;
      // Review before signing: the bureau approves the submission.
      if (to === 'submitted') version = (await world.approve(world.tenant('orgA'), view.contract.id, version)).version;
    }
    // Two months: in March 王芳 is paid ¥3,000, under the assistant floor ¥3,200 (P-W3).
    for (const [month, pay] of [
      ['2026-01', 3_600_00],
      ['2026-03', 3_000_00],
    ] as const) {
      const recorded = await world.request('PUT', `/v1/contracts/${view.contract.id}/actuals/${month}`, {
        as: finance(),
        json: {
          payroll: [
            { name: '李明', certLevel: 'social_worker', grossPay: 4_500_00, sharePercent: 100 },
            { name: '王芳', certLevel: 'assistant', grossPay: pay, sharePercent: 100 },
          ],
          expenses: { supervision: 1_000_00, activities: 6_000_00, management: 2_000_00, tax: 700_00, other: 0 },
        },
      });
      expect(recorded.status).toBe(200);
    }
    const report = (await (
      await world.request('GET', `/v1/contracts/${view.contract.id}/budget-vs-actual`, { as: hr() })
    ).json()) as BudgetVsActual;
    const response = await world.request('GET', `/v1/contracts/${view.contract.id}/budget-vs-actual.xlsx`, {
      as: hr(),
    });
    expect(response.status).toBe(200);
    const workbook = await workbookOf(response);
    const table = workbook.rowsOf('预算执行');
    report.lines.forEach((line, i) => {
      const row = table[8 + i] ?? [];
      expect([2, 3, 4, 5, 6].map((n) => row[n])).toEqual([
        line.budget / 100,
        line.actual / 100,
        line.remaining / 100,
        line.projected / 100,
        line.ruleId,
      ]);
    });
    expect(report.monthsElapsed).toBe(3);
    const months = workbook.rowsOf('月度明细');
    expect(months.slice(2).map((row) => [row[1], row[2]])).toEqual([
      ['2026-01', expect.any(Number)],
      ['2026-03', expect.any(Number)],
      ['合计', report.lines[0]!.actual / 100],
    ]);
    const rules = workbook
      .rowsOf('检查结果')
      .slice(2)
      .map((row) => row[3]);
    expect(rules).toEqual(report.findings.map((f) => f.ruleId));
    expect(rules).toContain('P-W3');
    // Every amount in the file is one of the report's figures.
    const known = numbersIn(report);
    // The payroll sheet's per-person figures: each month as GET …/actuals/{month} returns it.
    for (const month of report.months) {
      const recorded = await world.request('GET', `/v1/contracts/${view.contract.id}/actuals/${month}`, {
        as: hr(),
      });
      numbersIn(await recorded.json(), known);
    }
    const strangers = moneyCells(workbook.cells).filter(([, yuan]) => !isFenOf(known, yuan));
    expect(strangers).toEqual([]);
  });
});

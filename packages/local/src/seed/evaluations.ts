import {
  actingAs,
  contractEvaluations,
  drawSpotCheck,
  fileEvaluation,
  getSpotCheck,
  jurisdictionContract,
  type UseCaseContext,
} from '@shegong/core';
import { GetCommand, keys, type Store } from '@shegong/store';
import { createDemoContract, runDemoContract } from './contracts.ts';
import { DEMO_LONG_CONTRACTS } from './demo-contracts.ts';
import { DEMO_TENANTS, type DemoTenant } from './demo-data.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * Seed part 'evaluations-v1' (N-6): two-year running contracts in both counties (demo-contracts.ts),
 * then each bureau's spot check of 2026 with a stated seed, a spot-check evaluation of its first
 * sampled contract, and the city's final evaluation of 阳光's 2025 contract (closed). 东兴's
 * DXMZ-2025-012 ended in October 2026 with no final evaluation: overdue on both bureaus' pages.
 */

const bureau = (domain: string): DemoTenant => {
  const t = DEMO_TENANTS.find((x) => x.domain === domain);
  if (!t) throw new Error(`no demo tenant ${domain}`);
  return t;
};

/** A bureau member's user id by their sign-in (the auditor does the evaluations). */
async function memberOf(store: Store, tenant: DemoTenant, mailbox: string): Promise<string> {
  const { Item } = await store.client.send(
    new GetCommand({ TableName: store.tableName, Key: keys.emailGuard(`${mailbox}@${tenant.domain}`) }),
  );
  return typeof Item?.userId === 'string' ? Item.userId : 'seed';
}

/** The year's draw, or the one drawn before (a seed cut short and run again). */
async function drawOnce(ctx: UseCaseContext, seed: string) {
  return getSpotCheck(ctx, '2026').catch(
    async () => (await drawSpotCheck(ctx, { year: 2026, stratified: true, seed })).spotCheck,
  );
}

/** A spot-check evaluation of the first contract drawn, unless it has one. */
async function evaluateFirstSampled(ctx: UseCaseContext, sample: readonly string[], scores: number[], notes: string) {
  const [organisationId = '', contractId = ''] = (sample[0] ?? '').split('/');
  if (!organisationId) return;
  if ((await contractEvaluations(ctx, organisationId, contractId)).some((e) => e.kind === 'spot_check')) return;
  await fileEvaluation(ctx, organisationId, contractId, {
    kind: 'spot_check',
    spotCheckYear: 2026,
    templateId: 'default',
    scores,
    evaluatedOn: '2026-11-20',
    notes,
  });
}

SEED_PARTS.push({
  name: 'evaluations-v1',
  async run(store: Store) {
    for (const contract of DEMO_LONG_CONTRACTS) {
      const made = await createDemoContract(store, contract);
      if (made) await runDemoContract(contract, made.ctx, made.stored);
    }
    const today = () => '2026-11-25';
    const city = bureau('fcg-mzj.demo');
    const county = bureau('dx-mzj.demo');
    const cityCtx = await actingAs(
      { store, today },
      { tenantId: city.id, userId: await memberOf(store, city, 'auditor') },
    );
    const countyCtx = await actingAs(
      { store, today },
      { tenantId: county.id, userId: await memberOf(store, county, 'auditor') },
    );
    const citySample = await drawOnce(cityCtx, '2026年度防城港市抽查');
    await evaluateFirstSampled(
      cityCtx,
      citySample.sample,
      [17, 35, 18, 16],
      '服务记录完整，个案成效明显；财务凭证需进一步规范。',
    );
    const countySample = await drawOnce(countyCtx, '2026年度东兴市抽查');
    await evaluateFirstSampled(
      countyCtx,
      countySample.sample,
      [14, 27, 13, 12],
      '服务量未达中期目标，请在下一季度补足。',
    );
    // The city's final evaluation of 阳光's closed 2025 contract.
    const yangguang = DEMO_TENANTS.find((t) => t.domain === 'yangguang.demo');
    if (!yangguang) return;
    const heads = await store.tenant({ tenantId: yangguang.id, userId: 'seed' }).contracts.list({ limit: 100 });
    const closed = heads.items.find((c) => c.number === 'FCGMZ-GM-2025-009');
    if (!closed) return;
    await jurisdictionContract(cityCtx, yangguang.id, closed.id);
    const filed = await contractEvaluations(cityCtx, yangguang.id, closed.id);
    if (!filed.some((e) => e.kind === 'final'))
      await fileEvaluation(cityCtx, yangguang.id, closed.id, {
        kind: 'final',
        templateId: 'default',
        scores: [19, 37, 18, 18],
        evaluatedOn: '2026-01-20',
        notes: '项目目标全部达成，服务对象满意度高。',
      });
  },
});

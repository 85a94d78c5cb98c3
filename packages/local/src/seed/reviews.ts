import { actingAs, changeContractStatus, createContract } from '@shegong/core';
import { addDays, type ReviewDecision } from '@shegong/domain';
import type { Store } from '@shegong/store';
import { decideAsReviewer } from './contracts.ts';
import { DEMO_CONTRACTS } from './demo-contracts.ts';
import { adminOf, DEMO_TENANTS } from './demo-data.ts';
import { DEMO_TODAY } from './demo-people.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * Seed part 'reviews-v1' (issue 11, review before signing): each demo organisation submits three
 * more contracts, so every bureau user has work when they sign in — one waiting for review, one
 * returned with reasons, one approved and waiting to be signed. 阳光 (港口区, bought by the city)
 * goes to the city bureau; 同心 (东兴) to the 东兴 bureau, which the city sees read-only. Made
 * through the same operations the API uses; a contract already there (by number) is skipped.
 */

type Outcome = 'pending' | 'returned' | 'approved';

const OUTCOMES: { outcome: Outcome; suffix: string; phase: string }[] = [
  { outcome: 'pending', suffix: 'S1', phase: '（二期）' },
  { outcome: 'returned', suffix: 'S2', phase: '（三期）' },
  { outcome: 'approved', suffix: 'S3', phase: '（四期）' },
];

const RETURN: ReviewDecision = {
  decision: 'return',
  reasons: [
    { text: '一线社工岗位月薪请按证书等级核对，不得低于当地薪酬指导标准', ruleId: 'P-W3', field: '人员配置' },
    { text: '请补充各季度的服务指标和评估方式', field: '服务指标' },
  ],
};
const APPROVE: ReviewDecision = { decision: 'approve', reasons: [] };

SEED_PARTS.push({
  name: 'reviews-v1',
  async run(store: Store) {
    for (const org of DEMO_TENANTS.filter((t) => t.kind === 'org')) {
      // The organisation's latest compliant contract, again, as the next phases of its project.
      const template = DEMO_CONTRACTS.filter((c) => c.tenant.id === org.id && c.shape === 'compliant').at(-1);
      if (!template) throw new Error(`no compliant demo contract of ${org.domain} to submit for review`);
      const member = { tenantId: org.id, userId: await adminOf(store, org) };
      for (const [i, { outcome, suffix, phase }] of OUTCOMES.entries()) {
        const { terms } = template.draft;
        const number = `${terms.number}-${suffix}`;
        const drafted = addDays(DEMO_TODAY, -12 + i);
        const ctx = await actingAs({ store, today: () => drafted }, member);
        const listed = await ctx.repos.contracts.list({ limit: 10 }, { search: number });
        if (listed.items.some((c) => c.number === number)) continue;
        const draft = { ...template.draft, terms: { ...terms, number, title: `${terms.title}${phase}` } };
        const { contract } = await createContract(ctx, draft);
        const submitted = await changeContractStatus(
          ctx,
          contract.id,
          { to: 'submitted', date: addDays(drafted, 2) },
          contract.version,
        );
        if (outcome === 'pending') continue;
        await decideAsReviewer(
          store,
          org.id,
          submitted,
          outcome === 'returned' ? RETURN : APPROVE,
          addDays(drafted, 6),
        );
      }
    }
  },
});

import { acceptFinding, actingAs, answerFinding, raiseFinding, type UseCaseContext } from '@shegong/core';
import type { RaiseFinding } from '@shegong/domain';
import { GetCommand, keys, type Store } from '@shegong/store';
import { adminOf, DEMO_TENANTS, type DemoTenant } from './demo-data.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * Seed part 'rectification-v1': each bureau's findings on contracts in its jurisdiction, one in
 * each state a bureau user meets — open, answered (waiting for the bureau), overdue (raised in
 * October with a deadline in November) and closed — raised by its auditor and answered by the
 * organisation's admin through the same use cases the API calls, so each is audited and chained.
 * The city (防城港) supervises 阳光 of 港口区; 东兴's bureau supervises 同心.
 */

const tenant = (name: string): DemoTenant => {
  const found = DEMO_TENANTS.find((t) => t.name === name);
  if (!found) throw new Error(`no demo tenant ${name}`);
  return found;
};

async function userOf(store: Store, of: DemoTenant, mailbox: string): Promise<string> {
  const { Item } = await store.client.send(
    new GetCommand({ TableName: store.tableName, Key: keys.emailGuard(`${mailbox}@${of.domain}`) }),
  );
  return typeof Item?.userId === 'string' ? Item.userId : 'seed';
}

/** The id of an organisation's contract by its number. */
async function contractId(ctx: UseCaseContext, number: string): Promise<string> {
  let cursor: string | undefined;
  do {
    const page = await ctx.repos.contracts.list({ limit: 100, ...(cursor ? { cursor } : {}) });
    const found = page.items.find((c) => c.number === number);
    if (found) return found.id;
    cursor = page.cursor;
  } while (cursor);
  throw new Error(`no demo contract ${number}`);
}

interface Supervision {
  bureau: string;
  organisation: string;
  /** A running contract and a signed one of the organisation, in the bureau's jurisdiction. */
  running: string;
  signed: string;
}

const SUPERVISIONS: readonly Supervision[] = [
  {
    bureau: '防城港市民政局',
    organisation: '港口区阳光社会工作服务中心',
    running: 'FCGMZ-GM-2026-017',
    signed: 'FCGMZ-GM-2026-041',
  },
  {
    bureau: '东兴市民政局',
    organisation: '东兴市同心社会工作服务中心',
    running: 'DXMZ-2026-008',
    signed: 'DXMZ-2026-031',
  },
];

const OPEN: RaiseFinding = {
  text: '8 月工资表中一名助理社会工作师月薪低于本地薪酬指导标准，请补发差额并说明。',
  ruleId: 'P-W3',
  severity: 'error',
  deadline: '2027-01-31',
};
const ANSWERED: RaiseFinding = {
  text: '管理费占合同金额比例偏高，请核对并在修订中说明依据。',
  ruleId: 'N-7',
  severity: 'warning',
  deadline: '2027-02-28',
};
const OVERDUE: RaiseFinding = {
  text: '人力成本测算缺少督导岗位的社保与公积金，请补充成本核算。',
  ruleId: 'P-W2',
  severity: 'error',
  deadline: '2026-11-20',
};
const CLOSED: RaiseFinding = {
  text: '服务内容中“社区融入”未列明具体服务指标，请补充。',
  ruleId: 'P-S1',
  severity: 'warning',
  deadline: '2026-12-31',
};

SEED_PARTS.push({
  name: 'rectification-v1',
  async run(store: Store) {
    for (const s of SUPERVISIONS) {
      const bureau = tenant(s.bureau);
      const org = tenant(s.organisation);
      // Raised as of 15 October (the overdue one's deadline, 20 November, has passed by the demo's today).
      const raiser = await actingAs(
        { store, today: () => '2026-10-15' },
        { tenantId: bureau.id, userId: await userOf(store, bureau, 'auditor') },
      );
      const answerer = await actingAs({ store }, { tenantId: org.id, userId: await adminOf(store, org) });
      const running = await contractId(answerer, s.running);
      const signed = await contractId(answerer, s.signed);
      const raise = async (contract: string, input: RaiseFinding) =>
        (await raiseFinding(raiser, org.id, contract, input)).finding;

      await raise(running, OPEN);
      await raise(signed, OVERDUE);
      const toDecide = await raise(running, ANSWERED);
      const version = (await answerer.repos.contracts.get(running)).currentVersion;
      await answerFinding(
        answerer,
        toDecide.id,
        { text: '已在合同修订中下调管理费比例并附说明。', version },
        toDecide.version,
      );
      const done = await raise(running, CLOSED);
      const answered = await answerFinding(
        answerer,
        done.id,
        { text: '已在服务方案中补充社区融入的服务指标（见第 1 版合同交付物）。', version: 1 },
        done.version,
      );
      await acceptFinding(raiser, done.id, answered.version);
    }
  },
});

import { randomUUID } from 'node:crypto';
import { type ActualMonthInput, FANGCHENGGANG_2023, type NewRuleSet, type StoredContract } from '@shegong/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actualMonths,
  changeContractStatus,
  contractView,
  createContract,
  recordActualMonth,
  type UseCaseContext,
} from '../src/index.ts';
import {
  type CoreWorld,
  certificateNumber,
  contractDraft,
  orgWorld,
  personInput,
  refusalOf,
  signedContract,
} from './fixtures.ts';

/**
 * A contract's monthly actuals against Fangchenggang's rule sets: the 2023 one, and a 2026
 * guideline from June that raises the assistant floor from ¥3,200 to ¥3,700. Nanning (450100)
 * has only a rule set from 2026-01-15, so nothing is in force there on 2026-01-01.
 */
const CITY_2026_06: NewRuleSet = {
  ...FANGCHENGGANG_2023,
  effectiveFrom: '2026-06-01',
  title: '防城港市社会工作人才激励保障参数（2026 年 6 月起，测试）',
  parameters: {
    ...FANGCHENGGANG_2023.parameters,
    payFloor: { ...FANGCHENGGANG_2023.parameters.payFloor, assistant: 3_700_00 },
  },
};
const NANNING_2026: NewRuleSet = {
  ...FANGCHENGGANG_2023,
  region: '450100',
  effectiveFrom: '2026-01-15',
  title: '南宁市社会工作人才激励保障参数（测试）',
  parameters: {
    ...FANGCHENGGANG_2023.parameters,
    payFloor: { ...FANGCHENGGANG_2023.parameters.payFloor, assistant: 3_300_00 },
  },
};

const EXPENSES = { supervision: 1_000_00, activities: 2_000_00, management: 500_00, tax: 300_00, other: 0 };

const month = (payroll: ActualMonthInput['payroll']): ActualMonthInput => ({ payroll, expenses: EXPENSES });

let world: CoreWorld;
let ctx: UseCaseContext;
let contract: StoredContract;

beforeAll(async () => {
  ({ world, ctx } = await orgWorld('actuals', 'finance'));
  await world.publish(CITY_2026_06);
  await world.publish(NANNING_2026);
  contract = await signedContract(ctx);
});

afterAll(() => world?.close());

describe('recordActualMonth', () => {
  it('takes names and certificates from the registry and does not hold people on establishment to the floor', async () => {
    const [onContract, onEstablishment] = await Promise.all([
      ctx.repos.people.create(
        personInput({
          name: '甲',
          // Obtained during the month: held on its last day, so the month is costed at social worker.
          certificates: [
            { level: 'assistant', number: certificateNumber(), obtainedOn: '2021-06-20' },
            { level: 'social_worker', number: certificateNumber(), obtainedOn: '2026-03-20' },
          ],
        }),
      ),
      ctx.repos.people.create(personInput({ name: '乙', employmentType: 'public_institution' })),
    ]);
    // Each row is one month of a post (COSTING.md) at the gross pay and time share:
    //   甲 ¥3,000 × 100 %: SI on the ¥3,800 base 900.60, HF 150.00 → 4,050.60; under ¥3,800 (P-W3)
    //   乙 ¥3,000 × 50 %: the same month, 2,025.30; on establishment (P-W1): no floor applies
    //   丙 ¥3,100 × 100 %, not in the registry: SI 900.60, HF 155.00 → 4,155.60; under ¥3,200
    const { month: recorded, changed } = await recordActualMonth(
      ctx,
      contract.id,
      '2026-03',
      month([
        { personId: onContract.id, name: '别名', certLevel: 'none', grossPay: 3_000_00, sharePercent: 100 },
        { personId: onEstablishment.id, name: '别名', certLevel: 'none', grossPay: 3_000_00, sharePercent: 50 },
        { name: '丙', certLevel: 'assistant', grossPay: 3_100_00, sharePercent: 100 },
      ]),
    );
    expect(changed).toBe(true);
    expect(recorded).toMatchObject({ revision: 1, ruleSet: { region: '450600', effectiveFrom: '2023-01-01' } });
    expect(recorded.cost.payroll.map((r) => [r.name, r.certLevel, r.exempt, r.costing.cost])).toEqual([
      ['甲', 'social_worker', false, 4_050_60],
      ['乙', 'assistant', true, 2_025_30],
      ['丙', 'assistant', false, 4_155_60],
    ]);
    expect(recorded.cost.lines.personnel).toBe(10_231_50);
    expect(recorded.cost.total).toBe(10_231_50 + 3_800_00);
    expect(recorded.cost.findings.map((f) => [f.kind, f.ruleId, f.path, f.amounts])).toEqual([
      ['payBelowFloor', 'P-W3', '/payroll/0/grossPay', expect.objectContaining({ floor: 3_800_00, name: '甲' })],
      ['payBelowFloor', 'P-W3', '/payroll/2/grossPay', expect.objectContaining({ floor: 3_200_00, name: '丙' })],
    ]);
  });

  it('writes nothing for the same content again, and wants the revision read for a change', async () => {
    const input = month([{ name: '丁', certLevel: 'assistant', grossPay: 3_600_00, sharePercent: 100 }]);
    const first = await recordActualMonth(ctx, contract.id, '2026-04', input);
    const before = await world.snapshot();
    const again = await recordActualMonth(ctx, contract.id, '2026-04', input, 7);
    expect(again).toEqual({ month: first.month, changed: false });
    expect(await world.snapshot()).toBe(before);
    const changed = month([{ name: '丁', certLevel: 'assistant', grossPay: 3_800_00, sharePercent: 100 }]);
    const stale = await world.refusedWithoutWriting(() => recordActualMonth(ctx, contract.id, '2026-04', changed, 0));
    expect(stale.kind).toBe('stale');
    const second = await recordActualMonth(ctx, contract.id, '2026-04', changed, first.month.revision);
    expect(second.month.revision).toBe(2);
  });

  it('costs a month with the rules in force on its first day: a new guideline counts from its month', async () => {
    const row = { name: '戊', certLevel: 'assistant' as const, grossPay: 3_500_00, sharePercent: 100 };
    const may = await recordActualMonth(ctx, contract.id, '2026-05', month([row]));
    const june = await recordActualMonth(ctx, contract.id, '2026-06', month([row]));
    expect(may.month.ruleSet.effectiveFrom).toBe('2023-01-01');
    expect(may.month.cost.findings).toEqual([]);
    expect(june.month.ruleSet.effectiveFrom).toBe('2026-06-01');
    expect(june.month.cost.findings.map((f) => [f.kind, f.amounts])).toEqual([
      ['payBelowFloor', expect.objectContaining({ floor: 3_700_00, shortfall: 200_00, month: '2026-06' })],
    ]);
  });

  it('falls back to the rules the contract was costed with when none is in force on the month’s first day', async () => {
    const nanning = await signedContract(
      ctx,
      contractDraft((d) => {
        d.terms.purchaser = { name: '南宁市民政局', region: '450100' };
        d.terms.startDate = '2026-01-15';
      }),
    );
    const { version } = await contractView(ctx, nanning.id);
    expect(version.ruleSet).toMatchObject({ region: '450100', effectiveFrom: '2026-01-15' });
    // Nothing is in force for 450100 (nor its province) on 2026-01-01: the version's rules apply.
    const january = await recordActualMonth(
      ctx,
      nanning.id,
      '2026-01',
      month([{ name: '己', certLevel: 'assistant', grossPay: 3_250_00, sharePercent: 100 }]),
    );
    expect(january.month.ruleSet).toEqual(version.ruleSet);
    expect(january.month.cost.findings.map((f) => [f.kind, f.amounts])).toEqual([
      ['payBelowFloor', expect.objectContaining({ floor: 3_300_00 })],
    ]);
  });

  it('refuses a month outside the term, naming the month, and writes nothing', async () => {
    const refusal = await world.refusedWithoutWriting(() => recordActualMonth(ctx, contract.id, '2027-01', month([])));
    expect(refusal).toMatchObject({ kind: 'refused', reason: 'monthOutsideTerm' });
    expect(refusal.message).toBe("2027-01 is outside the contract's term (2026-01-01 to 2026-12-31)");
    // `month` is the route's parameter, not a field of the body.
    expect(refusal.fields).toEqual([
      { path: 'month', message: 'must be a month of the term, 2026-01 to 2026-12', code: 'monthOutsideTerm' },
    ]);
  });

  it('refuses a contract that is not signed yet (draft or submitted), writing nothing', async () => {
    const { contract: draft } = await createContract(ctx, contractDraft());
    const notSigned = await world.refusedWithoutWriting(() => recordActualMonth(ctx, draft.id, '2026-03', month([])));
    expect(notSigned).toMatchObject({ kind: 'conflict', reason: 'notSigned' });
    expect(notSigned.message).toBe(
      'This contract is draft: actuals are recorded once it is signed (signed, running or closed)',
    );
    const submitted = await changeContractStatus(ctx, draft.id, { to: 'submitted' }, draft.version);
    const refusal = await refusalOf(recordActualMonth(ctx, submitted.id, '2026-03', month([])));
    expect(refusal).toMatchObject({ kind: 'conflict', reason: 'notSigned' });
  });

  it('refuses a row naming someone not in the registry, at its path, writing nothing', async () => {
    const refusal = await world.refusedWithoutWriting(() =>
      recordActualMonth(
        ctx,
        contract.id,
        '2026-07',
        month([
          { name: '庚', certLevel: 'assistant', grossPay: 3_800_00, sharePercent: 100 },
          { personId: randomUUID(), name: '辛', certLevel: 'assistant', grossPay: 3_800_00, sharePercent: 100 },
        ]),
      ),
    );
    expect(refusal).toMatchObject({ kind: 'refused', reason: 'unknownPerson' });
    expect(refusal.fields.map((f) => [f.path, f.code])).toEqual([['/payroll/1/personId', 'unknownPerson']]);
  });

  it("answers another organisation's contract as not found", async () => {
    const other = await world.as(await world.tenant('org', '450602'), 'finance');
    expect((await refusalOf(recordActualMonth(other, contract.id, '2026-03', month([])))).kind).toBe('notFound');
    expect((await refusalOf(actualMonths(other, contract.id))).kind).toBe('notFound');
  });
});

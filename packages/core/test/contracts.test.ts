import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  amendContract,
  changeContractStatus,
  contractVersions,
  costingContext,
  createContract,
  editContract,
  listContracts,
  previewContract,
  Refused,
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
  TODAY,
} from './fixtures.ts';

let world: CoreWorld;
let ctx: UseCaseContext;

beforeAll(async () => {
  ({ world, ctx } = await orgWorld('contracts', 'project_manager'));
});

afterAll(() => world?.close());

describe('costing a draft', () => {
  it('refuses a start date with no rule set in force, on the date’s field, and saves nothing', async () => {
    const early = contractDraft((d) => {
      d.terms.startDate = '2022-07-01';
      d.terms.endDate = '2022-12-31';
      d.terms.milestones[0]!.dueDate = '2022-12-31';
      d.plan.posts[0]!.months = 6;
    });
    const refusal = await world.refusedWithoutWriting(() => createContract(ctx, early, randomUUID()));
    expect(refusal).toBeInstanceOf(Refused);
    expect(refusal).toMatchObject({ kind: 'refused', reason: 'noRuleSet' });
    expect(refusal.message).toContain('P-W2');
    expect(refusal.fields).toEqual([
      {
        path: '/terms/startDate',
        message: 'no rule set is in force for region 450602 on this date',
        code: 'noRuleSet',
      },
    ]);
    // The same refusal for a preview, and at whatever path a caller gives the date.
    expect((await refusalOf(previewContract(ctx, early))).fields[0]?.path).toBe('/terms/startDate');
    const direct = await refusalOf(
      costingContext(ctx, {
        region: '450602',
        date: '2022-12-31',
        datePath: '/periods/3/from',
        personIds: [],
        personPath: () => '',
      }),
    );
    expect(direct.fields.map((f) => [f.path, f.code])).toEqual([['/periods/3/from', 'noRuleSet']]);
  });

  it('refuses posts naming someone not in the registry (another organisation’s staff too), each at its path', async () => {
    const known = await ctx.repos.people.create(personInput());
    const other = await world.tenant('org', '450621');
    const theirs = await (await world.as(other, 'hr')).repos.people.create(personInput());
    const draft = contractDraft((d) => {
      const post = d.plan.posts[0]!;
      d.plan.posts = [
        { ...post, personId: randomUUID() },
        { ...post, personId: known.id },
        { ...post, personId: theirs.id },
      ];
    });
    const refusal = await world.refusedWithoutWriting(() => createContract(ctx, draft));
    expect(refusal).toMatchObject({ kind: 'refused', reason: 'unknownPerson' });
    expect(refusal.fields).toEqual(
      [0, 2].map((i) => ({
        path: `/plan/posts/${i}/personId`,
        message: 'is not a person in your staff registry',
        code: 'unknownPerson',
      })),
    );
  });

  it('reads the named people in one batch and costs their posts at their pay and certificate on the start date', async () => {
    const [a, b, c] = await Promise.all([
      ctx.repos.people.create(personInput({ name: '甲', monthlyPay: 4_200_00 })),
      ctx.repos.people.create(
        personInput({
          name: '乙',
          monthlyPay: 5_000_00,
          // The social-worker certificate comes after the start date: the post is costed as assistant.
          certificates: [
            { level: 'assistant', number: certificateNumber(), obtainedOn: '2020-05-01' },
            { level: 'social_worker', number: certificateNumber(), obtainedOn: '2026-02-01' },
          ],
        }),
      ),
      ctx.repos.people.create(personInput({ name: '丙', certificates: [], monthlyPay: 2_500_00 })),
    ]);
    const draft = contractDraft((d) => {
      const post = d.plan.posts[0]!;
      d.plan.posts = [a, b, c].map((p) => ({ ...post, certLevel: 'senior' as const, personId: p.id }));
    });
    let preview: Awaited<ReturnType<typeof previewContract>> | undefined;
    const operations = await world.operationsDuring(async () => {
      preview = await previewContract(ctx, draft);
    });
    expect(operations.filter((o) => o === 'BatchGetItemCommand')).toHaveLength(1);
    expect(operations).not.toContain('GetItemCommand');
    expect(
      preview?.costedPosts.map((p) => [p.personName, p.monthlyPay, p.certLevel, p.personId === undefined]),
    ).toEqual([
      ['甲', 4_200_00, 'assistant', false],
      ['乙', 5_000_00, 'assistant', false],
      ['丙', 2_500_00, 'none', false],
    ]);
    expect(preview?.ruleSet).toMatchObject({ region: '450600', effectiveFrom: '2023-01-01', version: 1 });
  });

  it('refuses a term longer than N-1 allows with its findings, saving nothing', async () => {
    const long = contractDraft((d) => {
      d.terms.endDate = '2027-06-30';
    });
    const refusal = await world.refusedWithoutWriting(() => createContract(ctx, long));
    expect(refusal).toBeInstanceOf(Refused);
    const refused = refusal as Refused;
    expect(refused.at).toBe('');
    expect(refused.findings.map((f) => [f.kind, f.ruleId, f.path, f.amounts])).toEqual([
      ['termNeedsStableMark', 'N-1', '/terms/stableRecurring', { months: 18, limit: 12 }],
    ]);
  });
});

describe('createContract', () => {
  it('records a draft once per key: a retry answers the first contract and writes nothing', async () => {
    const draft = contractDraft();
    const key = randomUUID();
    const first = await createContract(ctx, draft, key);
    expect(first.replayed).toBe(false);
    expect(first.contract).toMatchObject({
      status: 'draft',
      number: draft.terms.number,
      currentVersion: 1,
      labourCost: 58_687_20,
      findingCounts: { errors: 0, warnings: 0 },
      // The day it was made is the clock's, not the host's.
      history: [{ to: 'draft', date: TODAY }],
    });
    const before = await world.snapshot();
    const retry = await createContract(ctx, draft, key);
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await world.snapshot()).toBe(before);
    const listed = await listContracts(ctx, { limit: 100 });
    expect(listed.items.filter((c) => c.number === draft.terms.number)).toHaveLength(1);
  });

  it('refuses a key used again for another draft, writing nothing', async () => {
    const key = randomUUID();
    await createContract(ctx, contractDraft(), key);
    const refusal = await world.refusedWithoutWriting(() => createContract(ctx, contractDraft(), key));
    expect(refusal).toMatchObject({ kind: 'refused', reason: 'idempotency_mismatch' });
  });

  it('refuses a number another contract of the organisation has, naming /terms/number', async () => {
    const draft = contractDraft();
    await createContract(ctx, draft);
    const refusal = await world.refusedWithoutWriting(() =>
      createContract(
        ctx,
        contractDraft((d) => {
          d.terms.number = draft.terms.number;
        }),
      ),
    );
    expect(refusal.kind).toBe('conflict');
    expect(refusal.fields.map((f) => f.path)).toEqual(['/terms/number']);
  });
});

describe('editContract', () => {
  it('replaces a draft at the version read, costed again', async () => {
    const { contract } = await createContract(ctx, contractDraft());
    const underpaid = contractDraft((d) => {
      d.terms.number = contract.number;
      d.plan.posts[0] = { ...d.plan.posts[0]!, certLevel: 'assistant', monthlyPay: 3_000_00 };
    });
    const edited = await editContract(ctx, contract.id, underpaid, contract.version);
    expect(edited.contract.version).toBe(contract.version + 1);
    expect(edited.contract.currentVersion).toBe(1);
    // ¥3,000 is ¥200 under the assistant floor of ¥3,200: shown, not refused.
    expect(edited.version.assessment.findings.map((f) => [f.kind, f.path, f.amounts])).toContainEqual([
      'payBelowFloor',
      '/plan/posts/0/monthlyPay',
      expect.objectContaining({ pay: 3_000_00, floor: 3_200_00 }),
    ]);
  });

  it('refuses a stale version as Stale, writing nothing', async () => {
    const { contract } = await createContract(ctx, contractDraft());
    const draft = contractDraft((d) => {
      d.terms.number = contract.number;
    });
    await editContract(ctx, contract.id, draft, contract.version);
    const refusal = await world.refusedWithoutWriting(() => editContract(ctx, contract.id, draft, contract.version));
    expect(refusal.kind).toBe('stale');
  });

  it('refuses to edit a signed contract: a Conflict that says to amend it', async () => {
    const signed = await signedContract(ctx);
    const refusal = await world.refusedWithoutWriting(() =>
      editContract(
        ctx,
        signed.id,
        contractDraft((d) => {
          d.terms.number = signed.number;
        }),
        signed.version,
      ),
    );
    expect(refusal).toMatchObject({ kind: 'conflict', reason: 'notEditable' });
    expect(refusal.message).toBe('A signed contract changes only by amendment; nothing was saved');
  });
});

describe('amendContract', () => {
  const amendment = (number: string, change: Parameters<typeof contractDraft>[0] = () => {}) => ({
    reason: '自 7 月起一线社工月薪调整',
    effectiveDate: '2026-07-01',
    draft: contractDraft((d) => {
      d.terms.number = number;
      change(d);
    }),
  });

  it('adds version 2 with its reason and what changed, keeping version 1 as signed', async () => {
    const signed = await signedContract(ctx);
    const amended = await amendContract(
      ctx,
      signed.id,
      amendment(signed.number, (d) => {
        d.plan.posts[0]!.monthlyPay = 4_000_00;
      }),
      signed.version,
    );
    expect(amended.contract).toMatchObject({ status: 'signed', currentVersion: 2, version: signed.version + 1 });
    expect(amended.version.amendment).toEqual({
      reason: '自 7 月起一线社工月薪调整',
      effectiveDate: '2026-07-01',
      changes: [{ path: '/plan/posts/0/monthlyPay', after: 4_000_00 }],
    });
    const versions = await contractVersions(ctx, signed.id, { limit: 10 });
    expect(versions.items.map((v) => [v.number, v.draft.plan.posts[0]?.monthlyPay])).toEqual([
      [1, undefined],
      [2, 4_000_00],
    ]);
  });

  it('refuses to amend a draft (edit it instead)', async () => {
    const { contract } = await createContract(ctx, contractDraft());
    const refusal = await world.refusedWithoutWriting(() =>
      amendContract(ctx, contract.id, amendment(contract.number), contract.version),
    );
    expect(refusal).toMatchObject({ kind: 'conflict', reason: 'notAmendable' });
  });

  it('refuses an effective date outside the amended term, on /effectiveDate', async () => {
    const signed = await signedContract(ctx);
    const refusal = await world.refusedWithoutWriting(() =>
      amendContract(ctx, signed.id, { ...amendment(signed.number), effectiveDate: '2027-01-01' }, signed.version),
    );
    expect(refusal).toMatchObject({ kind: 'refused', reason: 'effectiveOutsideTerm' });
    expect(refusal.fields).toEqual([
      {
        path: '/effectiveDate',
        message: 'must fall within the term 2026-01-01 … 2026-12-31',
        code: 'effectiveOutsideTerm',
      },
    ]);
  });

  it('puts the draft’s refusals under /draft: fields and findings', async () => {
    const signed = await signedContract(ctx);
    const refused = (change: Parameters<typeof contractDraft>[0], effectiveDate = '2026-07-01') =>
      world.refusedWithoutWriting(() =>
        amendContract(ctx, signed.id, { ...amendment(signed.number, change), effectiveDate }, signed.version),
      );
    const unknown = await refused((d) => {
      d.plan.posts[0]!.personId = randomUUID();
    });
    expect(unknown.fields.map((f) => [f.path, f.code])).toEqual([['/draft/plan/posts/0/personId', 'unknownPerson']]);

    const early = await refused((d) => {
      d.terms.startDate = '2022-07-01';
    }, '2022-07-01');
    expect(early.fields.map((f) => [f.path, f.code])).toEqual([['/draft/terms/startDate', 'noRuleSet']]);

    const long = await refused((d) => {
      d.terms.endDate = '2029-12-31';
      d.terms.stableRecurring = true;
    });
    expect(long).toBeInstanceOf(Refused);
    expect((long as Refused).at).toBe('/draft');
    expect((long as Refused).findings.map((f) => [f.kind, f.path, f.amounts])).toEqual([
      ['termTooLong', '/terms/endDate', { months: 48, limit: 36 }],
    ]);
  });

  it('refuses a number another contract has as a Conflict on /draft/terms/number', async () => {
    const signed = await signedContract(ctx);
    const { contract: other } = await createContract(ctx, contractDraft());
    const refusal = await world.refusedWithoutWriting(() =>
      amendContract(ctx, signed.id, amendment(other.number), signed.version),
    );
    expect(refusal.kind).toBe('conflict');
    expect(refusal.fields.map((f) => f.path)).toEqual(['/draft/terms/number']);
  });

  it('refuses a stale version as Stale', async () => {
    const signed = await signedContract(ctx);
    const refusal = await world.refusedWithoutWriting(() =>
      amendContract(ctx, signed.id, amendment(signed.number), signed.version - 1),
    );
    expect(refusal.kind).toBe('stale');
  });
});

describe('changeContractStatus', () => {
  it.each([
    ['no milestones', [], 'noMilestones'],
    [
      'milestones that do not add up to the value',
      [{ name: '首期款', dueDate: '2026-06-30', amount: 50_000_00 }],
      'milestonesUnbalanced',
    ],
  ] as const)(
    'refuses to submit a draft with %s (N-3): Refused with the finding, still a draft',
    async (_, milestones, kind) => {
      const { contract } = await createContract(
        ctx,
        contractDraft((d) => {
          d.terms.milestones = [...milestones];
        }),
      );
      const refusal = await world.refusedWithoutWriting(() =>
        changeContractStatus(ctx, contract.id, { to: 'submitted' }, contract.version),
      );
      expect(refusal).toMatchObject({ kind: 'refused', reason: 'submissionBlocked' });
      expect(refusal.message).toBe('The contract cannot be submitted: its terms break N-3');
      expect((refusal as Refused).findings.map((f) => [f.kind, f.ruleId, f.path])).toEqual([
        [kind, 'N-3', '/terms/milestones'],
      ]);
    },
  );

  it('refuses a move the status does not allow, naming the moves it does', async () => {
    const { contract } = await createContract(ctx, contractDraft());
    const refusal = await world.refusedWithoutWriting(() =>
      changeContractStatus(ctx, contract.id, { to: 'signed', date: '2026-01-02' }, contract.version),
    );
    expect(refusal).toMatchObject({ kind: 'conflict', reason: 'notAllowedMove' });
    expect(refusal.message).toBe('A draft contract can move only to submitted, not to signed');
    expect(refusal.fields).toEqual([{ path: '/to', message: 'must be one of: submitted' }]);
  });

  it('dates a move without a date by the clock, and refuses a stale version', async () => {
    const { contract } = await createContract(ctx, contractDraft());
    const submitted = await changeContractStatus(ctx, contract.id, { to: 'submitted' }, contract.version);
    expect(submitted.history.at(-1)).toMatchObject({ from: 'draft', to: 'submitted', date: TODAY });
    const refusal = await world.refusedWithoutWriting(() =>
      changeContractStatus(ctx, contract.id, { to: 'draft' }, contract.version),
    );
    expect(refusal.kind).toBe('stale');
  });

  it('refuses to sign a submitted contract around the review: a Conflict saying the bureau approves first', async () => {
    const { contract } = await createContract(ctx, contractDraft());
    const submitted = await changeContractStatus(ctx, contract.id, { to: 'submitted' }, contract.version);
    expect(submitted.review).toMatchObject({ state: 'pending', reasons: [] });
    for (const to of ['signed', 'approved'] as const) {
      const refusal = await world.refusedWithoutWriting(() =>
        changeContractStatus(ctx, contract.id, { to }, submitted.version),
      );
      expect(refusal.kind).toBe('conflict');
    }
    const refusal = await refusalOf(changeContractStatus(ctx, contract.id, { to: 'signed' }, submitted.version));
    expect(refusal.message).toMatch(/bureau must approve/);
  });
});

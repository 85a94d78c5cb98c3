import { describe, expect, it } from 'vitest';
import { NewSupport, supportedOrganisations, supportIncrement } from './support.ts';

const A = '0193a7c2-5a00-7c1d-8e2f-3a4b5c6d7e8f';
const B = '0193a7c2-5a00-7c1d-8e2f-3a4b5c6d7e90';

describe('NewSupport', () => {
  it('keeps hours in tenths and money in fen, whole', () => {
    const paths = (input: unknown) => NewSupport.safeParse(input).error?.issues.map((i) => i.path.join('/'));
    expect(paths({ kind: 'training', on: '2026-10-01', title: '财务入门', tenthHours: 2.5 })).toEqual(['tenthHours']);
    expect(paths({ kind: 'mentoring', on: '2026-10-01', mentor: '李', topic: '章程', tenthHours: 0 })).toEqual([
      'tenthHours',
    ]);
    expect(
      paths({ kind: 'subsidy', on: '2026-10-01', scheme: 'small_activity', purpose: '社区活动', amount: 100.5 }),
    ).toEqual(['amount']);
    expect(
      paths({ kind: 'subsidy', on: '2026-10-01', scheme: 'small_activity', purpose: '社区活动', amount: -1 }),
    ).toEqual(['amount']);
    expect(paths({ kind: 'registration_help', on: '2026-13-01', what: '陪同登记' })).toEqual(['on']);
    expect(paths({ kind: 'training', on: '2026-10-01', title: 'x', tenthHours: 20, alsoAttended: [A, A] })).toEqual([
      'alsoAttended',
    ]);
  });

  it('adds a training to every attending organisation, the record’s own first', () => {
    const training = NewSupport.parse({
      kind: 'training',
      on: '2026-10-01',
      title: '财务入门',
      tenthHours: 35,
      alsoAttended: [B, A],
    });
    expect(supportedOrganisations(A, training)).toEqual([A, B]);
    expect(supportIncrement(training)).toEqual({ trainings: 1, trainingTenthHours: 35 });
  });
});

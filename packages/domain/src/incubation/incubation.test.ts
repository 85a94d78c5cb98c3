import { describe, expect, it } from 'vitest';
import {
  agreementEnd,
  applyTransition,
  followsCurrentFigures,
  type Incubation,
  IncubationTransition,
  moveRefusal,
  NewApplication,
  transitionProblems,
} from './incubation.ts';

const APPLICATION = {
  name: '港口区青苗社会工作服务中心',
  kind: 'social_service_agency',
  founders: [{ name: '黄青' }],
  contact: { name: '黄青', phone: '13907701234', email: 'huang.qing@example.cn' },
  serviceArea: '港口区白沙万街道',
  services: ['helping_needy', 'capacity_building'],
  toBeRegistered: true,
} as const;

const RECORD: Incubation = {
  id: 'org-1',
  incubatorId: 'base-1',
  organisationName: '青苗',
  applicationId: 'app-1',
  toBeRegistered: true,
  agreement: { startDate: '2026-03-01', periodMonths: 12, mode: 'physical', space: 'A-203' },
  endDate: '2027-02-28',
  stage: 'incubating',
  steps: [{ action: 'admitted', on: '2026-03-01', at: '2026-03-01T02:00:00Z', by: { userId: 'op' } }],
  version: 1,
};
const by = { at: '2026-09-01T02:00:00Z', by: { userId: 'op' } };

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('/'));

describe('an application', () => {
  it('to be registered (拟登记) has founders and no credit code', () => {
    expect(NewApplication.safeParse(APPLICATION).success).toBe(true);
    expect(paths(NewApplication.safeParse({ ...APPLICATION, uscc: '52450602MJY0000018' }))).toContain('uscc');
  });

  it('registered needs a credit code that passes the GB 32100 check', () => {
    expect(paths(NewApplication.safeParse({ ...APPLICATION, toBeRegistered: false }))).toEqual(['uscc']);
    expect(
      paths(NewApplication.safeParse({ ...APPLICATION, toBeRegistered: false, uscc: '52450602MJY000001X' })),
    ).toEqual(['uscc']);
  });

  it('names services from the P-S1 catalogue only, and unknown fields are refused', () => {
    expect(paths(NewApplication.safeParse({ ...APPLICATION, services: ['gardening'] }))).toEqual(['services/0']);
    expect(NewApplication.safeParse({ ...APPLICATION, tenantId: 'x' }).success).toBe(false);
  });
});

describe('the incubation stage machine', () => {
  it('ends the agreement the day before start + period, clamped to short months', () => {
    expect(agreementEnd({ startDate: '2026-03-01', periodMonths: 12 })).toBe('2027-02-28');
    expect(agreementEnd({ startDate: '2026-01-31', periodMonths: 1 })).toBe('2026-02-27');
  });

  it('graduates only after the mid-term review, even when extended before it', () => {
    expect(moveRefusal(RECORD, 'graduate')).toBe('notReviewed');
    const extended = applyTransition(
      RECORD,
      IncubationTransition.parse({ move: 'extend', on: '2026-08-01', newEndDate: '2027-08-31', reason: '登记未完成' }),
      by,
    );
    expect(extended).toMatchObject({ stage: 'extended', endDate: '2027-08-31' });
    expect(moveRefusal(extended, 'graduate')).toBe('notReviewed');
    const reviewed = applyTransition(extended, { move: 'midterm_review', on: '2026-09-01' }, by);
    expect(reviewed).toMatchObject({ stage: 'midterm_reviewed', midtermReviewedOn: '2026-09-01' });
    expect(moveRefusal(reviewed, 'midterm_review')).toBe('alreadyReviewed');
    expect(moveRefusal(reviewed, 'graduate')).toBeUndefined();
    const graduated = applyTransition(reviewed, { move: 'graduate', on: '2027-08-01' }, by);
    expect(graduated.stage).toBe('graduated');
    expect(graduated.steps.map((s) => s.action)).toEqual(['admitted', 'extend', 'midterm_review', 'graduate']);
  });

  it('keeps a graduated or departed record but stops following its current figures', () => {
    expect(followsCurrentFigures(RECORD)).toBe(true);
    const left = applyTransition(RECORD, { move: 'leave', on: '2026-05-01', reason: '迁往南宁' }, by);
    expect(left).toMatchObject({ stage: 'left', steps: [{}, { action: 'leave', reason: '迁往南宁' }] });
    expect(followsCurrentFigures(left)).toBe(false);
    expect(followsCurrentFigures({ stage: 'graduated' })).toBe(false);
    expect(moveRefusal(left, 'extend')).toBe('closed');
  });

  it('dates a step in order, not in the future, and an extension after the current end', () => {
    const problems = transitionProblems(
      RECORD,
      { move: 'extend', on: '2026-02-01', newEndDate: '2027-01-31', reason: '延期' },
      '2026-06-01',
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/on', 'beforeLastStep'],
      ['/newEndDate', 'notLater'],
    ]);
    expect(transitionProblems(RECORD, { move: 'graduate', on: '2026-07-01' }, '2026-06-01')[0]?.code).toBe('inFuture');
  });

  it('names the missing reason of a departure', () => {
    expect(paths(IncubationTransition.safeParse({ move: 'leave', on: '2026-05-01' }))).toEqual(['reason']);
    expect(IncubationTransition.safeParse({ move: 'hatch', on: '2026-05-01' }).success).toBe(false);
  });
});

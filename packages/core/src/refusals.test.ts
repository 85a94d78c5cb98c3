import { StoreError } from '@shegong/store';
import { describe, expect, it } from 'vitest';
import { asRefusal, Conflict, Invalid, NotFound, Refused, Stale } from './refusals.ts';

describe('refusals', () => {
  it('are themselves, with their fields, reason and (for the rules) findings and where they sit', () => {
    const refused = new Refused('no', {
      reason: 'noRuleSet',
      fields: [{ path: '/terms/startDate', message: 'none in force', code: 'noRuleSet' }],
      at: '/draft',
    });
    expect(asRefusal(refused)).toBe(refused);
    expect(refused).toMatchObject({ kind: 'refused', reason: 'noRuleSet', at: '/draft', findings: [] });
    expect(refused.name).toBe('Refused');
    expect(new Stale('old').fields).toEqual([]);
  });

  it('stand for the store’s errors, the field named as a pointer into the input', () => {
    const taken = asRefusal(new StoreError('conflict', 'number taken', { field: 'terms/number' }));
    expect(taken).toBeInstanceOf(Conflict);
    expect(taken?.fields).toEqual([{ path: '/terms/number', message: 'number taken' }]);
    expect(asRefusal(new StoreError('not_found', 'Contract not found'))).toBeInstanceOf(NotFound);
    expect(asRefusal(new StoreError('stale_version', 'changed'))).toBeInstanceOf(Stale);
    expect(asRefusal(new StoreError('bad_cursor', 'bad cursor'))).toBeInstanceOf(Invalid);
    const replayed = asRefusal(new StoreError('idempotency_mismatch', 'key reused'));
    expect(replayed).toBeInstanceOf(Refused);
    expect(replayed?.reason).toBe('idempotency_mismatch');
  });

  it('leave faults alone', () => {
    expect(asRefusal(new Error('the table is gone'))).toBeUndefined();
    expect(asRefusal('not an error')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { formDate } from './dates.ts';

describe('formDate', () => {
  it('reads a date picker’s value and the ways people type a date as the ISO day', () => {
    for (const typed of ['2024-06-23', '2024/06/23', '2024/6/23', '2024.6.23', '2024年6月23日', ' 2024 / 06 / 23 '])
      expect(formDate(typed), typed).toBe('2024-06-23');
    expect(formDate('2024-6-3')).toBe('2024-06-03');
  });

  it('leaves anything else as typed, for the form to refuse by name', () => {
    for (const typed of ['', '23/06/2024', '2024-06', 'tomorrow', '2024/06/23/1']) expect(formDate(typed)).toBe(typed);
  });
});

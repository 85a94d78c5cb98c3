import { describe, expect, it } from 'vitest';
import { defaultOrder, matchesSearch, searchable } from './lists.ts';

describe('searchable', () => {
  it('folds full-width forms, case and white space', () => {
    expect(searchable('ＦＣＧ－ＭＺ ２０２６')).toBe('fcg-mz2026');
    expect(searchable(' 黄 小梅\u3000')).toBe('黄小梅');
    expect(searchable('Z2021450600123')).toBe('z2021450600123');
  });
});

describe('matchesSearch', () => {
  it('finds a part anywhere in any field, and everything for an empty search', () => {
    const fields = ['FCGMZ-GM-2026-017', '港口区社区服务项目', undefined];
    expect(matchesSearch(searchable('017'), fields)).toBe(true);
    expect(matchesSearch(searchable('fcgmz'), fields)).toBe(true);
    expect(matchesSearch(searchable('社区'), fields)).toBe(true);
    expect(matchesSearch(searchable('东兴'), fields)).toBe(false);
    expect(matchesSearch('', fields)).toBe(true);
  });
});

describe('defaultOrder', () => {
  it('puts the newest first, and every other column ascending', () => {
    expect(defaultOrder('created')).toBe('desc');
    expect(defaultOrder('name')).toBe('asc');
    expect(defaultOrder('value')).toBe('asc');
  });
});

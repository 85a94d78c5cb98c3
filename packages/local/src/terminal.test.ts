import { describe, expect, it } from 'vitest';
import { displayWidth, textTable } from './terminal.ts';

describe('terminal tables', () => {
  it('counts Chinese characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('东兴市民政局')).toBe(12);
    expect(displayWidth('角色 Role')).toBe(9);
  });

  it('lines columns up by display width', () => {
    const [header = '', , first = '', second = ''] = textTable(
      ['a', 'b'],
      [
        ['东兴', 'x'],
        ['abcde', 'y'],
      ],
    ).split('\n');
    const column = (line: string, text: string) => displayWidth(line.slice(0, line.indexOf(text)));
    expect(column(first, 'x')).toBe(7);
    expect(column(second, 'y')).toBe(7);
    expect(column(header, 'b')).toBe(7);
  });
});

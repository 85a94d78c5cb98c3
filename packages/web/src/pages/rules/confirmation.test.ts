import { FANGCHENGGANG_2023 } from '@shegong/domain';
import { describe, expect, it } from 'vitest';
import { confirmationDigest } from './confirmation.ts';

const SHOWN = { ...FANGCHENGGANG_2023, notes: '第一行\n第二行' };
const COMPARED = '450600-2023-01-01-v2';

describe('the digest a confirmation carries', () => {
  it('is the same for the same version however the browser posted it (line breaks, order of the marks)', () => {
    const posted = { ...SHOWN, notes: '第一行\r\n第二行', illustrative: [...SHOWN.illustrative].reverse() };
    expect(confirmationDigest(posted, COMPARED)).toBe(confirmationDigest(SHOWN, COMPARED));
  });

  it('differs when a value, a mark, the title or the version compared with differs', () => {
    const shown = confirmationDigest(SHOWN, COMPARED);
    const p = SHOWN.parameters;
    for (const other of [
      { ...SHOWN, parameters: { ...p, payFloor: { ...p.payFloor, senior: p.payFloor.senior + 1 } } },
      { ...SHOWN, illustrative: SHOWN.illustrative.slice(1) },
      { ...SHOWN, title: `${SHOWN.title}。` },
    ])
      expect(confirmationDigest(other, COMPARED)).not.toBe(shown);
    expect(confirmationDigest(SHOWN, '450600-2023-01-01-v1')).not.toBe(shown);
    expect(confirmationDigest(SHOWN, undefined)).not.toBe(shown);
  });
});

/**
 * Yuan typed into a form, to integer fen, without floating point: "3200.5" is 320050 fen,
 * "3,199.99" is 319999. Digits only, at most two decimals; anything else is undefined.
 */
export function yuanToFen(text: string): number | undefined {
  const match = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(
    text
      .trim()
      .replace(/^[¥￥]/, '')
      .replace(/,/g, ''),
  );
  if (!match) return undefined;
  const whole = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + cents;
}

/** Fen as yuan for a form field: 320000 → "3200", 319999 → "3199.99", 320050 → "3200.50". */
export function fenToYuan(fen: number): string {
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents ? `${whole}.${String(cents).padStart(2, '0')}` : String(whole);
}

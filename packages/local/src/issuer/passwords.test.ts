import { describe, expect, it } from 'vitest';
import { DECOY_HASH, hashPassword, verifyPassword } from './passwords.ts';

describe('scrypt passwords', () => {
  it('stores salt and key, never the password, and checks it', async () => {
    const hash = await hashPassword('Shegong-Demo-2026');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(hash).not.toContain('Shegong');
    expect(await verifyPassword('Shegong-Demo-2026', hash)).toBe(true);
    expect(await verifyPassword('shegong-demo-2026', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('refuses what is not one of its hashes', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', DECOY_HASH)).toBe(false);
  });
});

import { randomUUID } from 'node:crypto';
import { type IdentityDirectory, type NewIdentity, SignInExists } from '@shegong/core';

export type DirectoryCall =
  | { method: 'createUser'; input: NewIdentity }
  | { method: 'updateRoles'; email: string; roles: string[] }
  | { method: 'setEnabled'; email: string; enabled: boolean };

export interface DirectoryEntry extends Omit<NewIdentity, 'password'> {
  userId: string;
  enabled: boolean;
}

/**
 * A fake identity provider that records what the app asked of it. Like Cognito it returns a new
 * random subject for a new sign-in, the existing subject for an e-mail it already holds in the
 * same tenant, and refuses an e-mail that another tenant's sign-in holds.
 */
export class RecordingDirectory implements IdentityDirectory {
  readonly calls: DirectoryCall[] = [];
  readonly entries = new Map<string, DirectoryEntry>();

  async createUser(input: NewIdentity): Promise<{ userId: string }> {
    this.calls.push({ method: 'createUser', input: { ...input, roles: [...input.roles] } });
    const email = input.email.toLowerCase();
    const existing = this.entries.get(email);
    if (existing && existing.tenantId === input.tenantId) return { userId: existing.userId };
    // As the Cognito directory does: one sign-in per e-mail address across the platform.
    if (existing) throw new SignInExists();
    const { password: _password, ...rest } = input;
    const entry: DirectoryEntry = { ...rest, email, roles: [...input.roles], userId: randomUUID(), enabled: true };
    this.entries.set(email, entry);
    return { userId: entry.userId };
  }

  async updateRoles(email: string, roles: string[]): Promise<void> {
    this.calls.push({ method: 'updateRoles', email, roles: [...roles] });
    const entry = this.entries.get(email.toLowerCase());
    if (entry) entry.roles = [...roles];
  }

  async setEnabled(email: string, enabled: boolean): Promise<void> {
    this.calls.push({ method: 'setEnabled', email, enabled });
    const entry = this.entries.get(email.toLowerCase());
    if (entry) entry.enabled = enabled;
  }

  /** Holds a sign-in made outside the app (the seed's users), without recording a call. */
  adopt(entry: DirectoryEntry): void {
    this.entries.set(entry.email.toLowerCase(), { ...entry, roles: [...entry.roles] });
  }

  callsOf<M extends DirectoryCall['method']>(method: M): Extract<DirectoryCall, { method: M }>[] {
    return this.calls.filter((c): c is Extract<DirectoryCall, { method: M }> => c.method === method);
  }
}

import type { IdentityDirectory } from '@shegong/core';
import { GetCommand, type Mutation, type Store, StoreError } from '@shegong/store';
import {
  DEMO_INVITATION,
  DEMO_PASSWORD,
  DEMO_TENANTS,
  DEMO_USERS,
  type DemoTenant,
  type DemoUser,
} from './demo-data.ts';
import { seedParts } from './parts.ts';
import './rule-sets.ts';
import './people.ts';
import './ladders.ts';
import './contracts.ts';
import './member-links.ts';
import './reviews.ts';
import './rectification.ts';
import './evaluations.ts';
import './bases.ts';
import './incubation-template.ts';
import './incubation.ts';
import './incubation-intake.ts';
import './incubator-contract.ts';
import './incubation-figures.ts';
import './incubation-support.ts';
import './target-map.ts';

/** Written last: its presence means the demo data was seeded once and is the users' own since. */
export const SEED_MARKER = { pk: 'SEED#demo', sk: 'SEED' } as const;
const ACTOR = 'seed';

export interface SeedResult {
  /** False when the demo data was there already (nothing was written). */
  seeded: boolean;
  /** The seeded invitation's link token, shown once (as an admin would see it). */
  invitationToken?: string;
  /** The later parts (seed/parts.ts) seeded by this run. */
  parts: string[];
}

/**
 * Seeds the demo tenants, users and an invitation, once. Every item is created only if absent, so
 * a seed cut short is completed by the next start without touching anything already there, and a
 * finished seed (the marker) is never run again: what users changed stays changed.
 */
export async function seedDemo(deps: { store: Store; directory: IdentityDirectory }): Promise<SeedResult> {
  const { store } = deps;
  const { Item } = await store.client.send(
    new GetCommand({ TableName: store.tableName, Key: SEED_MARKER, ConsistentRead: true }),
  );
  if (Item) {
    const parts = await seedParts(store, { tenantId: platformTenant().id, userId: ACTOR });
    return { seeded: false, parts };
  }

  const platform = store.platform({ tenantId: platformTenant().id, userId: ACTOR, kind: 'platform' });
  for (const tenant of DEMO_TENANTS) {
    const mutation = platform.scope.mutation();
    const { domain: _, people: __, id, ...fields } = tenant;
    const record = platform.directory.create(mutation, fields, id);
    await commitIfAbsent(mutation.audited('seed', 'Tenant', id, record.version, record));
  }
  const subjects = new Map<string, string>();
  // Users one tenant after another, the users of a tenant together (scrypt runs off the main thread).
  for (const tenant of DEMO_TENANTS) {
    const users = DEMO_USERS.filter((u) => u.tenant.id === tenant.id);
    const ids = await Promise.all(users.map(async (user) => [user.email, await seedUser(deps, user)] as const));
    for (const [email, id] of ids) subjects.set(email, id);
  }
  const invitationToken = await seedInvitation(store, subjects);

  const marker = platform.scope.mutation();
  const state = { seededAt: new Date().toISOString(), tenants: DEMO_TENANTS.length, users: DEMO_USERS.length };
  marker.create('SeedMarker', { ...SEED_MARKER, ...state });
  await commitIfAbsent(marker.audited('seed', 'SeedMarker', 'demo', 1, state));
  const parts = await seedParts(store, { tenantId: platformTenant().id, userId: ACTOR });
  return { seeded: true, parts, ...(invitationToken ? { invitationToken } : {}) };
}

async function seedUser(deps: { store: Store; directory: IdentityDirectory }, user: DemoUser): Promise<string> {
  const { tenant } = user;
  // The sign-in first, as accepting an invitation does: its subject is the user's id.
  const { userId } = await deps.directory.createUser({
    email: user.email,
    name: user.name,
    password: DEMO_PASSWORD,
    tenantId: tenant.id,
    kind: tenant.kind,
    roles: [user.role],
    region: tenant.region,
  });
  const repos = deps.store.tenant({ tenantId: tenant.id, userId: ACTOR });
  const mutation = repos.scope.mutation();
  const record = repos.users.add(mutation, { id: userId, email: user.email, name: user.name, roles: [user.role] });
  await commitIfAbsent(mutation.audited('seed', 'User', userId, record.version, record));
  return userId;
}

async function seedInvitation(store: Store, subjects: Map<string, string>): Promise<string | undefined> {
  const { tenant, email, roles } = DEMO_INVITATION;
  const admin = subjects.get(`admin@${tenant.domain}`);
  if (!admin) return undefined;
  // Invited by the organisation's admin, as if they had done it in the app.
  const repos = store.tenant({ tenantId: tenant.id, userId: admin });
  const existing = await repos.invitations.list({ limit: 100 });
  if (existing.items.some((i) => i.email === email)) return undefined;
  const mutation = repos.scope.mutation();
  const { invitation, token } = repos.invitations.create(mutation, { email, roles });
  await mutation.audited('seed', 'Invitation', invitation.id, invitation.version, invitation).commit();
  return token;
}

/** Commits a creating mutation; if what it creates is there already, leaves it be. */
async function commitIfAbsent(mutation: Mutation): Promise<boolean> {
  try {
    await mutation.commit();
    return true;
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') return false;
    throw error;
  }
}

function platformTenant(): DemoTenant {
  const platform = DEMO_TENANTS.find((t) => t.kind === 'platform');
  if (!platform) throw new Error('the demo data has no platform tenant');
  return platform;
}

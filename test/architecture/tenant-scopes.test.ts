import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A tenant's repositories (`Store.tenant`) sign, in AWS, with the data-access role assumed for that
 * tenant: IAM sees them as that tenant's own session. So the application builds them only for the
 * tenant its caller is: the verified member's (from the token or page session), or, where nobody is
 * signed in yet, the tenant the request's own credential names (an invitation link's token, a
 * base's public application link, a queued import job written by that tenant). Every other tenant
 * is reached through `Store.across(path, caller, target)` or `TenantScope.across(path, target)`, a
 * named crossing (store/access/cross-tenant.ts) narrowed by IAM to what it declares.
 *
 * This test lists every `store.tenant(…)` in the application's sources (core, http, web, functions)
 * and fails on one not classified below: a use case that builds another tenant's repositories has
 * to become a named crossing instead.
 */
const root = join(import.meta.dirname, '../..');
const sources = ['packages/core/src', 'packages/http/src', 'packages/web/src', 'functions'];

/** Each call allowed, by file and the argument it passes, with why that tenant is the caller's own. */
const OWN_TENANT_CALLS: Record<string, string> = {
  'packages/core/src/tenancy/session.ts: member':
    'The verified token’s or page session’s member (memberSession), or actingAs for a seed, worker or test, which no request path calls.',
  "packages/core/src/tenancy/invitations.ts: { tenantId: found.tenantId, userId: 'invitee' }":
    'Before sign-in: the tenant is the one the invitation link’s token names (Store.invitationByToken), the only credential the invitee holds.',
  'packages/core/src/tenancy/invitations.ts: { tenantId: tenant.id, userId }':
    'The invitee joining that same tenant: the user created for the token’s tenant, in its own partition.',
  'packages/core/src/incubation/intake.ts: { tenantId: incubatorId, userId: PUBLIC_SUBMITTER }':
    'A base’s public application link: the public reads the base’s record it names, nobody is signed in.',
  'packages/core/src/incubation/incubation.ts: { tenantId: incubatorId, userId: PUBLIC_SUBMITTER }':
    'A public application submitted to the base its link names: written in that base’s partition only.',
  'packages/core/src/imports/in-process-runner.ts: { tenantId: job.tenantId, userId: job.userId }':
    'A roster import the tenant queued itself (the job record is in its partition), run after the upload was answered.',
  'functions/import-worker/handler.ts: { tenantId: job.tenantId, userId: job.createdBy }':
    'The import worker runs a job its tenant queued; the message holds only the job’s key.',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The argument text of a call whose `(` is at `open`, up to its matching `)`, on one line. */
function argumentAt(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0)
      return source
        .slice(open + 1, i)
        .replace(/\s+/g, ' ')
        .trim();
  }
  return source.slice(open + 1);
}

/** Every `<…store>.tenant(…)` call: `file: argument`. */
function tenantCalls(): string[] {
  return sources.flatMap((dir) =>
    filesUnder(join(root, dir)).flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return [...source.matchAll(/\bstore\s*\.tenant\(/g)].map(
        (match) => `${relative(root, file)}: ${argumentAt(source, match.index + match[0].length - 1)}`,
      );
    }),
  );
}

describe('tenant scopes', () => {
  it('builds a tenant’s own repositories only for the caller’s tenant; another tenant’s go through a named crossing', () => {
    const calls = tenantCalls();
    const unclassified = calls.filter((call) => !(call in OWN_TENANT_CALLS));
    expect(
      unclassified,
      'build another tenant’s repositories with store.across(path, caller, target) (store/access/cross-tenant.ts)',
    ).toEqual([]);
    // Every classified call is still there (a stale entry would hide a new call with the same text).
    expect([...new Set(calls)].sort()).toEqual(Object.keys(OWN_TENANT_CALLS).sort());
  });

  it('finds the calls it checks, however they are spelt', () => {
    const source = 'const a = ctx.store.tenant({ tenantId: other,\n userId: x });';
    const match = /\bstore\s*\.tenant\(/.exec(source)!;
    expect(argumentAt(source, match.index + match[0].length - 1)).toBe('{ tenantId: other, userId: x }');
  });
});

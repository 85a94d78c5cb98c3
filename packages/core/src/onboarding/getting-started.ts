import { type MemberPolicy, permits } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { CONTRACT_WRITERS } from '../contracts/policies.ts';
import { IMPORTERS } from '../imports/imports.ts';
import { LADDER_EDITORS } from '../ladder/ladder.ts';
import { TENANT_ADMINS } from '../tenancy/members.ts';

/**
 * What a new organisation does first, each step checked against what is stored, so the dashboard
 * shows real progress and the list goes away once everything is done: invite the team, put the
 * staff on the registry (the roster import is the quick way), set the career ladder, cost a first
 * contract. Each step says whether the member may do it (who can, when they cannot).
 */
export const GETTING_STARTED_STEPS = ['members', 'roster', 'ladder', 'contract'] as const;
export type GettingStartedStep = (typeof GETTING_STARTED_STEPS)[number];

const WHO: Record<GettingStartedStep, MemberPolicy> = {
  members: TENANT_ADMINS,
  roster: IMPORTERS,
  ladder: LADDER_EDITORS,
  contract: CONTRACT_WRITERS,
};

export interface GettingStarted {
  steps: { step: GettingStartedStep; done: boolean; yours: boolean; roles: readonly string[] }[];
  /** Every step done: the checklist is not shown any more. */
  done: boolean;
}

/** Four small reads (one item each, in parallel): the dashboard's checklist. */
export async function gettingStarted(ctx: UseCaseContext): Promise<GettingStarted> {
  const first = { limit: 2 };
  const [users, invitations, people, ladder, contracts] = await Promise.all([
    ctx.repos.users.list(first),
    ctx.repos.invitations.list({ limit: 1 }),
    ctx.repos.people.list({ limit: 1 }),
    ctx.repos.ladders.find(),
    ctx.repos.contracts.list({ limit: 1 }),
  ]);
  const done: Record<GettingStartedStep, boolean> = {
    // Someone besides the first admin, or an invitation sent (accepted or not).
    members: users.items.length > 1 || invitations.items.length > 0,
    roster: people.items.length > 0,
    ladder: ladder !== undefined,
    contract: contracts.items.length > 0,
  };
  const steps = GETTING_STARTED_STEPS.map((step) => ({
    step,
    done: done[step],
    yours: permits(WHO[step], ctx.actor),
    roles: WHO[step].roles === 'any' ? [] : (WHO[step].roles as readonly string[]),
  }));
  return { steps, done: steps.every((s) => s.done) };
}

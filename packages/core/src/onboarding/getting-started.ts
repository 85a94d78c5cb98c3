import { type MemberPolicy, permits } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { CONTRACT_WRITERS } from '../contracts/policies.ts';
import { IMPORTERS } from '../imports/imports.ts';
import { CREDIT_CODE_RECORDERS } from '../incubation/incubation.ts';
import { LADDER_EDITORS } from '../ladder/ladder.ts';
import { TENANT_ADMINS } from '../tenancy/members.ts';

/**
 * What a new organisation does first, each step checked against what is stored, so the dashboard
 * shows real progress and the list goes away once everything is done: invite the team, put the
 * staff on the registry (the roster import is the quick way), set the career ladder, cost a first
 * contract. Each step says whether the member may do it (who can, when they cannot).
 *
 * An organisation an incubation base admitted (issue 12) has one step more, first: record its
 * unified social credit code, done once it is registered (one admitted 未登记 has none yet; one
 * admitted registered shows it done, which is true). Its checklist also names the base.
 */
export const GETTING_STARTED_STEPS = ['creditCode', 'members', 'roster', 'ladder', 'contract'] as const;
export type GettingStartedStep = (typeof GETTING_STARTED_STEPS)[number];

const WHO: Record<GettingStartedStep, MemberPolicy> = {
  creditCode: CREDIT_CODE_RECORDERS,
  members: TENANT_ADMINS,
  roster: IMPORTERS,
  ladder: LADDER_EDITORS,
  contract: CONTRACT_WRITERS,
};

export interface GettingStarted {
  steps: { step: GettingStartedStep; done: boolean; yours: boolean; roles: readonly string[] }[];
  /** Every step done: the checklist is not shown any more. */
  done: boolean;
  /** The incubation base that admitted the organisation, when one did. */
  incubator?: { id: string; name: string; nameEn?: string };
}

/** Small reads (one item each, in parallel; the base's name for an incubated organisation): the dashboard's checklist. */
export async function gettingStarted(ctx: UseCaseContext): Promise<GettingStarted> {
  const first = { limit: 2 };
  const { incubatorId } = ctx.tenant;
  const [users, invitations, people, ladder, contracts, incubator] = await Promise.all([
    ctx.repos.users.list(first),
    ctx.repos.invitations.list({ limit: 1 }),
    ctx.repos.people.list({ limit: 1 }),
    ctx.repos.ladders.find(),
    ctx.repos.contracts.list({ limit: 1 }),
    incubatorId ? ctx.store.across('ownIncubation', ctx.actor, incubatorId).tenant.find() : undefined,
  ]);
  const done: Record<GettingStartedStep, boolean> = {
    creditCode: !ctx.tenant.toBeRegistered,
    // Someone besides the first admin, or an invitation sent (accepted or not).
    members: users.items.length > 1 || invitations.items.length > 0,
    roster: people.items.length > 0,
    ladder: ladder !== undefined,
    contract: contracts.items.length > 0,
  };
  // Only an organisation a base admitted is asked for its code here (the platform's have theirs).
  const steps = GETTING_STARTED_STEPS.filter((step) => step !== 'creditCode' || incubatorId).map((step) => ({
    step,
    done: done[step],
    yours: permits(WHO[step], ctx.actor),
    roles: WHO[step].roles === 'any' ? [] : (WHO[step].roles as readonly string[]),
  }));
  return {
    steps,
    done: steps.every((s) => s.done),
    ...(incubator
      ? {
          incubator: {
            id: incubator.id,
            name: incubator.name,
            ...(incubator.nameEn ? { nameEn: incubator.nameEn } : {}),
          },
        }
      : {}),
  };
}

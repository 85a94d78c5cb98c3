import {
  explainPriceFloor,
  type PriceFloorCalculation,
  type PriceFloorRequest,
  resolveNamedPosts,
} from '@shegong/domain';
import type { UseCaseContext } from '../context.ts';
import { Refused } from '../refusals.ts';
import { costingContext } from './costing-context.ts';

/**
 * The price-floor calculator (issue 4, points 3 and 6): what a contract must be worth for a
 * staffing plan to be paid at the guideline, before the organisation bids, and why that is the
 * smallest value (the domain's explanation). Stateless: it reads the rule set and the named persons
 * and writes nothing.
 */
export async function calculatePriceFloor(
  ctx: UseCaseContext,
  input: PriceFloorRequest,
): Promise<PriceFloorCalculation> {
  const { ruleSet, rules, people } = await costingContext(ctx, {
    region: input.region,
    date: input.startDate,
    datePath: '/startDate',
    personIds: input.posts.map((p) => p.personId),
    personPath: (i) => `/posts/${i}/personId`,
  });
  const { posts } = resolveNamedPosts(input.posts, people, input.startDate);
  const managementShare = input.managementShare ?? rules.maxManagementShare;
  if (managementShare > rules.maxManagementShare)
    throw new Refused('The management share is above the local cap', {
      reason: 'managementAboveCap',
      fields: [
        {
          path: '/managementShare',
          message: `cannot exceed the local cap of ${rules.maxManagementShare} bp (N-7)`,
          code: 'managementAboveCap',
        },
      ],
    });
  return {
    region: input.region,
    startDate: input.startDate,
    ruleSet,
    rules: {
      taxRate: rules.taxRate,
      minLabourShare: rules.minLabourShare,
      maxManagementShare: rules.maxManagementShare,
    },
    managementShare,
    fixed: input.fixed,
    ...explainPriceFloor(posts, input.fixed, managementShare, rules),
  };
}

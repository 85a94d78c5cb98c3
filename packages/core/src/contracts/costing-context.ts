import { type Person, type RuleSetParameters, type RuleSetRef, ruleSetRefOf } from '@shegong/domain';
import type { UseCaseContext } from '../context.ts';
import { Refused } from '../refusals.ts';

/**
 * What every costing starts from — a contract's draft, the price-floor calculator, a month of
 * actuals: the rule set in force for the purchaser's region on the date the costing is for, and
 * the named people of the organisation's registry. Read together (one query for the rules, one
 * batch read for the people), refused with the field that is the cause when either is missing.
 */
export interface CostingContext {
  ruleSet: RuleSetRef;
  rules: RuleSetParameters;
  /** The named people found in the registry, by id. */
  people: ReadonlyMap<string, Person>;
}

export interface CostingRequest {
  /** The purchaser's region and the date whose rule set applies. */
  region: string;
  date: string;
  /** Where the date sits in the input, for the refusal when no rule set is in force. */
  datePath: string;
  /** The person each row names, if any (a post, a payroll row), in input order. */
  personIds: readonly (string | undefined)[];
  /** Where row i's person id sits in the input. */
  personPath: (i: number) => string;
  /** The rules to use when none is in force (a month of actuals keeps its contract's); else refused. */
  otherwise?: () => Promise<Pick<CostingContext, 'ruleSet' | 'rules'>>;
}

export async function costingContext(ctx: UseCaseContext, request: CostingRequest): Promise<CostingContext> {
  const ids = request.personIds.filter((id): id is string => id !== undefined);
  const [ruleSet, people] = await Promise.all([
    ctx.store.ruleSetInForce(request.region, request.date),
    ids.length ? ctx.repos.people.findMany(ids) : new Map<string, Person>(),
  ]);
  const rules = ruleSet ? { ruleSet: ruleSetRefOf(ruleSet), rules: ruleSet.parameters } : await request.otherwise?.();
  if (!rules) throw noRuleSet(request);
  const unknown = request.personIds.flatMap((id, i) => (id !== undefined && !people.has(id) ? [i] : []));
  if (unknown.length) {
    throw new Refused('Someone named is not in your staff registry; nothing was saved', {
      reason: 'unknownPerson',
      fields: unknown.map((i) => ({
        path: request.personPath(i),
        message: 'is not a person in your staff registry',
        code: 'unknownPerson',
      })),
    });
  }
  return { ...rules, people };
}

function noRuleSet(request: CostingRequest): Refused {
  return new Refused(
    `No rule set is in force for region ${request.region} on ${request.date}: nothing can be costed (P-W2)`,
    {
      reason: 'noRuleSet',
      fields: [
        {
          path: request.datePath,
          message: `no rule set is in force for region ${request.region} on this date`,
          code: 'noRuleSet',
        },
      ],
    },
  );
}

/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  calculatePriceFloor,
  contractView,
  NotFound,
  PRICE_FLOOR_USERS,
  peopleChoices,
  type Refusal,
  ruleSetInForce,
} from '@shegong/core';
import { bpToPercent, formatPercent, knownRegions, type PriceFloorCalculation } from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { refusalErrors, refusedInput } from '../../forms/refusals.ts';
import type { FieldError } from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { pageAccess } from '../../session/access.ts';
import { emptyRow, formOfPlan, MAX_ROWS, type PriceFloorForm, parseForm, readQuery } from './form.ts';
import { PRICE_FLOOR, PriceFloorPage } from './views.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REGIONS = new Set(knownRegions().map((r) => r.code));

function notFound(): never {
  throw new NotFound('There is nothing at this address');
}

/** The calculator's refusals at the form's fields (/startDate, /posts/i/personId, /managementShare). */
function fieldErrorsOf(c: Context<PageEnv>, refusal: Refusal, cap: number | undefined): FieldError[] {
  const t = c.var.m.priceFloor.errors;
  const person = (path: string) => /^\/posts\/(\d+)\/personId$/.exec(path);
  return refusalErrors(refusal, {
    field: (path) => {
      const post = person(path);
      if (post) return `post-${post[1]}-person`;
      return path === '/managementShare' ? 'managementShare' : 'startDate';
    },
    problem: (problem) => {
      const post = person(problem.path);
      if (post) return `${t.postPrefix(Number(post[1]) + 1)}${t.person}`;
      if (problem.path === '/managementShare') return t.aboveCap(cap === undefined ? '' : formatPercent(cap));
      return t.noRules;
    },
  });
}

/**
 * /org/price-floor: the price-floor calculator (issue 4, points 3 and 6). A GET form — it writes
 * nothing — so it works without script, and "add a post" / "remove" are submit buttons that re-render
 * it. `?contract=<id>` fills it from the contract's current version and calculates at once.
 */
export function priceFloorRoutes(session: TokenSource) {
  const users = pageAccess(PRICE_FLOOR_USERS, session);

  return new Hono<PageEnv>().get(PRICE_FLOOR, users, async (c) => {
    const { tenant } = c.var;
    const action = c.req.query('action') ?? '';
    const contractId = c.req.query('contract') ?? '';
    let form: PriceFloorForm;
    let notice: string | undefined;
    let calculate = action === 'calculate';
    if (contractId && !action) {
      if (!UUID.test(contractId)) notFound();
      const { version } = await contractView(c.var.ctx, contractId);
      const { terms, plan } = version.draft;
      form = formOfPlan(terms, plan.posts, plan.lines, version.assessment.priceFloor.managementShare);
      notice = c.var.m.priceFloor.fromContract(terms.number);
      calculate = true;
    } else if (!action) {
      // A fresh form: the organisation's own region, today, and the local management cap spelled out.
      const today = c.var.ctx.clock.today();
      const inForce = (await ruleSetInForce(c.var.ctx, { region: tenant.region, date: today }))?.ruleSet;
      form = {
        region: tenant.region,
        startDate: today,
        rows: [{ ...emptyRow(), title: c.var.lang === 'en' ? 'Social worker' : '社工' }],
        supervision: '0',
        activities: '0',
        other: '0',
        managementShare: inForce ? bpToPercent(inForce.parameters.maxManagementShare) : '',
      };
    } else {
      form = readQuery((name) => c.req.query(name));
      if (action === 'add' && form.rows.length < MAX_ROWS) form.rows.push(emptyRow());
      const remove = /^remove-(\d+)$/.exec(action);
      if (remove) form.rows.splice(Number(remove[1]), 1);
    }

    const [who, choices, inForce] = await Promise.all([
      signedIn(c),
      peopleChoices(c.var.ctx),
      REGIONS.has(form.region) && /^\d{4}-\d{2}-\d{2}$/.test(form.startDate)
        ? ruleSetInForce(c.var.ctx, { region: form.region, date: form.startDate })
        : undefined,
    ]);
    const cap = inForce?.ruleSet.parameters.maxManagementShare;
    let errors: FieldError[] = [];
    let result: PriceFloorCalculation | undefined;
    if (calculate) {
      const parsed = parseForm(c.var.m, form, REGIONS);
      errors = parsed.errors;
      if (parsed.input) {
        try {
          result = await calculatePriceFloor(c.var.ctx, parsed.input);
        } catch (error) {
          const refusal = refusedInput(error);
          if (!refusal) throw error;
          errors = fieldErrorsOf(c, refusal, cap);
        }
      }
    }
    return render(
      c,
      <PriceFloorPage
        c={c}
        who={who}
        form={form}
        errors={errors}
        people={choices}
        cap={cap}
        result={result}
        notice={notice}
      />,
      errors.length ? 400 : 200,
    );
  });
}

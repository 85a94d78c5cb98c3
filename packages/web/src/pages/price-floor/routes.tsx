/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { bpToPercent, chinaToday, formatPercent, knownRegions } from '@shegong/domain';
import {
  calculatePriceFloor,
  contractView,
  PRICE_FLOOR_USERS,
  type PriceFloorCalculation,
  ProblemError,
  type TokenSource,
} from '@shegong/http';
import { StoreError } from '@shegong/store';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv } from '../../env.ts';
import type { FieldError } from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { pageAccess } from '../../session/access.ts';
import { emptyRow, formOfPlan, MAX_ROWS, type PriceFloorForm, parseForm, readQuery } from './form.ts';
import { PRICE_FLOOR, PriceFloorPage } from './views.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REGIONS = new Set(knownRegions().map((r) => r.code));

function notFound(): never {
  throw new StoreError('not_found', 'There is nothing at this address');
}

/** The operation's 422s, at the form's fields (the API names /startDate, /posts/i/personId, /managementShare). */
function fieldErrorsOf(c: Context<PageEnv>, error: ProblemError, cap: number | undefined): FieldError[] {
  const t = c.var.m.priceFloor.errors;
  return (error.errors ?? []).map((e) => {
    const person = /^\/posts\/(\d+)\/personId$/.exec(e.path);
    if (person) {
      const i = Number(person[1]);
      return { field: `post-${i}-person`, message: `${t.postPrefix(i + 1)}${t.person}` };
    }
    if (e.path === '/managementShare')
      return { field: 'managementShare', message: t.aboveCap(cap === undefined ? '' : formatPercent(cap)) };
    return { field: 'startDate', message: t.noRules };
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
    const { repos, deps, tenant } = c.var;
    const action = c.req.query('action') ?? '';
    const contractId = c.req.query('contract') ?? '';
    let form: PriceFloorForm;
    let notice: string | undefined;
    let calculate = action === 'calculate';
    if (contractId && !action) {
      if (!UUID.test(contractId)) notFound();
      const { version } = await contractView(repos, contractId);
      const { terms, plan } = version.draft;
      form = formOfPlan(terms, plan.posts, plan.lines, version.assessment.priceFloor.managementShare);
      notice = c.var.m.priceFloor.fromContract(terms.number);
      calculate = true;
    } else if (!action) {
      // A fresh form: the organisation's own region, today, and the local management cap spelled out.
      const today = chinaToday();
      const inForce = await deps.store.ruleSetInForce(tenant.region, today);
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

    const [who, people, ruleSet] = await Promise.all([
      signedIn(c),
      repos.people.listAll(),
      REGIONS.has(form.region) && /^\d{4}-\d{2}-\d{2}$/.test(form.startDate)
        ? deps.store.ruleSetInForce(form.region, form.startDate)
        : undefined,
    ]);
    const cap = ruleSet?.parameters.maxManagementShare;
    let errors: FieldError[] = [];
    let result: PriceFloorCalculation | undefined;
    if (calculate) {
      const parsed = parseForm(c.var.m, form, REGIONS);
      errors = parsed.errors;
      if (parsed.input) {
        try {
          result = await calculatePriceFloor(deps, repos, parsed.input);
        } catch (error) {
          if (!(error instanceof ProblemError) || error.status !== 422) throw error;
          errors = fieldErrorsOf(c, error, cap);
        }
      }
    }
    const choices = people
      .map((p) => ({ id: p.id, name: p.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
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

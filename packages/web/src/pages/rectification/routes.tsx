/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  acceptFinding,
  answerFinding,
  asRefusal,
  bureauRectification,
  bureauRectifications,
  Conflict,
  getContract,
  jurisdictionContract,
  NotFound,
  organisationRectification,
  organisationRectifications,
  permits,
  RECTIFICATION_ANSWERERS,
  RECTIFICATION_READERS,
  RECTIFICATION_SUPERVISORS,
  type Refusal,
  raiseFinding,
  reopenFinding,
  Stale,
} from '@shegong/core';
import { RECTIFICATION_FILTERS, type RectificationFilter, type RectificationView } from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import type { FieldError } from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import { BUREAU_RECTIFICATIONS, findingHref, ORG_RECTIFICATIONS, type Side } from './paths.ts';
import { type FindingForms, RaiseFindingPage, RectificationListPage, RectificationPage } from './views.tsx';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const PAGE_SIZE = 25;
const NOTICES = ['raised', 'answered', 'accepted', 'reopened'] as const;

const paramOf = (c: Context<PageEnv>, name: string): string => {
  const value = c.req.param(name) ?? '';
  if (!ID.test(value)) throw new NotFound('Not found');
  return value;
};

const filterOf = (c: Context<PageEnv>): RectificationFilter | undefined => {
  const state = c.req.query('state');
  return (RECTIFICATION_FILTERS as readonly string[]).includes(state ?? '')
    ? (state as RectificationFilter)
    : undefined;
};

const noticeOf = (c: Context<PageEnv>): string | undefined => {
  const key = c.req.query('notice');
  return key && (NOTICES as readonly string[]).includes(key) ? c.var.m.rectification.notices[key] : undefined;
};

/** A core refusal's field path, as the name of the page's field. */
const RAISE_FIELDS: Record<string, string> = {
  '/text': 'text',
  '/ruleId': 'ruleId',
  '/severity': 'severity',
  '/deadline': 'deadline',
  '/concerns/version': 'concernsVersion',
  '/concerns/month': 'concernsMonth',
  '/concerns': 'concernsMonth',
};
const ANSWER_FIELDS: Record<string, string> = { '/text': 'text', '/version': 'pointVersion', '/month': 'pointMonth' };

/** The page's words for each field a refusal names (the English message of the core stays for the API). */
function fieldErrors(c: Context<PageEnv>, refusal: Refusal, fields: Record<string, string>): FieldError[] {
  const e = c.var.m.rectification.errors;
  const words: Record<string, string> = {
    text: e.text,
    ruleId: e.ruleId,
    severity: e.severity,
    deadline: e.deadline,
    concernsVersion: e.version,
    concernsMonth: e.month,
    pointVersion: e.version,
    pointMonth: e.month,
    reason: e.reason,
  };
  const seen = new Set<string>();
  return refusal.fields.flatMap((p) => {
    const field = fields[p.path] ?? 'text';
    if (seen.has(field)) return [];
    seen.add(field);
    return [{ field, message: words[field] ?? p.message }];
  });
}

/** The pages of findings and rectification (整改): the bureau's list and decisions, the organisation's answers. */
export function rectificationRoutes(session: TokenSource) {
  const supervisors = pageAccess(RECTIFICATION_SUPERVISORS, session);
  const readers = pageAccess(RECTIFICATION_READERS, session);
  const answerers = pageAccess(RECTIFICATION_ANSWERERS, session);

  const list = (side: Side) => async (c: Context<PageEnv>) => {
    const filter = filterOf(c);
    const cursor = c.req.query('cursor');
    const request = { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
    const page =
      side === 'bureau'
        ? await bureauRectifications(c.var.ctx, filter, request)
        : await organisationRectifications(c.var.ctx, filter, request);
    return render(
      c,
      <RectificationListPage
        c={c}
        who={await signedIn(c)}
        side={side}
        filter={filter}
        page={page}
        notice={noticeOf(c)}
      />,
    );
  };

  /** One finding with the form of its next step, as this member may take it. */
  const findingPage = async (
    c: Context<PageEnv>,
    side: Side,
    extra: {
      values?: Record<string, string>;
      errors?: FieldError[];
      warning?: string;
      status?: 200 | 400 | 409 | 412;
    } = {},
  ) => {
    const id = paramOf(c, 'rectificationId');
    const finding: RectificationView =
      side === 'bureau' ? await bureauRectification(c.var.ctx, id) : await organisationRectification(c.var.ctx, id);
    const answers =
      side === 'org' &&
      permits(RECTIFICATION_ANSWERERS, c.var.principal) &&
      ['open', 'reopened'].includes(finding.state);
    const forms: FindingForms = {
      ...(side === 'bureau' && finding.state === 'answered' ? { decide: true } : {}),
      ...(answers ? { answer: { versions: (await getContract(c.var.ctx, finding.contractId)).currentVersion } } : {}),
      values: extra.values ?? {},
      errors: extra.errors ?? [],
    };
    return render(
      c,
      <RectificationPage
        c={c}
        who={await signedIn(c)}
        side={side}
        finding={finding}
        forms={forms}
        notice={extra.errors ? undefined : noticeOf(c)}
        warning={extra.warning}
      />,
      extra.status ?? 200,
    );
  };

  /** A step refused for its state or a stale version: the finding again, saying so. */
  const refusedStep = (c: Context<PageEnv>, side: Side, error: unknown) => {
    const refusal = asRefusal(error);
    const r = c.var.m.rectification;
    if (refusal instanceof Stale) return findingPage(c, side, { warning: r.stale, status: 412 });
    if (refusal instanceof Conflict) return findingPage(c, side, { warning: r.wrongState, status: 409 });
    return undefined;
  };

  const raisePage = async (
    c: Context<PageEnv>,
    values: Record<string, string>,
    errors: FieldError[],
    status: 200 | 400 = 200,
  ) => {
    const organisationId = paramOf(c, 'organisationId');
    const contract = await jurisdictionContract(c.var.ctx, organisationId, paramOf(c, 'contractId'));
    return render(
      c,
      <RaiseFindingPage
        c={c}
        who={await signedIn(c)}
        organisationId={organisationId}
        contract={contract}
        values={values}
        errors={errors}
        back={BUREAU_RECTIFICATIONS}
      />,
      status,
    );
  };

  return new Hono<PageEnv>()
    .get(BUREAU_RECTIFICATIONS, supervisors, list('bureau'))
    .get(`${BUREAU_RECTIFICATIONS}/:rectificationId`, supervisors, (c) => findingPage(c, 'bureau'))
    .post(`${BUREAU_RECTIFICATIONS}/:rectificationId/accept`, supervisors, async (c) => {
      const id = paramOf(c, 'rectificationId');
      const version = formVersion((await readForm(c)).text('version')) ?? 0;
      try {
        await acceptFinding(c.var.ctx, id, version);
      } catch (error) {
        const shown = await refusedStep(c, 'bureau', error);
        if (shown) return shown;
        throw error;
      }
      return c.redirect(`${findingHref('bureau', id)}?notice=accepted`, 303);
    })
    .post(`${BUREAU_RECTIFICATIONS}/:rectificationId/reopen`, supervisors, async (c) => {
      const id = paramOf(c, 'rectificationId');
      const form = await readForm(c);
      const values = { reason: form.text('reason') };
      try {
        await reopenFinding(c.var.ctx, id, values, formVersion(form.text('version')) ?? 0);
      } catch (error) {
        const refusal = asRefusal(error);
        if (refusal?.kind === 'invalid')
          return findingPage(c, 'bureau', {
            values,
            errors: fieldErrors(c, refusal, { '/reason': 'reason' }),
            status: 400,
          });
        const shown = await refusedStep(c, 'bureau', error);
        if (shown) return shown;
        throw error;
      }
      return c.redirect(`${findingHref('bureau', id)}?notice=reopened`, 303);
    })
    .get('/bureau/contracts/:organisationId/:contractId/findings/new', supervisors, (c) =>
      raisePage(c, { _key: randomToken() }, []),
    )
    .post('/bureau/contracts/:organisationId/:contractId/findings/new', supervisors, async (c) => {
      const form = await readForm(c);
      const values: Record<string, string> = Object.fromEntries(
        ['text', 'ruleId', 'severity', 'deadline', 'concernsVersion', 'concernsMonth', '_key'].map((f) => [
          f,
          form.text(f),
        ]),
      );
      const key = FORM_KEY.test(values._key ?? '') ? (values._key as string) : randomToken();
      values._key = key;
      const concerns = {
        ...(values.concernsVersion ? { version: Number(values.concernsVersion) } : {}),
        ...(values.concernsMonth ? { month: values.concernsMonth } : {}),
      };
      // A date typed the ways people type one reads as the ISO day; the core checks the rest.
      const input = {
        text: values.text,
        ruleId: values.ruleId,
        severity: values.severity,
        deadline: form.date('deadline') ?? values.deadline,
        ...(Object.keys(concerns).length ? { concerns } : {}),
      };
      let raised: RectificationView;
      try {
        ({ finding: raised } = await raiseFinding(
          c.var.ctx,
          paramOf(c, 'organisationId'),
          paramOf(c, 'contractId'),
          input,
          key,
        ));
      } catch (error) {
        const refusal = asRefusal(error);
        if (refusal?.kind === 'invalid') return raisePage(c, values, fieldErrors(c, refusal, RAISE_FIELDS), 400);
        throw error;
      }
      return c.redirect(`${findingHref('bureau', raised.id)}?notice=raised`, 303);
    })
    .get(ORG_RECTIFICATIONS, readers, list('org'))
    .get(`${ORG_RECTIFICATIONS}/:rectificationId`, readers, (c) => findingPage(c, 'org'))
    .post(`${ORG_RECTIFICATIONS}/:rectificationId/answer`, answerers, async (c) => {
      const id = paramOf(c, 'rectificationId');
      const form = await readForm(c);
      const values = {
        text: form.text('text'),
        pointVersion: form.text('pointVersion'),
        pointMonth: form.text('pointMonth'),
      };
      const input = {
        text: values.text,
        ...(values.pointVersion ? { version: Number(values.pointVersion) } : {}),
        ...(values.pointMonth ? { month: values.pointMonth } : {}),
      };
      try {
        await answerFinding(c.var.ctx, id, input, formVersion(form.text('version')) ?? 0);
      } catch (error) {
        const refusal = asRefusal(error);
        if (refusal?.kind === 'invalid') {
          const errors = fieldErrors(c, refusal, ANSWER_FIELDS);
          // Neither pointer given: say "one of the two", beside the version.
          const pointer = !values.pointVersion && !values.pointMonth;
          const shown = errors.map((e) =>
            pointer && e.field === 'pointVersion' ? { ...e, message: c.var.m.rectification.errors.pointer } : e,
          );
          return findingPage(c, 'org', { values, errors: shown, status: 400 });
        }
        const shown = await refusedStep(c, 'org', error);
        if (shown) return shown;
        throw error;
      }
      return c.redirect(`${findingHref('org', id)}?notice=answered`, 303);
    });
}

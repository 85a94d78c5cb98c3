/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  asRefusal,
  Conflict,
  getRuleSet,
  Invalid,
  listMembers,
  NotFound,
  publishRuleSet,
  Refused,
  RULE_SET_PUBLISHERS,
  RULE_SET_READERS,
  ruleSetHistory,
  ruleSetInForce,
} from '@shegong/core';
import { isWithin, RULE_SET_FIELDS, type RuleSet } from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { type FieldError, Notice } from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { Shell, type SignedIn, signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import { fieldId, formOf, type RuleSetForm, readRuleSetForm } from './form.ts';
import { BUREAU_RULES, RULES } from './paths.ts';
import { PublishPage } from './publish.tsx';
import { fieldLabel, HistoryTable, InForceView, RuleSetMeta, RuleSetValues } from './views.tsx';

const BUREAU_READERS = { ...RULE_SET_READERS, kinds: ['bureau'] } as const;
const HISTORY_PAGE = 25;
const ID_SHAPE = /^\d{6}-\d{4}-\d{2}-\d{2}-v\d{1,4}$/;

const mayPublish = (who: SignedIn) =>
  who.principal.kind === 'bureau' && who.principal.roles.some((r) => r === 'admin' || r === 'reviewer');

/** The bureau's rule-set page: in force today for its region, and the region's history. */
async function bureauPage(c: Context<PageEnv>) {
  const who = await signedIn(c);
  const m = c.var.m;
  const r = m.ruleSets;
  const region = who.principal.region;
  const cursor = c.req.query('cursor');
  const [found, history, users] = await Promise.all([
    ruleSetInForce(c.var.ctx),
    ruleSetHistory(c.var.ctx, region, {
      limit: HISTORY_PAGE,
      ...(cursor && cursor.length <= 2000 ? { cursor } : {}),
    }),
    listMembers(c.var.ctx, { limit: 100 }),
  ]);
  // The publisher: the bureau, and for this bureau's own versions also who published it.
  const names = new Map<string, string>();
  for (const ruleSet of history.items) {
    const user = users.items.find((u) => u.id === ruleSet.publishedBy && ruleSet.bureauId === who.tenant.id);
    names.set(ruleSet.publishedBy, [ruleSet.bureauName, user?.name].filter(Boolean).join(' · ') || '—');
  }
  return render(
    c,
    <Shell
      c={c}
      who={who}
      title={r.bureauTitle}
      lead={r.bureauLead}
      actions={
        mayPublish(who) ? (
          <a class="btn btn-primary" href={`${BUREAU_RULES}/new`}>
            {r.publish}
          </a>
        ) : undefined
      }
    >
      {found ? (
        <InForceView c={c} found={found} versionHref={`${BUREAU_RULES}/${found.ruleSet.id}`} />
      ) : (
        <Notice tone="info">{r.noneInForceBureau}</Notice>
      )}
      <HistoryTable
        c={c}
        history={history}
        hrefOf={(id) => `${BUREAU_RULES}/${id}`}
        names={names}
        nextHref={history.cursor ? `${BUREAU_RULES}?cursor=${encodeURIComponent(history.cursor)}` : undefined}
      />
    </Shell>,
  );
}

/** Every signed-in tenant: the rules that apply to it today (read only). */
async function readerPage(c: Context<PageEnv>) {
  const who = await signedIn(c);
  const r = c.var.m.ruleSets;
  const found = await ruleSetInForce(c.var.ctx);
  return render(
    c,
    <Shell c={c} who={who} title={r.orgTitle} lead={r.orgLead}>
      {found ? (
        <InForceView c={c} found={found} versionHref={`${RULES}/${found.ruleSet.id}`} />
      ) : (
        <Notice tone="info">{r.noneInForce}</Notice>
      )}
    </Shell>,
  );
}

/**
 * One version. The same for every reader (published policy): nothing on it depends on who asks,
 * except the way back, which is the reader's own rules page.
 */
async function versionPage(c: Context<PageEnv>, back: string) {
  const who = await signedIn(c);
  const r = c.var.m.ruleSets;
  const id = c.req.param('ruleSetId') ?? '';
  if (!ID_SHAPE.test(id)) throw new NotFound('There is no such rule set');
  const ruleSet: RuleSet = await getRuleSet(c.var.ctx, id);
  return render(
    c,
    <Shell
      c={c}
      who={who}
      title={r.versionTitle(ruleSet.title, ruleSet.version)}
      crumbs={[{ label: back === BUREAU_RULES ? r.bureauTitle : r.orgTitle, href: back }]}
    >
      {c.req.query('published') === '1' ? <Notice tone="success">{r.published}</Notice> : null}
      <RuleSetMeta c={c} ruleSet={ruleSet} publisher={ruleSet.bureauName} />
      <RuleSetValues m={c.var.m} ruleSet={ruleSet} />
    </Shell>,
  );
}

/** The field a message belongs to, for the summary link: the input's id. */
function hrefOf(field: string): string {
  return RULE_SET_FIELDS.some((f) => f.path === field) ? fieldId(field) : field;
}

/** The rule-set pages: the bureau's (publish, history, versions) and everyone's read-only view. */
export function rulesRoutes(session: TokenSource) {
  const publishers = pageAccess(RULE_SET_PUBLISHERS, session);
  return new Hono<PageEnv>()
    .get(BUREAU_RULES, pageAccess({ kinds: ['bureau'], roles: 'any' }, session), bureauPage)
    .get(`${BUREAU_RULES}/new`, publishers, async (c) => {
      const who = await signedIn(c);
      const today = c.var.ctx.clock.today();
      const found = (await ruleSetInForce(c.var.ctx))?.ruleSet;
      const form = found
        ? formOf({ ...found, region: who.principal.region }, today)
        : { values: { region: who.principal.region, effectiveFrom: today }, illustrative: [] };
      return render(c, <PublishPage c={c} who={who} form={form} errors={[]} formKey={randomToken()} />);
    })
    .post(`${BUREAU_RULES}/new`, publishers, async (c) => {
      const who = await signedIn(c);
      const m = c.var.m;
      const r = m.ruleSets;
      const posted = await readForm(c);
      const values: Record<string, string> = {
        region: posted.text('region') || who.principal.region,
        effectiveFrom: posted.text('effectiveFrom'),
        title: posted.text('title'),
        notes: posted.text('notes'),
      };
      for (const field of RULE_SET_FIELDS) values[field.path] = posted.text(field.path);
      const form: RuleSetForm = { values, illustrative: posted.list('illustrative') };
      const key = FORM_KEY.test(posted.text('_key')) ? posted.text('_key') : randomToken();
      const again = async (errors: FieldError[], formKey = key) =>
        render(c, <PublishPage c={c} who={who} form={form} errors={errors} formKey={formKey} />, 400);

      const read = readRuleSetForm(form);
      if (!read.ok) {
        const label = (path: string) => fieldLabel(m, path);
        const errors: FieldError[] = [];
        const seen = new Set<string>();
        const add = (field: string, message: string) => {
          if (seen.has(field)) return;
          seen.add(field);
          errors.push({ field, message, href: hrefOf(field) });
        };
        for (const u of read.unreadable)
          add(
            u.field,
            u.kind === 'whole' ? r.errors.whole(label(u.field)) : m.errors.amount(label(u.field), u.kind, u.refusal),
          );
        for (const issue of read.issues) {
          const head = issue.field.split('.')[0] ?? '';
          if (head === 'region' || head === 'effectiveFrom' || head === 'title' || head === 'notes')
            add(head, r.errors[head]);
          else add(issue.field, r.errors.invalid(label(issue.field), issue.message));
        }
        // The summary in the order of the form.
        const order = ['region', 'effectiveFrom', 'title', 'notes', ...RULE_SET_FIELDS.map((f) => f.path)];
        errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
        return again(errors);
      }
      if (!isWithin(read.input.region, who.principal.region))
        return again([{ field: 'region', message: r.errors.outside }]);
      let published: { id: string };
      try {
        ({ ruleSet: published } = await publishRuleSet(c.var.ctx, read.input, key));
      } catch (error) {
        const refusal = asRefusal(error);
        if (refusal instanceof Invalid && refusal.fields.length) {
          // Values that contradict each other: each problem names its parameter (JSON pointer).
          return again(
            refusal.fields.map((e) => {
              const field = e.path.replace(/^\/(parameters\/)?/, '').replace(/\//g, '.');
              const known = RULE_SET_FIELDS.find((f) => f.path === field || f.path.startsWith(`${field}.`));
              const target = known?.path ?? field;
              const words = e.code === 'continuityRegionOutside' ? r.errors.continuityRegion : e.message;
              return {
                field: target,
                message: r.errors.invalid(fieldLabel(m, target), words),
                href: hrefOf(target),
              };
            }),
          );
        }
        if (refusal instanceof Conflict && refusal.fields.some((f) => f.path === '/effectiveFrom'))
          return again([{ field: 'effectiveFrom', message: r.errors.raced }], randomToken());
        if (refusal instanceof Refused && refusal.reason === 'idempotency_mismatch')
          return again([{ field: 'title', message: r.errors.duplicate }], randomToken());
        throw error;
      }
      return c.redirect(`${BUREAU_RULES}/${published.id}?published=1`, 303);
    })
    .get(`${BUREAU_RULES}/:ruleSetId`, pageAccess(BUREAU_READERS, session), (c) => versionPage(c, BUREAU_RULES))
    .get(RULES, pageAccess(RULE_SET_READERS, session), readerPage)
    .get(`${RULES}/:ruleSetId`, pageAccess(RULE_SET_READERS, session), (c) => versionPage(c, RULES));
}

/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  asRefusal,
  Conflict,
  getRuleSet,
  Invalid,
  listMembers,
  NotFound,
  previewRuleSet,
  publishRuleSet,
  type Refusal,
  Refused,
  RULE_SET_PUBLISHERS,
  RULE_SET_READERS,
  ruleSetHistory,
  ruleSetImpact,
  ruleSetInForce,
  Stale,
} from '@shegong/core';
import { isWithin, RULE_SET_FIELDS, type RuleSet } from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import type { Messages } from '../../i18n/index.ts';
import { type FieldError, Notice } from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { Shell, type SignedIn, signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import { ConfirmPage, type ShownAgain } from './confirm.tsx';
import { confirmationDigest } from './confirmation.ts';
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

/** The form's values that are not numbers of their unit, or that the schema refuses, each by its field, in the form's order. */
function unreadableErrors(m: Messages, read: Extract<ReturnType<typeof readRuleSetForm>, { ok: false }>): FieldError[] {
  const r = m.ruleSets;
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
  // A field's hidden characters first: its usual message would send the user looking for a mistake they cannot see.
  for (const issue of [...read.issues].sort((a, b) => Number(b.hidden) - Number(a.hidden))) {
    const head = issue.field.split('.')[0] ?? '';
    if ((head === 'title' || head === 'notes') && issue.hidden)
      add(head, m.errors.hiddenCharacters(head === 'title' ? r.form.titleField : r.form.notes));
    else if (head === 'region' || head === 'effectiveFrom' || head === 'title' || head === 'notes')
      add(head, r.errors[head]);
    else add(issue.field, r.errors.invalid(label(issue.field), issue.message));
  }
  // The summary in the order of the form.
  const order = ['region', 'effectiveFrom', 'title', 'notes', ...RULE_SET_FIELDS.map((f) => f.path)];
  return errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

/** A refusal of publishing (or of its preview) as the form's field errors; undefined for one the form cannot show. */
function refusalErrors(m: Messages, refusal: Refusal): FieldError[] | undefined {
  const r = m.ruleSets;
  if (refusal instanceof Invalid && refusal.fields.length) {
    // Values that contradict each other: each problem names its parameter (JSON pointer).
    return refusal.fields.map((e) => {
      const field = e.path.replace(/^\/(parameters\/)?/, '').replace(/\//g, '.');
      const known = RULE_SET_FIELDS.find((f) => f.path === field || f.path.startsWith(`${field}.`));
      const target = known?.path ?? field;
      const words = e.code === 'continuityRegionOutside' ? r.errors.continuityRegion : e.message;
      return { field: target, message: r.errors.invalid(fieldLabel(m, target), words), href: hrefOf(target) };
    });
  }
  if (refusal instanceof Conflict && refusal.fields.some((f) => f.path === '/effectiveFrom'))
    return [{ field: 'effectiveFrom', message: r.errors.raced }];
  if (refusal instanceof Refused && refusal.reason === 'idempotency_mismatch')
    return [{ field: 'title', message: r.errors.duplicate }];
  return undefined;
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
      const ctx = c.var.ctx;
      const posted = await readForm(c);
      const values: Record<string, string> = {
        region: posted.text('region') || who.principal.region,
        effectiveFrom: posted.date('effectiveFrom'),
        title: posted.text('title'),
        notes: posted.text('notes'),
      };
      for (const field of RULE_SET_FIELDS) values[field.path] = posted.text(field.path);
      const form: RuleSetForm = { values, illustrative: posted.list('illustrative') };
      const key = FORM_KEY.test(posted.text('_key')) ? posted.text('_key') : randomToken();
      const action = posted.text('action');
      const again = async (errors: FieldError[], formKey = key) =>
        render(
          c,
          <PublishPage c={c} who={who} form={form} errors={errors} formKey={formKey} />,
          errors.length ? 400 : 200,
        );
      // 返回修改: the form as it was typed.
      if (action === 'edit') return again([]);

      const read = readRuleSetForm(form);
      if (!read.ok) return again(unreadableErrors(m, read));
      const input = read.input;
      if (!isWithin(input.region, who.principal.region))
        return again([{ field: 'region', message: m.ruleSets.errors.outside }]);
      const confirmation = async (status: 200 | 409, shownAgain?: ShownAgain) =>
        render(
          c,
          <ConfirmPage
            c={c}
            who={who}
            form={form}
            input={input}
            preview={await previewRuleSet(ctx, input)}
            impact={await ruleSetImpact(ctx, input)}
            formKey={key}
            again={shownAgain}
          />,
          status,
        );
      try {
        // 发布 on the form: what it would change, nothing written yet.
        if (action !== 'publish') return await confirmation(200);
        // 确认发布: only what the confirmation showed, against the version it was compared with.
        const comparedWith = posted.text('_compared') || undefined;
        if (posted.text('_confirm') !== confirmationDigest(input, comparedWith))
          return await confirmation(409, 'notAsShown');
        const { ruleSet } = await publishRuleSet(ctx, input, key, { comparedWith });
        return c.redirect(`${BUREAU_RULES}/${ruleSet.id}?published=1`, 303);
      } catch (error) {
        const refusal = asRefusal(error);
        if (refusal instanceof Stale && refusal.reason === 'comparedWithChanged')
          return confirmation(409, 'changedSince');
        const errors = refusal ? refusalErrors(m, refusal) : undefined;
        if (!errors) throw error;
        // A race for the version number or a reused form: a fresh key for the next try.
        return again(errors, refusal instanceof Invalid ? key : randomToken());
      }
    })
    .get(`${BUREAU_RULES}/:ruleSetId`, pageAccess(BUREAU_READERS, session), (c) => versionPage(c, BUREAU_RULES))
    .get(RULES, pageAccess(RULE_SET_READERS, session), readerPage)
    .get(`${RULES}/:ruleSetId`, pageAccess(RULE_SET_READERS, session), (c) => versionPage(c, RULES));
}

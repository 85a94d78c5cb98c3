/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  asRefusal,
  Conflict,
  confirmSubmission,
  findLadder,
  linkMember,
  MY_RECORD_USERS,
  myExamCosts,
  myRecord,
  NotFound,
  PEOPLE_KEEPERS,
  pendingSubmissions,
  personMember,
  refuseSubmission,
  registryRules,
  SUBMISSION_REVIEWERS,
  submissionToDecide,
  submitToRecord,
} from '@shegong/core';
import { type SubmissionInput, SubmissionRefusal } from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { refusedInput } from '../../forms/refusals.ts';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import { checkListEntry, FormPage, LIST_FORMS, type ListForm, listFormRefusal, type Values } from '../staff/forms.tsx';
import type { StaffContext } from '../staff/views.tsx';
import { MY_RECORD, MyRecordPage, QueuePage, type RecordNotice, SUBMISSIONS, submissionWhat } from './views.tsx';

/**
 * 我的档案 My record (every member of an organisation: their own record, found by the link hr
 * set, never by an id in the address) and hr's queue of what members submit.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOTICES: readonly RecordNotice[] = ['submitted', 'confirmed', 'refused'];

function noticeOf(c: Context<PageEnv>): RecordNotice | undefined {
  const value = c.req.query('notice') as RecordNotice | undefined;
  return value && NOTICES.includes(value) ? value : undefined;
}

/** The ids in a queue address; one that cannot be ours answers like another organisation's: 404. */
function idsOf(c: Context<PageEnv>): { personId: string; submissionId: string } {
  const personId = c.req.param('personId') ?? '';
  const submissionId = c.req.param('submissionId') ?? '';
  if (!UUID.test(personId) || !UUID.test(submissionId)) throw new NotFound('There is nothing at this address');
  return { personId, submissionId };
}

/** What the certificates card needs: the rule set in force today and the ladder's level names. */
async function recordContext(c: Context<PageEnv>): Promise<StaffContext> {
  const [rules, ladder] = await Promise.all([registryRules(c.var.ctx), findLadder(c.var.ctx).catch(() => undefined)]);
  const levels = new Map<string, string>((ladder?.levels ?? []).map((l) => [l.id, l.name]));
  return { today: rules.today, ruleSet: rules.ruleSet, levels, keeper: false };
}

/** The two things a member submits, each with the staff pages' own form for it. */
const SUBMITTED: readonly { list: ListForm; kind: SubmissionInput['kind'] }[] = [
  { list: LIST_FORMS.find((l) => l.list === 'continuingEducation') as ListForm, kind: 'continuing-education' },
  { list: LIST_FORMS.find((l) => l.list === 'certificates') as ListForm, kind: 'certificate' },
];

const REASON_FIELDS = ['reason'] as const;

export function myRecordRoutes(session: TokenSource) {
  const members = pageAccess(MY_RECORD_USERS, session);
  const reviewers = pageAccess(SUBMISSION_REVIEWERS, session);

  const queue = async (c: Context<PageEnv>, error?: string, status: 200 | 409 = 200) => {
    const page = await pendingSubmissions(c.var.ctx, { limit: 100 });
    return render(
      c,
      <QueuePage c={c} who={await signedIn(c)} items={page.items} notice={noticeOf(c)} error={error} />,
      status,
    );
  };

  const refuseForm = async (
    c: Context<PageEnv>,
    name: string,
    what: string,
    values: Values,
    errors: { field: string; message: string }[],
    status: 200 | 400 = 200,
  ) => {
    const q = c.var.m.myRecord.queue;
    const { personId, submissionId } = idsOf(c);
    return render(
      c,
      <FormPage
        c={c}
        who={await signedIn(c)}
        spec={{
          title: q.refuseTitle(name),
          lead: what,
          action: `${SUBMISSIONS}/${personId}/${submissionId}/refuse`,
          fields: [{ name: 'reason', label: q.reason, hint: q.reasonHint, kind: 'text' }],
        }}
        values={values}
        errors={errors}
        crumbs={[{ label: q.title, href: SUBMISSIONS }]}
        cancel={SUBMISSIONS}
        hidden={{}}
        submitLabel={q.refuse}
      />,
      status,
    );
  };

  const app = new Hono<PageEnv>()
    .get(MY_RECORD, members, async (c) => {
      const [record, context, examCosts] = await Promise.all([
        myRecord(c.var.ctx),
        recordContext(c),
        myExamCosts(c.var.ctx),
      ]);
      return render(
        c,
        <MyRecordPage
          c={c}
          who={await signedIn(c)}
          record={record}
          context={context}
          notice={noticeOf(c)}
          examCosts={examCosts}
        />,
      );
    })
    .get(SUBMISSIONS, reviewers, (c) => queue(c))
    .post(`${SUBMISSIONS}/:personId/:submissionId/confirm`, reviewers, async (c) => {
      const { personId, submissionId } = idsOf(c);
      try {
        await confirmSubmission(c.var.ctx, personId, submissionId);
      } catch (error) {
        const refusal = asRefusal(error);
        const q = c.var.m.myRecord.queue;
        if (refusal instanceof Conflict && refusal.reason === 'decided') return queue(c, q.decided, 409);
        if (refusal && refusal.kind !== 'notFound') return queue(c, q.cannotConfirm, 409);
        throw error;
      }
      return c.redirect(`${SUBMISSIONS}?notice=confirmed`, 303);
    })
    .get(`${SUBMISSIONS}/:personId/:submissionId/refuse`, reviewers, async (c) => {
      const { personId, submissionId } = idsOf(c);
      const submission = await submissionToDecide(c.var.ctx, personId, submissionId);
      return refuseForm(c, submission.personName, submissionWhat(c, submission), {}, []);
    })
    .post(`${SUBMISSIONS}/:personId/:submissionId/refuse`, reviewers, async (c) => {
      const { personId, submissionId } = idsOf(c);
      const submission = await submissionToDecide(c.var.ctx, personId, submissionId);
      const values = { reason: (await readForm(c)).text('reason') };
      const parsed = SubmissionRefusal.safeParse(values);
      if (!parsed.success) {
        const errors = REASON_FIELDS.map((field) => ({ field, message: c.var.m.myRecord.queue.reasonMissing }));
        return refuseForm(c, submission.personName, submissionWhat(c, submission), values, errors, 400);
      }
      await refuseSubmission(c.var.ctx, personId, submissionId, parsed.data.reason);
      return c.redirect(`${SUBMISSIONS}?notice=refused`, 303);
    });

  for (const { list, kind } of SUBMITTED) addSubmissionForm(app, list, kind, members);
  addLinkForm(app, pageAccess(PEOPLE_KEEPERS, session));
  return app;
}

/** GET and POST of a member's submission form: the staff pages' form for the entry, titled as a submission. */
function addSubmissionForm(
  app: Hono<PageEnv>,
  list: ListForm,
  kind: SubmissionInput['kind'],
  members: ReturnType<typeof pageAccess>,
) {
  const path = `${MY_RECORD}/${list.segment}/new`;
  const show = async (
    c: Context<PageEnv>,
    values: Values,
    errors: { field: string; message: string }[],
    key: string,
    status: 200 | 400 = 200,
  ) => {
    const m = c.var.m;
    const r = m.myRecord;
    return render(
      c,
      <FormPage
        c={c}
        who={await signedIn(c)}
        spec={{
          ...list.spec(m.staff, path),
          title: kind === 'certificate' ? r.certFormTitle : r.ceFormTitle,
          lead: r.formLead,
        }}
        values={values}
        errors={errors}
        crumbs={[{ label: r.title, href: MY_RECORD }]}
        cancel={MY_RECORD}
        hidden={{ _key: key }}
        submitLabel={r.submit}
      />,
      status,
    );
  };
  app
    .get(path, members, async (c) => {
      // A member hr has not linked has nothing to submit to: their record page says why.
      const record = await myRecord(c.var.ctx);
      if (!record.linked) return c.redirect(MY_RECORD, 303);
      return show(c, {}, [], randomToken());
    })
    .post(path, members, async (c) => {
      const form = await readForm(c);
      const values: Values = Object.fromEntries(list.fields.map((n) => [n, form.text(n)]));
      const key = FORM_KEY.test(form.text('_key')) ? form.text('_key') : randomToken();
      const checked = checkListEntry(c.var.m, list, values);
      if ('errors' in checked) return show(c, values, checked.errors, key, 400);
      const input = (
        kind === 'certificate' ? { kind, certificate: checked.entry } : { kind, entry: checked.entry }
      ) as SubmissionInput;
      try {
        await submitToRecord(c.var.ctx, input, key);
      } catch (error) {
        const refused = refusedInput(error);
        if (refused) return show(c, values, listFormRefusal(c.var.m, refused, list), key, 400);
        throw error;
      }
      return c.redirect(`${MY_RECORD}?notice=submitted`, 303);
    });
}

/** 关联账号: hr links a member's account to a person on the registry (one each way). */
function addLinkForm(app: Hono<PageEnv>, keepers: ReturnType<typeof pageAccess>) {
  const path = '/org/staff/:personId/member';
  const show = async (
    c: Context<PageEnv>,
    values: Values,
    errors: { field: string; message: string }[],
    status: 200 | 400 | 409 = 200,
  ) => {
    const id = c.req.param('personId') ?? '';
    if (!UUID.test(id)) throw new NotFound('There is nothing at this address');
    const { person, linked, members: choices } = await personMember(c.var.ctx, id);
    const k = c.var.m.myRecord.link;
    const current = choices.find((u) => u.id === linked);
    const here = `/org/staff/${person.id}`;
    return render(
      c,
      <FormPage
        c={c}
        who={await signedIn(c)}
        spec={{
          title: k.title(person.name),
          lead: `${k.lead} ${current ? k.current(`${current.name}（${current.email}）`) : k.none}`,
          action: `${here}/member`,
          fields: [
            {
              name: 'userId',
              label: k.member,
              kind: 'select',
              choices: choices.map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` })),
            },
          ],
        }}
        values={{ userId: values.userId ?? linked ?? '' }}
        errors={errors}
        crumbs={[
          { label: c.var.m.staff.title, href: '/org/staff' },
          { label: person.name, href: here },
        ]}
        cancel={here}
        hidden={{}}
      />,
      status,
    );
  };
  app
    .get(path, keepers, (c) => show(c, {}, []))
    .post(path, keepers, async (c) => {
      const id = c.req.param('personId') ?? '';
      if (!UUID.test(id)) throw new NotFound('There is nothing at this address');
      const userId = (await readForm(c)).text('userId');
      const k = c.var.m.myRecord.link;
      if (!UUID.test(userId)) return show(c, { userId }, [{ field: 'userId', message: k.missing }], 400);
      try {
        await linkMember(c.var.ctx, id, userId);
      } catch (error) {
        const refusal = asRefusal(error);
        if (refusal instanceof Conflict) return show(c, { userId }, [{ field: 'userId', message: k.taken }], 409);
        if (refusal instanceof NotFound && (await c.var.ctx.repos.people.find(id)))
          return show(c, { userId }, [{ field: 'userId', message: k.missing }], 400);
        throw error;
      }
      return c.redirect(`/org/staff/${id}?notice=saved`, 303);
    });
}

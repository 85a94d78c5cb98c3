/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  addApplicationNote,
  admissionInvitations,
  admitApplication,
  applicationBase,
  asRefusal,
  Conflict,
  CREDIT_CODE_RECORDERS,
  declineApplication,
  figuresOf,
  getApplication,
  getIncubation,
  INCUBATION_STAFF,
  listApplications,
  memberNames,
  NotFound,
  recordApplication,
  recordCreditCode,
  reissueAdmissionInvitation,
  Stale,
  submitApplication,
  transitionIncubation,
} from '@shegong/core';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { type INCUBATION_NOTICES, setFlash, takeFlash } from '../../flash/flash.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { refusedInput } from '../../forms/refusals.ts';
import type { FieldError } from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { Shell, signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import { InvitationLinkCard } from '../platform/tenant.tsx';
import {
  applicationErrors,
  applicationInput,
  EMPTY_APPLICATION,
  HONEYPOT,
  readApplication,
} from './application-form.tsx';
import { ApplicationPage, ApplicationsPage, type ApplicationView, NewApplicationPage } from './applications.tsx';
import { ApplyPage, ReceivedPage } from './apply.tsx';
import { CreditCodePage } from './credit-code.tsx';
import { OVERVIEW_MOVES, type OverviewMove, RecordOverviewPage, type RecordView } from './overview.tsx';
import { APPLICATIONS, applicationPath, applyPath, CREDIT_CODE_PAGE, INCUBATED, incubatedPath } from './paths.ts';

/**
 * The incubation base's intake and record pages (issue 12), over the core's incubation use cases:
 * its applications (list, record one, review notes, admit, decline), the overview tab of an
 * admitted organisation's record (moves, administrator invitations), the public link an applying
 * organisation opens without signing in, and the credit-code page of an organisation admitted 未登记.
 */

const PAGE_SIZE = 20;
/** The public link's pages (as the API's PUBLIC_APPLICATION): the applicant has no account yet. */
const APPLICANT = {
  public: true,
  reason: 'an applying organisation has no account yet; what it sends only waits for the base’s review',
} as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type IncubationNotice = (typeof INCUBATION_NOTICES)[number];

/** An id in the path; one that cannot be an id answers like an unknown one: 404. */
function idOf(c: Context<PageEnv>, name: string): string {
  const id = c.req.param(name) ?? '';
  if (!UUID.test(id)) throw new NotFound('There is nothing at this address');
  return id;
}

/** The key a creating form carries (a fresh one when it is missing or malformed). */
const formKey = (value: string) => (FORM_KEY.test(value) ? value : randomToken());

/** Back to a page with a notice (post-redirect-get). */
function back(c: Context<PageEnv>, to: string, key: IncubationNotice) {
  setFlash(c, c.var.pages.cookies, { t: 'incubationNotice', key, arg: '' });
  return c.redirect(to, 303);
}

const ERROR_NOTICES: readonly IncubationNotice[] = ['stale', 'decided', 'cannotMove', 'cannotReissue'];
function noticeOf(c: Context<PageEnv>) {
  const flash = takeFlash(c, c.var.pages.cookies, 'incubationNotice');
  if (!flash) return undefined;
  return {
    tone: ERROR_NOTICES.includes(flash.key) ? ('error' as const) : ('success' as const),
    text: c.var.m.incubationPages.notices[flash.key],
  };
}

/** A decision or note refused by the application's state: back to it, saying why. */
function stateRefusal(c: Context<PageEnv>, applicationId: string, error: unknown) {
  const refusal = asRefusal(error);
  if (refusal instanceof Stale) return back(c, applicationPath(applicationId), 'stale');
  if (refusal instanceof Conflict) return back(c, applicationPath(applicationId), 'decided');
  // The same form posted again with other input: the page as it is now.
  if (refusal?.reason === 'idempotency_mismatch') return back(c, applicationPath(applicationId), 'stale');
  return undefined;
}

async function applicationView(
  c: Context<PageEnv>,
  applicationId: string,
  extra: Partial<ApplicationView> = {},
): Promise<ApplicationView> {
  const { application, notes } = await getApplication(c.var.ctx, applicationId);
  const names = await memberNames(c.var.ctx, [
    application.recordedBy.userId,
    ...(application.decision ? [application.decision.by.userId] : []),
    ...notes.map((n) => n.by.userId),
  ]);
  const admitted = takeFlash(c, c.var.pages.cookies, 'admitted');
  return {
    application,
    notes,
    names,
    ...(admitted?.applicationId === applicationId ? { admitted } : {}),
    notice: noticeOf(c),
    keys: { note: randomToken(), admit: randomToken() },
    ...extra,
  };
}

async function recordView(
  c: Context<PageEnv>,
  organisationId: string,
  failed?: RecordView['failed'],
): Promise<RecordView> {
  const record = await getIncubation(c.var.ctx, organisationId);
  const [invitations, figures, names] = await Promise.all([
    admissionInvitations(c.var.ctx, organisationId),
    figuresOf(c.var.ctx, record),
    memberNames(
      c.var.ctx,
      record.steps.map((s) => s.by.userId),
    ),
  ]);
  return { record, invitations, figures, names, notice: noticeOf(c), failed, today: c.var.ctx.clock.today() };
}

/** The agreement as the admission form posts it; a period that is not a whole number is sent as typed (the schema names it). */
function agreementInput(values: Record<string, string>) {
  const months = values.periodMonths ?? '';
  return {
    agreement: {
      startDate: values.startDate,
      periodMonths: /^\d{1,3}$/.test(months) ? Number(months) : months || undefined,
      mode: values.mode || undefined,
      ...(values.space ? { space: values.space } : {}),
    },
  };
}

/** The transition a record's move form posts: each move sends what it needs. */
function transitionInput(move: OverviewMove, values: Record<string, string>) {
  const { on, note, newEndDate, reason } = values;
  if (move === 'midterm_review') return { move, on, ...(note ? { note } : {}) };
  if (move === 'extend') return { move, on, newEndDate, reason };
  return { move, on, reason };
}

/** The field a refused path names (the last segment: /agreement/startDate is startDate). */
const lastSegment = (path: string) => path.split('/').at(-1) ?? '';

export function incubationRoutes(session: TokenSource) {
  const staff = pageAccess(INCUBATION_STAFF, session);
  const recorders = pageAccess(CREDIT_CODE_RECORDERS, session);
  const applicant = pageAccess(APPLICANT);
  return (
    new Hono<PageEnv>()
      .get(APPLICATIONS, staff, async (c) => {
        const asked = c.req.query('status');
        const status = APPLICATION_STATUSES.find((s) => s === asked) as ApplicationStatus | undefined;
        const cursor = c.req.query('cursor');
        const usable = cursor && cursor.length <= 2000 ? cursor : undefined;
        const applications = await listApplications(
          c.var.ctx,
          { status },
          { limit: PAGE_SIZE, ...(usable ? { cursor: usable } : {}) },
        );
        return render(
          c,
          <ApplicationsPage
            c={c}
            who={await signedIn(c)}
            applications={applications}
            status={status}
            cursor={usable}
          />,
        );
      })
      .get(`${APPLICATIONS}/new`, staff, async (c) =>
        render(
          c,
          <NewApplicationPage
            c={c}
            who={await signedIn(c)}
            values={EMPTY_APPLICATION}
            errors={[]}
            formKey={randomToken()}
          />,
        ),
      )
      .post(`${APPLICATIONS}/new`, staff, async (c) => {
        const form = await readForm(c);
        const values = readApplication(form);
        const key = formKey(form.text('_key'));
        try {
          const { application } = await recordApplication(c.var.ctx, applicationInput(values), key);
          return c.redirect(applicationPath(application.id), 303);
        } catch (error) {
          const errors = applicationErrors(c.var.m, error);
          if (!errors) throw error;
          return render(
            c,
            <NewApplicationPage c={c} who={await signedIn(c)} values={values} errors={errors} formKey={key} />,
            400,
          );
        }
      })
      .get(`${APPLICATIONS}/:applicationId`, staff, async (c) => {
        const view = await applicationView(c, idOf(c, 'applicationId'));
        return render(c, <ApplicationPage c={c} who={await signedIn(c)} view={view} />);
      })
      .post(`${APPLICATIONS}/:applicationId/notes`, staff, async (c) => {
        const id = idOf(c, 'applicationId');
        const form = await readForm(c);
        const text = form.text('note');
        try {
          await addApplicationNote(c.var.ctx, id, { text }, formKey(form.text('_key')));
          return back(c, applicationPath(id), 'noted');
        } catch (error) {
          const errors = refusedInput(error) ? [{ field: 'note', message: c.var.m.incubationPages.errors.note }] : [];
          if (!errors.length) return stateRefusal(c, id, error) ?? Promise.reject(error);
          const view = await applicationView(c, id, { failed: { form: 'note', values: { note: text }, errors } });
          return render(c, <ApplicationPage c={c} who={await signedIn(c)} view={view} />, 400);
        }
      })
      .post(`${APPLICATIONS}/:applicationId/admit`, staff, async (c) => {
        const id = idOf(c, 'applicationId');
        const form = await readForm(c);
        const values = {
          startDate: form.date('startDate'),
          periodMonths: form.text('periodMonths'),
          mode: form.text('mode'),
          space: form.text('space'),
        };
        const key = formKey(form.text('_key'));
        try {
          const admission = await admitApplication(
            c.var.ctx,
            c.var.deps,
            id,
            agreementInput(values),
            formVersion(form.text('version')) ?? 0,
            key,
          );
          setFlash(c, c.var.pages.cookies, {
            t: 'admitted',
            applicationId: id,
            name: admission.tenant.name,
            email: admission.invitation.email,
            link: admission.adminInvitationLink,
            mailed: admission.mailed,
            expiresOn: admission.invitation.expiresOn,
          });
          return c.redirect(applicationPath(id), 303);
        } catch (error) {
          const refusal = refusedInput(error);
          if (!refusal) return stateRefusal(c, id, error) ?? Promise.reject(error);
          const e = c.var.m.incubationPages.errors;
          const messages: Record<string, string> = {
            startDate: e.startDate,
            periodMonths: e.periodMonths,
            mode: e.mode,
            space: e.space,
          };
          const failing = new Set(refusal.fields.map((f) => lastSegment(f.path)));
          const errors: FieldError[] = Object.keys(messages)
            .filter((field) => failing.has(field))
            .map((field) => ({
              field,
              message: messages[field] as string,
              ...(field === 'mode' ? { href: 'mode-physical' } : {}),
            }));
          const view = await applicationView(c, id, {
            failed: { form: 'admit', values, errors },
            keys: { note: randomToken(), admit: key },
          });
          return render(c, <ApplicationPage c={c} who={await signedIn(c)} view={view} />, 400);
        }
      })
      .post(`${APPLICATIONS}/:applicationId/decline`, staff, async (c) => {
        const id = idOf(c, 'applicationId');
        const form = await readForm(c);
        const reason = form.text('reason');
        try {
          await declineApplication(c.var.ctx, id, { reason }, formVersion(form.text('version')) ?? 0);
          return back(c, applicationPath(id), 'declined');
        } catch (error) {
          if (!refusedInput(error)) return stateRefusal(c, id, error) ?? Promise.reject(error);
          const errors = [{ field: 'reason', message: c.var.m.incubationPages.errors.reason }];
          const view = await applicationView(c, id, { failed: { form: 'decline', values: { reason }, errors } });
          return render(c, <ApplicationPage c={c} who={await signedIn(c)} view={view} />, 400);
        }
      })
      .get(`${INCUBATED}/:incubationId`, staff, async (c) => {
        const view = await recordView(c, idOf(c, 'incubationId'));
        return render(c, <RecordOverviewPage c={c} who={await signedIn(c)} view={view} />);
      })
      .post(`${INCUBATED}/:incubationId/transitions`, staff, async (c) => {
        const id = idOf(c, 'incubationId');
        const form = await readForm(c);
        const move = OVERVIEW_MOVES.find((m) => m === form.text('move'));
        if (!move) throw new NotFound('There is no such step on this page');
        const values = {
          on: form.date('on'),
          note: form.text('note'),
          newEndDate: form.date('newEndDate'),
          reason: form.text('reason'),
        };
        try {
          await transitionIncubation(
            c.var.ctx,
            id,
            transitionInput(move, values),
            formVersion(form.text('version')) ?? 0,
          );
          return back(c, incubatedPath(id), 'moved');
        } catch (error) {
          const refusal = asRefusal(error);
          if (refusal instanceof Stale) return back(c, incubatedPath(id), 'stale');
          if (refusal instanceof Conflict) return back(c, incubatedPath(id), 'cannotMove');
          if (!refusedInput(error) || !refusal) throw error;
          const record = await getIncubation(c.var.ctx, id);
          const e = c.var.m.incubationPages.errors;
          const message = (field: string, code: string | undefined): string => {
            if (code === 'inFuture') return e.onInFuture(c.var.ctx.clock.today());
            if (code === 'beforeLastStep') return e.onBeforeLastStep;
            if (code === 'notLater') return e.newEndDateNotLater(record.endDate);
            if (field === 'on') return e.on;
            if (field === 'newEndDate') return e.newEndDate;
            return field === 'note' ? e.note : e.reason;
          };
          const errors = new Map<string, FieldError>();
          for (const problem of refusal.fields) {
            const field = lastSegment(problem.path);
            if (!errors.has(field) && field in values)
              errors.set(field, { field, message: message(field, problem.code), href: `${move}-${field}` });
          }
          const view = await recordView(c, id, { move, values, errors: [...errors.values()] });
          return render(c, <RecordOverviewPage c={c} who={await signedIn(c)} view={view} />, 400);
        }
      })
      .post(`${INCUBATED}/:incubationId/invitations/:invitationId/reissue`, staff, async (c) => {
        const id = idOf(c, 'incubationId');
        const invitationId = idOf(c, 'invitationId');
        try {
          const sent = await reissueAdmissionInvitation(c.var.ctx, c.var.deps, id, invitationId);
          setFlash(c, c.var.pages.cookies, {
            t: 'reissued',
            tenantId: id,
            email: sent.invitation.email,
            link: sent.link,
            expiresOn: sent.invitation.expiresOn,
          });
          return c.redirect(`${incubatedPath(id)}/reissued`, 303);
        } catch (error) {
          if (!(asRefusal(error) instanceof Conflict)) throw error;
          return back(c, incubatedPath(id), 'cannotReissue');
        }
      })
      .get(`${INCUBATED}/:incubationId/reissued`, staff, async (c) => {
        const record = await getIncubation(c.var.ctx, idOf(c, 'incubationId'));
        const flash = takeFlash(c, c.var.pages.cookies, 'reissued');
        if (!flash || flash.tenantId !== record.id) return c.redirect(incubatedPath(record.id), 303);
        const r = c.var.m.incubationPages.record;
        return render(
          c,
          <Shell
            c={c}
            who={await signedIn(c)}
            title={r.reissuedTitle}
            crumbs={[
              { label: c.var.m.nav.incubated, href: INCUBATED },
              { label: record.organisationName, href: incubatedPath(record.id) },
            ]}
          >
            <InvitationLinkCard
              c={c}
              done={r.reissued(flash.email)}
              expiresOn={flash.expiresOn}
              link={{
                label: c.var.m.incubationPages.application.linkLabel,
                hint: c.var.m.platform.linkHint,
                value: flash.link,
              }}
              back={{ href: incubatedPath(record.id), label: r.backToRecord }}
            />
          </Shell>,
        );
      })
      // The public link (no sign-in): an unknown or suspended base answers 404 (applicationBase).
      .get('/apply/:incubatorId/received', applicant, async (c) => {
        const base = await applicationBase(c.var.deps, idOf(c, 'incubatorId'));
        const receipt = takeFlash(c, c.var.pages.cookies, 'applied');
        if (!receipt || receipt.incubatorId !== base.id) return c.redirect(applyPath(base.id), 303);
        return render(c, <ReceivedPage c={c} receipt={receipt} />);
      })
      .get('/apply/:incubatorId', applicant, async (c) => {
        const base = await applicationBase(c.var.deps, idOf(c, 'incubatorId'));
        return render(
          c,
          <ApplyPage c={c} base={base} values={EMPTY_APPLICATION} errors={[]} formKey={randomToken()} />,
        );
      })
      .post('/apply/:incubatorId', applicant, async (c) => {
        const base = await applicationBase(c.var.deps, idOf(c, 'incubatorId'));
        const form = await readForm(c);
        const values = readApplication(form);
        const key = formKey(form.text('_key'));
        const again = (errors: FieldError[]) =>
          render(c, <ApplyPage c={c} base={base} values={values} errors={errors} formKey={key} />, 400);
        // A filled honeypot is a bot's: nothing is stored. (Rate limiting of the link is issue 14's.)
        if (form.text(HONEYPOT)) return again([{ field: 'name', message: c.var.m.incubationPages.apply.rejected }]);
        try {
          const { receipt } = await submitApplication(c.var.deps, base.id, applicationInput(values), key);
          setFlash(c, c.var.pages.cookies, {
            t: 'applied',
            incubatorId: base.id,
            id: receipt.id,
            incubatorName: c.var.lang === 'en' && base.nameEn ? base.nameEn : receipt.incubatorName,
            submittedAt: receipt.submittedAt,
          });
          return c.redirect(`${applyPath(base.id)}/received`, 303);
        } catch (error) {
          const errors = applicationErrors(c.var.m, error);
          if (!errors) throw error;
          return again(errors);
        }
      })
      .get(CREDIT_CODE_PAGE, recorders, async (c) => {
        const who = await signedIn(c);
        return render(c, <CreditCodePage c={c} who={who} tenant={who.tenant} uscc="" errors={[]} />);
      })
      .post(CREDIT_CODE_PAGE, recorders, async (c) => {
        const form = await readForm(c);
        const uscc = form.text('uscc').toUpperCase();
        const k = c.var.m.incubationPages;
        try {
          await recordCreditCode(c.var.ctx, { uscc }, formVersion(form.text('version')) ?? 0);
          return c.redirect('/org', 303);
        } catch (error) {
          const refusal = asRefusal(error);
          const message = refusedInput(error)
            ? k.errors.uscc
            : refusal instanceof Stale
              ? k.creditCode.stale
              : refusal?.reason === 'alreadyRegistered'
                ? k.creditCode.already
                : // Any other conflict is the code's platform-wide guard: another tenant holds it.
                  refusal instanceof Conflict
                  ? k.errors.usccTaken
                  : undefined;
          if (!message) throw error;
          const who = await signedIn(c);
          return render(
            c,
            <CreditCodePage c={c} who={who} tenant={who.tenant} uscc={uscc} errors={[{ field: 'uscc', message }]} />,
            400,
          );
        }
      })
  );
}

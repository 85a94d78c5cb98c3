/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import { bureauRecognitions, ownRecognitions, recognisableOrganisations, recordRecognition } from '@shegong/core';
import { RECOGNITION_AUTHORITIES, RECOGNITION_KINDS, type RecognitionRecord } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { formatDate, formatMoney } from '../../i18n/index.ts';
import {
  Card,
  Choices,
  CsrfInput,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  SelectField,
  Table,
  TextField,
} from '../../layout/components.tsx';
import { render } from '../../layout/render.ts';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { formErrors, required } from './form-errors.ts';
import { BUREAU_CLAIMS, bureauClaimTabPath, ORG_AWARDS, orgAwardTabPath } from './paths.ts';
import { BureauClaimTabs, OrgAwardTabs } from './tabs.tsx';

/**
 * 机构表彰奖励 (P-A8): the bureau records a recognition of an organisation of its jurisdiction and
 * its one-off award (form, list, total); the organisation reads its own at 机构表彰.
 */

const BUREAU_HERE = bureauClaimTabPath('recognitions');
const ORG_HERE = orgAwardTabPath('recognitions');
export const BUREAU_RECOGNITIONS_PAGE = BUREAU_HERE;
export const ORG_RECOGNITIONS_PAGE = ORG_HERE;

function RecognitionTable(props: {
  c: Context<PageEnv>;
  items: readonly RecognitionRecord[];
  total: number;
  bureau: boolean;
}) {
  const m = props.c.var.m;
  const r = m.incentivesExtra.recognition;
  const columns = [
    r.year,
    ...(props.bureau ? [r.organisation] : []),
    r.authority,
    r.kind,
    r.reference,
    r.amount,
    ...(props.bureau ? [] : [r.recordedBy]),
  ];
  const rule = <RuleBadge rule="P-A8" rules={m.policyRules} />;
  return (
    <>
      <Table caption={r.listTitle} columns={columns} empty={props.items.length ? undefined : r.empty}>
        {props.items.map((x) => (
          <tr>
            <td data-label={r.year}>
              {x.year}
              {x.recognisedOn ? <span class="hint">（{formatDate(x.recognisedOn, props.c.var.lang)}）</span> : null}
            </td>
            {props.bureau ? <td data-label={r.organisation}>{x.organisationName}</td> : null}
            <td data-label={r.authority}>{r.authorities[x.authority] ?? x.authority}</td>
            <td data-label={r.kind}>{r.kinds[x.kind] ?? x.kind}</td>
            <td data-label={r.reference}>{x.reference ?? '—'}</td>
            <td data-label={r.amount} class="num">
              {formatMoney(x.amount)} {rule}
            </td>
            {props.bureau ? null : <td data-label={r.recordedBy}>{x.bureau.name}</td>}
          </tr>
        ))}
      </Table>
      {props.items.length ? (
        <p class="figure-total">
          {r.total}：<strong>{formatMoney(props.total)}</strong> {rule}
        </p>
      ) : null}
    </>
  );
}

async function bureauPage(
  c: Context<PageEnv>,
  values: Record<string, string> = {},
  errors: FieldError[] = [],
  status: 200 | 400 | 409 | 422 = 200,
) {
  const who = await signedIn(c);
  const m = c.var.m;
  const r = m.incentivesExtra.recognition;
  const [{ recognitions, total }, organisations] = await Promise.all([
    bureauRecognitions(c.var.ctx),
    recognisableOrganisations(c.var.ctx),
  ]);
  const canRecord = who.principal.roles.some((role) => role === 'admin' || role === 'reviewer');
  return render(
    c,
    <Shell
      c={c}
      who={who}
      title={r.bureauTitle}
      lead={r.bureauLead}
      crumbs={[{ label: m.nav.claims, href: BUREAU_CLAIMS }]}
      here={BUREAU_HERE}
    >
      <BureauClaimTabs c={c} active="recognitions" />
      <ErrorSummary m={m} errors={errors} />
      {c.req.query('recorded') === '1' ? <Notice tone="success">{r.recorded}</Notice> : null}
      <Card title={r.listTitle} id="list">
        <RecognitionTable c={c} items={recognitions} total={total} bureau />
      </Card>
      {canRecord ? (
        <Card title={r.recordTitle} id="record">
          {organisations.length ? (
            <form method="post" action={BUREAU_HERE} novalidate>
              <CsrfInput token={c.var.csrfToken} />
              <input type="hidden" name="_key" value={randomToken()} />
              <SelectField
                m={m}
                id="organisationId"
                name="organisationId"
                label={r.organisation}
                placeholder={r.chooseOrganisation}
                value={values.organisationId}
                error={errorFor(errors, 'organisationId')}
                options={organisations.map((o) => ({ value: o.id, label: o.name }))}
              />
              <Choices
                m={m}
                type="radio"
                name="authority"
                legend={r.authority}
                error={errorFor(errors, 'authority')}
                choices={RECOGNITION_AUTHORITIES.map((a) => ({ value: a, label: r.authorities[a] ?? a }))}
                selected={[values.authority ?? '']}
              />
              <Choices
                m={m}
                type="radio"
                name="kind"
                legend={r.kind}
                error={errorFor(errors, 'kind')}
                choices={RECOGNITION_KINDS.map((k) => ({ value: k, label: r.kinds[k] ?? k }))}
                selected={[values.kind ?? '']}
              />
              <TextField
                m={m}
                id="year"
                name="year"
                label={r.year}
                width="short"
                inputmode="numeric"
                value={values.year}
                error={errorFor(errors, 'year')}
              />
              <TextField
                m={m}
                id="recognisedOn"
                name="recognisedOn"
                type="date"
                width="medium"
                label={r.recognisedOn}
                value={values.recognisedOn}
                error={errorFor(errors, 'recognisedOn')}
              />
              <TextField
                m={m}
                id="reference"
                name="reference"
                label={r.reference}
                value={values.reference}
                error={errorFor(errors, 'reference')}
                maxlength={100}
              />
              <div class="actions">
                <button type="submit" class="btn btn-primary">
                  {r.record}
                </button>
              </div>
            </form>
          ) : (
            <p class="empty">{r.noOrganisations}</p>
          )}
        </Card>
      ) : null}
    </Shell>,
    status,
  );
}

export const bureauRecognitionsGet = (c: Context<PageEnv>) => bureauPage(c);

export async function bureauRecognitionPosted(c: Context<PageEnv>) {
  const r = c.var.m.incentivesExtra.recognition;
  const posted = await readForm(c);
  const values = {
    organisationId: posted.text('organisationId'),
    authority: posted.text('authority'),
    kind: posted.text('kind'),
    year: posted.text('year'),
    recognisedOn: posted.date('recognisedOn'),
    reference: posted.text('reference'),
  };
  const errors: FieldError[] = [];
  required(values, errors, 'organisationId', r.errors.organisationId);
  required(values, errors, 'authority', r.errors.authority);
  required(values, errors, 'kind', r.errors.kind);
  if (!/^\d{4}$/.test(values.year)) errors.push({ field: 'year', message: r.errors.year });
  if (errors.length) return bureauPage(c, values, errors, 400);
  const key = FORM_KEY.test(posted.text('_key')) ? posted.text('_key') : undefined;
  const { organisationId, recognisedOn, reference, year, ...rest } = values;
  try {
    await recordRecognition(
      c.var.ctx,
      organisationId,
      { ...rest, year: Number(year), ...(recognisedOn ? { recognisedOn } : {}), ...(reference ? { reference } : {}) },
      key,
    );
    return c.redirect(`${BUREAU_HERE}?recorded=1`, 303);
  } catch (error) {
    const shown = formErrors(error, (p, field) =>
      p.code === 'alreadyRecorded'
        ? r.errors.alreadyRecorded
        : p.code === 'inFuture'
          ? r.errors.inFuture
          : field in r.errors
            ? r.errors[field as keyof typeof r.errors]
            : undefined,
    );
    if (shown) return bureauPage(c, values, shown.errors, shown.status);
    throw error;
  }
}

export async function orgRecognitionsGet(c: Context<PageEnv>) {
  const who = await signedIn(c);
  const m = c.var.m;
  const r = m.incentivesExtra.recognition;
  const { recognitions, total } = await ownRecognitions(c.var.ctx);
  return render(
    c,
    <Shell
      c={c}
      who={who}
      title={r.orgTitle}
      lead={r.orgLead}
      crumbs={[{ label: m.nav.awards, href: ORG_AWARDS }]}
      here={ORG_HERE}
    >
      <OrgAwardTabs c={c} active="recognitions" />
      <Card title={r.listTitle} id="list">
        <RecognitionTable c={c} items={recognitions} total={total} bureau={false} />
      </Card>
    </Shell>,
  );
}

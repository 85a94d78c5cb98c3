/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { AwardClaim, AwardClaimAssessment, AwardReason } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney } from '../../i18n/index.ts';
import { Card, DescriptionList, Table, Tag, type Tone } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';

/**
 * A claim's assessment as every page shows it: eligible or not, the amount in fen (formatted once),
 * and each reason with its rule id: P-A6, P-A3 (the run's periods, where a gap breaks it, the
 * tolerance), P-A2, P-A4 (the grouping by the cut year) and P-A5 (award − paid = payable, with the
 * ledger's entries).
 */

export const STATUS_TONES: Record<AwardClaim['status'], Tone> = {
  submitted: 'amber',
  endorsed: 'blue',
  approved: 'cyan',
  paid: 'green',
  refused: 'red',
  withdrawn: 'grey',
};

export function ClaimStatusTag(props: { c: Context<PageEnv>; status: AwardClaim['status'] }) {
  return <Tag tone={STATUS_TONES[props.status]}>{props.c.var.m.awards.statuses[props.status]}</Tag>;
}

function Reason(props: { c: Context<PageEnv>; reason: AwardReason }) {
  const { c, reason } = props;
  const m = c.var.m;
  const a = m.awards;
  const lang = c.var.lang;
  const level = (l: string) => m.staff.certLevels[l as keyof typeof m.staff.certLevels] ?? l;
  const tone: Tone = reason.passed ? 'green' : 'red';
  const body = (() => {
    switch (reason.code) {
      case 'civil_servant':
        return (
          <p>
            {a.civilServant(
              // The exclusion is said where it applies (a civil servant, excluded by the rule set).
              !reason.passed,
              m.staff.employmentTypes[reason.employmentType as keyof typeof m.staff.employmentTypes] ??
                reason.employmentType,
            )}
          </p>
        );
      case 'continuity': {
        const check = reason.check;
        return (
          <div>
            <p>
              {check.run
                ? a.runMet(formatDate(check.run.start, lang), check.run.days)
                : a.runNone(check.lastDayCovered)}{' '}
              {a.runRequired(check.requiredYears, formatDate(check.requiredStart, lang))}
            </p>
            {check.break ? (
              <p class="field-error">
                {a.runBreak(
                  formatDate(check.break.lastDayBefore, lang),
                  formatDate(check.break.resumedOn, lang),
                  check.break.gapDays,
                  check.break.toleranceDays,
                )}
              </p>
            ) : null}
            {check.run?.periods.length ? (
              <ul class="plain-list" aria-label={a.periods}>
                {check.run.periods.map((p) => (
                  <li>
                    {p.employer} · {regionName(p.region, lang)} · {formatDate(p.start, lang)} –{' '}
                    {p.end ? formatDate(p.end, lang) : a.periodOpen}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        );
      }
      case 'certificate':
        return (
          <p>
            {reason.highest === 'none' ? a.certificateNone : a.certificateHeld(level(reason.highest))}
            {reason.claimed && !reason.claimed.held ? ` ${a.claimedNotHeld(reason.claimed.number)}` : ''}
          </p>
        );
      case 'levels': {
        const g = reason.grouping;
        const list = (certs: typeof g.legacy) =>
          certs.length
            ? certs
                .map((x) => a.dated(level(x.level), formatDate(x.obtainedOn, lang)))
                .join(lang === 'en' ? ', ' : '、')
            : a.noneInGroup;
        return (
          <ul class="plain-list">
            <li>
              {a.legacy(g.cutoffYear)}
              {m.common.colon}
              {list(g.legacy)}
            </li>
            <li>
              {a.later(g.cutoffYear)}
              {m.common.colon}
              {list(g.later)}
            </li>
          </ul>
        );
      }
      case 'difference':
        return (
          <div>
            <p>
              {a.awardOfHighest} {formatMoney(reason.awardOfHighest)} − {a.paidSoFar} {formatMoney(reason.paidSoFar)} ={' '}
              {a.payable} <strong>{formatMoney(reason.payable)}</strong>
            </p>
            {reason.entries.length ? (
              <ul class="plain-list" aria-label={a.ledgerEntries}>
                {reason.entries.map((e) => (
                  <li>
                    {formatDate(e.date, lang)} · {level(e.level)} · {formatMoney(e.amount)} · {a.sources[e.source]}
                    {e.reference ? ` · ${e.reference}` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">{a.ledgerEmpty}</p>
            )}
          </div>
        );
    }
  })();
  return (
    <li class="award-reason">
      <RuleBadge rules={m.policyRules} rule={reason.ruleId} tone={tone} />{' '}
      <Tag tone={tone}>{reason.passed ? '✓' : '✗'}</Tag>
      {body}
    </li>
  );
}

/** The verdict, the amount and every reason. */
export function AssessmentCard(props: { c: Context<PageEnv>; assessment: AwardClaimAssessment; title: string }) {
  const { c, assessment } = props;
  const a = c.var.m.awards;
  return (
    <Card title={props.title} id="assessment">
      <DescriptionList
        items={[
          [
            a.colStatus,
            <Tag tone={assessment.eligible ? 'green' : 'red'}>{assessment.eligible ? a.eligible : a.notEligible}</Tag>,
          ],
          [
            a.amount,
            <span>
              <strong>{formatMoney(assessment.amount)}</strong> <RuleBadge rules={c.var.m.policyRules} rule="P-A5" />
            </span>,
          ],
          [a.claimDate, formatDate(assessment.claimDate, c.var.lang)],
        ]}
      />
      <h3 class="card-subtitle">{a.reasons}</h3>
      <ul class="plain-list award-reasons">
        {assessment.reasons.map((r) => (
          <Reason c={c} reason={r} />
        ))}
      </ul>
    </Card>
  );
}

/** The claim's dated history: who did what, when. */
export function StepsCard(props: { c: Context<PageEnv>; claim: AwardClaim }) {
  const { c, claim } = props;
  const a = c.var.m.awards;
  return (
    <Card title={a.steps} id="steps">
      <Table caption={a.steps} columns={[a.stepWhen, a.stepWhat, a.stepBy, a.colAmount]}>
        {claim.steps.map((s) => (
          <tr>
            <td data-label={a.stepWhen}>{formatDate(s.at, c.var.lang)}</td>
            <td data-label={a.stepWhat}>
              {a.actions[s.action]}
              {s.note ? ` · ${s.note}` : ''}
            </td>
            <td data-label={a.stepBy}>
              {s.byName} · {s.tenant}
            </td>
            <td data-label={a.colAmount} class="num">
              {s.amount !== undefined ? formatMoney(s.amount) : '—'}
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

/** The claim's own facts (both sides). */
export function ClaimFacts(props: { c: Context<PageEnv>; claim: AwardClaim; personHref?: string | undefined }) {
  const { c, claim } = props;
  const m = c.var.m;
  const a = m.awards;
  const lang = c.var.lang;
  return (
    <Card title={a.facts} id="facts">
      <DescriptionList
        items={[
          [a.colStatus, <ClaimStatusTag c={c} status={claim.status} />],
          [a.colPerson, props.personHref ? <a href={props.personHref}>{claim.personName}</a> : claim.personName],
          [a.idCard, <span class="mono">{claim.idCardMasked}</span>],
          [a.organisation, `${claim.organisation} · ${regionName(claim.region, lang)}`],
          [a.colLevel, m.staff.certLevels[claim.level]],
          [a.claimDate, formatDate(claim.claimDate, lang)],
          [a.colAmount, formatMoney(claim.amount)],
          [a.bureau, claim.bureau.name],
          ...(claim.certificateNumber ? ([[a.certificate, claim.certificateNumber]] as [string, string][]) : []),
          ...(claim.refusal ? ([[a.refusal, claim.refusal]] as [string, string][]) : []),
          ...(claim.payment
            ? ([
                [
                  a.payment,
                  `${formatDate(claim.payment.date, lang)} · ${formatMoney(claim.payment.amount)} · ${claim.payment.reference}`,
                ],
              ] as [string, string][])
            : []),
        ]}
      />
    </Card>
  );
}

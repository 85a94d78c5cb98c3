/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import type { StaffFlag } from '@shegong/domain';
import {
  type Finding,
  isKind,
  isWithin,
  type Person,
  type RuleSet,
  type StaffSummary,
  tenthsToHours,
  wholeYearsThrough,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney } from '../../i18n/index.ts';
import { Card, CsrfInput, DescriptionList, Notice, Table, Tag } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { type PolicyRules, RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { CertTag, Findings, RegistrationTag, registrationFigure, type StaffMessages } from './figures.tsx';

export const STAFF = '/org/staff';
export const FILTERS = ['below-floor', 'registration-expiring', 'registration-expired', 'ce-short'] as const;

/** A person as the reader may see them, and what the registry says about them today. */
export interface StaffEntry {
  person: Person;
  summary?: (StaffSummary & { flags: StaffFlag[] }) | undefined;
}

export interface StaffContext {
  today: string;
  ruleSet?: RuleSet | undefined;
  /** Ladder level names by id (the organisation's ladder, if it has one). */
  levels: ReadonlyMap<string, string>;
  /** Whether the reader may add, change and delete (hr, admin). */
  keeper: boolean;
}

export type StaffNotice = 'created' | 'saved' | 'deleted' | 'stale';

function NoticeLine(props: { s: StaffMessages; notice?: StaffNotice | undefined; name?: string }) {
  const { s, notice } = props;
  if (!notice) return null;
  if (notice === 'stale') return <Notice tone="error">{s.notices.stale}</Notice>;
  const text =
    notice === 'deleted'
      ? s.notices.deleted
      : notice === 'created'
        ? s.notices.created(props.name ?? '')
        : s.notices.saved(props.name ?? '');
  return <Notice tone="success">{text}</Notice>;
}

function RuleSetLine(props: { c: Context<PageEnv>; context: StaffContext }) {
  const s = props.c.var.m.staff;
  const rules = props.context.ruleSet;
  if (!rules) return <Notice tone="error">{s.noRuleSet}</Notice>;
  return (
    <p class="muted staff-rules">{s.ruleSetUsed(rules.title, formatDate(rules.effectiveFrom, props.c.var.lang))}</p>
  );
}

/** The pay cell: pay against the floor of the certificate level, the P-W3 badge and the shortfall in red. */
function PayFigure(props: { c: Context<PageEnv>; person: Person; summary?: StaffEntry['summary'] }) {
  const s = props.c.var.m.staff;
  const rules = props.c.var.m.policyRules;
  const pay = props.summary?.pay;
  if (!pay) return <span>{formatMoney(props.person.monthlyPay)}</span>;
  if (pay.exempt)
    return (
      <span class="figure">
        <span>{formatMoney(pay.pay)}</span>
        <RuleBadge rule="P-W1" rules={rules} figure={s.exempt} />
      </span>
    );
  const figure = s.figures.pay(formatMoney(pay.pay), formatMoney(pay.floor), s.certLevels[pay.certLevel]);
  return (
    <span class="figure">
      <span class={pay.shortfall > 0 ? 'text-error' : undefined}>
        {formatMoney(pay.pay)} / {formatMoney(pay.floor)}
      </span>
      <RuleBadge rule="P-W3" rules={rules} figure={figure} tone={pay.shortfall > 0 ? 'red' : 'grey'} />
      {pay.shortfall > 0 ? <strong class="text-error">{s.shortBy(formatMoney(pay.shortfall))}</strong> : null}
    </span>
  );
}

function CeFigure(props: { s: StaffMessages; rules: PolicyRules; summary: StaffSummary }) {
  const { s, rules } = props;
  const year = props.summary.ce.year;
  const short = year.shortfallTenthHours > 0;
  return (
    <span class="figure">
      <span class={short ? 'text-warning' : undefined}>
        {s.hours(tenthsToHours(year.tenthHours), tenthsToHours(year.requiredTenthHours))}
      </span>
      <RuleBadge
        rule="P-R2"
        rules={rules}
        figure={s.figures.hours(tenthsToHours(year.tenthHours), tenthsToHours(year.requiredTenthHours))}
        tone={short ? 'amber' : 'grey'}
      />
    </span>
  );
}

/** The registration that matters most for the list: a lapsed or lapsing one (as the findings weigh them), else the best. */
function RegistrationFigure(props: { c: Context<PageEnv>; summary: StaffSummary }) {
  const s = props.c.var.m.staff;
  const rules = props.c.var.m.policyRules;
  const flagged = props.summary.findings.find((f) => isKind(f, 'registrationExpired', 'registrationExpiring'));
  const index = flagged ? Number(flagged.path.split('/')[2]) : props.summary.registrations.length - 1;
  const r = props.summary.registrations[index];
  if (!r) return <span class="muted">{s.registration.none}</span>;
  return (
    <span class="figure">
      <RegistrationTag s={s} status={r.status} />
      <RuleBadge
        rule="N-4"
        rules={rules}
        figure={registrationFigure(s, r, props.c.var.lang)}
        tone={r.status === 'expired' ? 'red' : r.status === 'expiring' ? 'amber' : 'grey'}
      />
    </span>
  );
}

function filterLink(flag?: StaffFlag): string {
  return flag ? `${STAFF}?flag=${flag}` : STAFF;
}

/** The registry's flags as counts, each a link to the list filtered by it (staff list, dashboard). */
export function StaffCounts(props: { c: Context<PageEnv>; counts: Record<StaffFlag, number>; flag?: StaffFlag }) {
  const { counts, flag } = props;
  const s = props.c.var.m.staff;
  const countLines: [StaffFlag, string, 'error' | 'warning'][] = [
    ['below-floor', s.counts.belowFloor(counts['below-floor']), 'error'],
    ['registration-expired', s.counts.expired(counts['registration-expired']), 'error'],
    ['registration-expiring', s.counts.expiring(counts['registration-expiring']), 'warning'],
    ['ce-short', s.counts.ceShort(counts['ce-short']), 'warning'],
  ];
  return (
    <ul class="staff-counts" aria-label={s.filters.label}>
      {countLines.map(([key, text, tone]) => (
        <li>
          <a
            class={`staff-count${counts[key] > 0 ? ` staff-count-${tone}` : ''}`}
            href={filterLink(key)}
            aria-current={flag === key ? 'true' : undefined}
          >
            {text}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** 人员: the staff table with its flags, counts at the top and a filter row. */
export function StaffListPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  context: StaffContext;
  entries: readonly StaffEntry[];
  total: number;
  counts: Record<StaffFlag, number>;
  flag?: StaffFlag | undefined;
  notice?: StaffNotice | undefined;
  exportHref?: string | undefined;
}) {
  const { c, who, context, entries, counts, flag } = props;
  const m = c.var.m;
  const s = m.staff;
  const actions: Child[] = [];
  if (props.exportHref)
    actions.push(
      <a class="btn" href={props.exportHref}>
        {s.exportXlsx}
      </a>,
    );
  if (context.keeper)
    actions.push(
      <a class="btn btn-primary" href={`${STAFF}/new`}>
        {s.add}
      </a>,
    );
  return (
    <Shell c={c} who={who} title={s.title} lead={s.lead} actions={actions.length ? actions : undefined}>
      <NoticeLine s={s} notice={props.notice} />
      <RuleSetLine c={c} context={context} />
      {context.ruleSet ? <StaffCounts c={c} counts={counts} flag={flag} /> : null}
      <nav class="filter-row" aria-label={s.filters.label}>
        <span class="filter-label">{s.filters.label}</span>
        {[undefined, ...FILTERS].map((f) => (
          <a
            class={`filter${flag === f ? ' is-active' : ''}`}
            href={filterLink(f)}
            aria-current={flag === f ? 'page' : undefined}
          >
            {f ? s.filters[f] : s.filters.all}
          </a>
        ))}
      </nav>
      <div class="card-flush">
        <Card title={flag ? s.filters[flag] : s.title} id="staff" extra={s.showing(entries.length, props.total)}>
          <Table
            caption={s.title}
            columns={[s.col.name, s.col.cert, s.col.years, s.col.ce, s.col.registration, s.col.pay, s.col.ladder]}
            empty={entries.length ? undefined : flag ? s.emptyFiltered : s.empty}
          >
            {entries.map(({ person, summary }) => (
              <tr>
                <td data-label={s.col.name} class="nowrap">
                  <a href={`${STAFF}/${person.id}`}>{person.name}</a>
                </td>
                <td data-label={s.col.cert}>{summary ? <CertTag s={s} level={summary.certLevel} /> : null}</td>
                <td data-label={s.col.years}>{summary ? s.years(summary.practiceYears) : null}</td>
                <td data-label={s.col.ce}>
                  {summary ? <CeFigure s={s} rules={m.policyRules} summary={summary} /> : null}
                </td>
                <td data-label={s.col.registration}>
                  {summary ? <RegistrationFigure c={c} summary={summary} /> : null}
                </td>
                <td data-label={s.col.pay}>
                  <PayFigure c={c} person={person} summary={summary} />
                </td>
                <td data-label={s.col.ladder}>
                  {person.ladderLevelId ? (
                    (context.levels.get(person.ladderLevelId) ?? person.ladderLevelId)
                  ) : (
                    <span class="muted">{s.person.noLadder}</span>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        </Card>
      </div>
    </Shell>
  );
}

/** Whether an employment period is part of the P-A3 run that reaches today. */
function inRun(
  period: Person['employment'][number],
  summary: StaffSummary | undefined,
  jurisdiction: string | undefined,
) {
  const run = summary?.run;
  if (!run || !jurisdiction || !period.socialWork || !isWithin(period.region, jurisdiction)) return false;
  return (period.end ?? run.end) >= run.start && period.start <= run.end;
}

/** A person: findings first, details, certificates, employment with the P-A3 run, continuing education. */
export function PersonPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  context: StaffContext;
  entry: StaffEntry;
  seesPersonalData: boolean;
  notice?: StaffNotice | undefined;
}) {
  const { c, who, context, entry } = props;
  const { person, summary } = entry;
  const m = c.var.m;
  const s = m.staff;
  const rules = m.policyRules;
  const p = s.person;
  const lang = c.var.lang;
  const colon = lang === 'zh-CN' ? '：' : ': ';
  const here = `${STAFF}/${person.id}`;
  const findings: readonly Finding[] = summary?.findings ?? [];
  const jurisdiction = context.ruleSet?.region;
  const run = summary?.run;
  const levelName = person.ladderLevelId
    ? (context.levels.get(person.ladderLevelId) ?? person.ladderLevelId)
    : undefined;

  const details: [string, Child][] = [
    [p.idCard, <span class="mono">{person.idCardNumber}</span>],
    [p.phone, <span class="mono">{person.phone}</span>],
    [
      p.education,
      `${s.education[person.education.level]} · ${p.major}${colon}${person.education.socialWorkMajor ? p.majorYes : p.majorNo}`,
    ],
    [p.employmentType, s.employmentTypes[person.employmentType]],
    [p.pay, <PayFigure c={c} person={person} summary={summary} />],
    [p.certLevel, summary ? <CertTag s={s} level={summary.certLevel} /> : m.common.none],
    [p.practice, summary ? s.years(summary.practiceYears) : m.common.none],
    [
      p.run,
      summary ? (
        <span class="figure">
          <span>{run ? p.runValue(formatDate(run.start, lang), wholeYearsThrough(run.start, run.end)) : p.noRun}</span>
          <RuleBadge
            rule="P-A3"
            rules={rules}
            figure={run ? s.figures.run(formatDate(run.start, lang), run.days) : p.noRun}
            tone={run ? 'green' : 'grey'}
          />
        </span>
      ) : (
        m.common.none
      ),
    ],
    [p.ladder, levelName ? <a href="/org/ladder">{levelName}</a> : <span class="muted">{p.noLadder}</span>],
  ];

  const ceYear = summary?.ce.year;
  const cePeriod = summary?.ce.period;
  const entries = [...person.continuingEducation]
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => b.date.localeCompare(a.date));

  return (
    <Shell
      c={c}
      who={who}
      title={person.name}
      crumbs={[{ label: s.title, href: STAFF }]}
      here={here}
      actions={
        context.keeper ? (
          <>
            <a class="btn" href={`${here}/edit`}>
              {p.edit}
            </a>
            <a class="btn btn-danger" href={`${here}/delete`}>
              {p.delete}
            </a>
          </>
        ) : undefined
      }
    >
      <NoticeLine s={s} notice={props.notice} name={person.name} />
      <RuleSetLine c={c} context={context} />
      {summary ? (
        <Card title={p.findings} id="findings">
          <Findings rules={m.policyRules} findings={findings} lang={lang} empty={p.noFindings} />
        </Card>
      ) : null}
      <Card title={p.details} id="details">
        <DescriptionList items={details} />
        {props.seesPersonalData ? null : <p class="hint">{p.maskedNote}</p>}
      </Card>
      <div class="card-flush">
        <Card
          title={p.certificates}
          id="certificates"
          extra={context.keeper ? <a href={`${here}/certificates/new`}>{p.addCertificate}</a> : undefined}
        >
          <Table
            caption={p.certificates}
            columns={[p.colLevel, p.colNumber, p.colObtained, p.colRegistered, p.colExpires, p.colStatus]}
            empty={person.certificates.length ? undefined : p.noCertificates}
          >
            {person.certificates.map((cert, i) => {
              const r = summary?.registrations[i];
              return (
                <tr>
                  <td data-label={p.colLevel}>
                    <CertTag s={s} level={cert.level} />
                  </td>
                  <td data-label={p.colNumber}>
                    <span class="mono">{cert.number}</span>
                  </td>
                  <td data-label={p.colObtained}>{formatDate(cert.obtainedOn, lang)}</td>
                  <td data-label={p.colRegistered}>{r?.registeredOn ? formatDate(r.registeredOn, lang) : '—'}</td>
                  <td data-label={p.colExpires}>{r?.expiresOn ? formatDate(r.expiresOn, lang) : '—'}</td>
                  <td data-label={p.colStatus}>
                    {r ? (
                      <span class="figure">
                        <RegistrationTag s={s} status={r.status} />
                        <RuleBadge
                          rule="N-4"
                          rules={rules}
                          figure={registrationFigure(s, r, lang)}
                          tone={r.status === 'expired' ? 'red' : r.status === 'expiring' ? 'amber' : 'grey'}
                        />
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </Table>
        </Card>
        <Card
          title={p.employment}
          id="employment"
          extra={context.keeper ? <a href={`${here}/employment/new`}>{p.addEmployment}</a> : undefined}
        >
          <Table
            caption={p.employment}
            columns={[p.colEmployer, p.colRegion, p.colFrom, p.colTo, p.colSocialWork]}
            empty={person.employment.length ? undefined : p.noEmployment}
          >
            {[...person.employment]
              .sort((a, b) => b.start.localeCompare(a.start))
              .map((period) => {
                const counted = inRun(period, summary, jurisdiction);
                return (
                  <tr class={counted ? 'row-highlight' : undefined}>
                    <td data-label={p.colEmployer}>{period.employer}</td>
                    <td data-label={p.colRegion}>{regionName(period.region, lang)}</td>
                    <td data-label={p.colFrom}>{formatDate(period.start, lang)}</td>
                    <td data-label={p.colTo}>{period.end ? formatDate(period.end, lang) : p.ongoing}</td>
                    <td data-label={p.colSocialWork}>
                      <span class="figure">
                        <span>{period.socialWork ? s.form.yes : s.form.no}</span>
                        {counted ? <Tag tone="green">{p.inRun}</Tag> : null}
                      </span>
                    </td>
                  </tr>
                );
              })}
          </Table>
        </Card>
        <Card
          title={p.ce}
          id="continuing-education"
          extra={context.keeper ? <a href={`${here}/continuing-education/new`}>{p.addCe}</a> : undefined}
        >
          {ceYear ? (
            <ul class="ce-totals">
              <li class="figure">
                <span>
                  {p.yearTotal(ceYear.year)}
                  {colon}
                </span>
                <strong class={ceYear.shortfallTenthHours > 0 ? 'text-warning' : undefined}>
                  {s.hours(tenthsToHours(ceYear.tenthHours), tenthsToHours(ceYear.requiredTenthHours))}
                </strong>
                <RuleBadge
                  rule="P-R2"
                  rules={rules}
                  figure={s.figures.hours(tenthsToHours(ceYear.tenthHours), tenthsToHours(ceYear.requiredTenthHours))}
                  tone={ceYear.shortfallTenthHours > 0 ? 'amber' : 'grey'}
                />
              </li>
              {cePeriod ? (
                <li class="figure">
                  <span>
                    {p.periodTotal(formatDate(cePeriod.from, lang), formatDate(cePeriod.to, lang))}
                    {colon}
                  </span>
                  <strong class={cePeriod.shortfallTenthHours > 0 ? 'text-warning' : undefined}>
                    {s.hours(tenthsToHours(cePeriod.tenthHours), tenthsToHours(cePeriod.requiredTenthHours))}
                  </strong>
                  <RuleBadge
                    rule="N-5"
                    rules={rules}
                    figure={s.figures.hours(
                      tenthsToHours(cePeriod.tenthHours),
                      tenthsToHours(cePeriod.requiredTenthHours),
                    )}
                    tone={cePeriod.shortfallTenthHours > 0 ? 'amber' : 'grey'}
                  />
                </li>
              ) : null}
            </ul>
          ) : null}
          <Table
            caption={p.ce}
            columns={[p.colDate, p.colHours, p.colProvider, p.colTopic]}
            empty={entries.length ? undefined : p.noCe}
          >
            {entries.map((e) => (
              <tr>
                <td data-label={p.colDate}>{formatDate(e.date, lang)}</td>
                <td data-label={p.colHours}>{tenthsToHours(e.tenthHours)}</td>
                <td data-label={p.colProvider}>{e.provider}</td>
                <td data-label={p.colTopic}>{e.topic}</td>
              </tr>
            ))}
          </Table>
        </Card>
      </div>
    </Shell>
  );
}

/** 删除人员: a confirmation page (one task per page), the form carrying the version it was read at. */
export function DeletePage(props: { c: Context<PageEnv>; who: SignedIn; person: Person }) {
  const { c, who, person } = props;
  const s = c.var.m.staff;
  const here = `${STAFF}/${person.id}`;
  return (
    <Shell
      c={c}
      who={who}
      title={s.form.deleteTitle(person.name)}
      crumbs={[
        { label: s.title, href: STAFF },
        { label: person.name, href: here },
      ]}
    >
      <Card>
        <p>{s.form.deleteLead}</p>
        <form method="post" action={`${here}/delete`}>
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="version" value={String(person.version)} />
          <div class="actions">
            <button type="submit" class="btn btn-danger">
              {s.form.confirmDelete}
            </button>
            <a class="btn" href={here}>
              {s.form.cancel}
            </a>
          </div>
        </form>
      </Card>
    </Shell>
  );
}

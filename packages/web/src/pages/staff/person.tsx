/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { isWithin, type Person, type StaffSummary, tenthsToHours, wholeYearsThrough } from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatDate } from '../../i18n/index.ts';
import { Card, CsrfInput, DescriptionList, Table, Tag } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { CeHours, CertTag, Findings, PayFigure, RegistrationFigure } from './figures.tsx';
import { NoticeLine, RuleSetLine, STAFF, type StaffContext, type StaffEntry, type StaffNotice } from './views.tsx';

/** What a section of the person page reads: the person, the registry's summary, where they live. */
export interface SectionProps {
  c: Context<PageEnv>;
  context: StaffContext;
  person: Person;
  summary?: StaffSummary | undefined;
  here: string;
}

/** A card's "add" link, for those who keep the registry (a card shows no extra otherwise). */
function keeperLink(context: StaffContext, href: string, label: string): Child | undefined {
  return context.keeper ? <a href={href}>{label}</a> : undefined;
}

function KeeperActions(props: { c: Context<PageEnv>; here: string }) {
  const p = props.c.var.m.staff.person;
  return (
    <>
      <a class="btn" href={`${props.here}/edit`}>
        {p.edit}
      </a>
      <a class="btn" href={`${props.here}/member`}>
        {props.c.var.m.myRecord.link.action}
      </a>
      <a class="btn btn-danger" href={`${props.here}/delete`}>
        {p.delete}
      </a>
    </>
  );
}

/** The unbroken run of social work that counts towards the P-A3 years, or that there is none. */
function PracticeRun(props: { c: Context<PageEnv>; run?: StaffSummary['run'] }) {
  const { run } = props;
  const m = props.c.var.m;
  const p = m.staff.person;
  const lang = props.c.var.lang;
  return (
    <span class="figure">
      <span>{run ? p.runValue(formatDate(run.start, lang), wholeYearsThrough(run.start, run.end)) : p.noRun}</span>
      <RuleBadge
        rule="P-A3"
        rules={m.policyRules}
        figure={run ? m.staff.figures.run(formatDate(run.start, lang), run.days) : p.noRun}
        tone={run ? 'green' : 'grey'}
      />
    </span>
  );
}

function DetailsSection(props: SectionProps & { seesPersonalData: boolean }) {
  const { c, context, person, summary } = props;
  const m = c.var.m;
  const s = m.staff;
  const p = s.person;
  const levelName = person.ladderLevelId
    ? (context.levels.get(person.ladderLevelId) ?? person.ladderLevelId)
    : undefined;
  const details: [string, Child][] = [
    [p.idCard, <span class="mono">{person.idCardNumber}</span>],
    [p.phone, <span class="mono">{person.phone}</span>],
    [
      p.education,
      `${s.education[person.education.level]} · ${p.major}${m.common.colon}${person.education.socialWorkMajor ? p.majorYes : p.majorNo}`,
    ],
    [p.employmentType, s.employmentTypes[person.employmentType]],
    ...(person.ftePercent === undefined
      ? []
      : [[p.workingTime, p.workingTimeValue(person.ftePercent)] as [string, Child]]),
    [p.pay, <PayFigure c={c} person={person} summary={summary} />],
    [p.certLevel, summary ? <CertTag s={s} level={summary.certLevel} /> : m.common.none],
    [p.practice, summary ? s.years(summary.practiceYears) : m.common.none],
    [p.run, summary ? <PracticeRun c={c} run={summary.run} /> : m.common.none],
    [p.ladder, levelName ? <a href="/org/ladder">{levelName}</a> : <span class="muted">{p.noLadder}</span>],
  ];
  return (
    <Card title={p.details} id="details">
      <DescriptionList items={details} />
      {props.seesPersonalData ? null : <p class="hint">{p.maskedNote}</p>}
    </Card>
  );
}

/** Each certificate with its registration (N-4), in the person's order: row i is /certificates/i. */
export function CertificatesSection(props: SectionProps) {
  const { c, person, summary } = props;
  const s = c.var.m.staff;
  const p = s.person;
  const lang = c.var.lang;
  return (
    <Card
      title={p.certificates}
      id="certificates"
      extra={keeperLink(props.context, `${props.here}/certificates/new`, p.addCertificate)}
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
              <td data-label={p.colStatus}>{r ? <RegistrationFigure c={c} registration={r} /> : '—'}</td>
            </tr>
          );
        })}
      </Table>
    </Card>
  );
}

/** Whether an employment period is part of the P-A3 run that reaches today (counted in the run's area). */
function inRun(period: Person['employment'][number], summary: StaffSummary | undefined) {
  const run = summary?.run;
  if (!run || !period.socialWork || !isWithin(period.region, run.area)) return false;
  return (period.end ?? run.end) >= run.start && period.start <= run.end;
}

/** The employment history, newest first, the periods of the P-A3 run highlighted. */
function EmploymentSection(props: SectionProps) {
  const { c, person, summary } = props;
  const s = c.var.m.staff;
  const p = s.person;
  const lang = c.var.lang;
  return (
    <Card
      title={p.employment}
      id="employment"
      extra={keeperLink(props.context, `${props.here}/employment/new`, p.addEmployment)}
    >
      <Table
        caption={p.employment}
        columns={[p.colEmployer, p.colRegion, p.colFrom, p.colTo, p.colSocialWork]}
        empty={person.employment.length ? undefined : p.noEmployment}
      >
        {[...person.employment]
          .sort((a, b) => b.start.localeCompare(a.start))
          .map((period) => {
            const counted = inRun(period, summary);
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
  );
}

/** This year's hours (P-R2) and the registration period's (N-5), each against what is required. */
function CeTotals(props: { c: Context<PageEnv>; ce: StaffSummary['ce'] }) {
  const { ce } = props;
  const m = props.c.var.m;
  const p = m.staff.person;
  const lang = props.c.var.lang;
  return (
    <ul class="ce-totals">
      <li class="figure">
        <span>
          {p.yearTotal(ce.year.year)}
          {m.common.colon}
        </span>
        <CeHours s={m.staff} rules={m.policyRules} total={ce.year} strong />
      </li>
      {ce.period ? (
        <li class="figure">
          <span>
            {p.periodTotal(formatDate(ce.period.from, lang), formatDate(ce.period.to, lang))}
            {m.common.colon}
          </span>
          <CeHours s={m.staff} rules={m.policyRules} total={ce.period} strong />
        </li>
      ) : null}
    </ul>
  );
}

/** A person's continuing-education entries, newest first (hr's person page and the member's own record). */
export function CeEntries(props: {
  c: Context<PageEnv>;
  person: Pick<Person, 'continuingEducation'>;
  caption?: string;
}) {
  const { c } = props;
  const p = c.var.m.staff.person;
  const lang = c.var.lang;
  const entries = [...props.person.continuingEducation].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <Table
      caption={props.caption ?? p.ce}
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
  );
}

/** The continuing education: the totals against the rules, then every entry, newest first. */
function ContinuingEducationSection(props: SectionProps) {
  const { c, person, summary } = props;
  const p = c.var.m.staff.person;
  return (
    <Card
      title={p.ce}
      id="continuing-education"
      extra={keeperLink(props.context, `${props.here}/continuing-education/new`, p.addCe)}
    >
      {summary ? <CeTotals c={c} ce={summary.ce} /> : null}
      <CeEntries c={c} person={person} />
    </Card>
  );
}

/** A person: findings first, details, certificates, employment with the P-A3 run, continuing education. */
export function PersonPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  context: StaffContext;
  entry: StaffEntry;
  seesPersonalData: boolean;
  notice?: StaffNotice | undefined;
  /** Sections other capabilities add after the registry's own (服务社区, targets/postings.tsx). */
  more?: Child;
}) {
  const { c, who, context, entry } = props;
  const { person, summary } = entry;
  const m = c.var.m;
  const s = m.staff;
  const p = s.person;
  const here = `${STAFF}/${person.id}`;
  const section = { c, context, person, summary, here };
  return (
    <Shell
      c={c}
      who={who}
      title={person.name}
      crumbs={[{ label: s.title, href: STAFF }]}
      here={here}
      actions={context.keeper ? <KeeperActions c={c} here={here} /> : undefined}
    >
      <NoticeLine s={s} notice={props.notice} name={person.name} />
      <RuleSetLine c={c} context={context} />
      {summary ? (
        <Card title={p.findings} id="findings">
          <Findings rules={m.policyRules} findings={summary.findings} lang={c.var.lang} empty={p.noFindings} />
        </Card>
      ) : null}
      <DetailsSection {...section} seesPersonalData={props.seesPersonalData} />
      <div class="card-flush">
        <CertificatesSection {...section} />
        <EmploymentSection {...section} />
        <ContinuingEducationSection {...section} />
      </div>
      {props.more ?? null}
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

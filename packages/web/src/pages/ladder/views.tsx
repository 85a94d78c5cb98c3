/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { STAFF_EXPORTERS } from '@shegong/core';
import {
  type CertLevel,
  type EducationLevel,
  type Finding,
  findingText,
  type LadderCheck,
  type LadderLevel,
  type PersonStanding,
  type PostClass,
  type SavedLadder,
  tenthsToHours,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney, type Lang, type Messages } from '../../i18n/index.ts';
import { Card, Notice, Table, Tag } from '../../layout/components.tsx';
import { FindingList, type PolicyRules, RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';

export const LADDER = '/org/ladder';
export const promoteHref = (personId: string) => `${LADDER}/promote/${personId}`;

type L = Messages['ladder'];

const certLabel = (l: L, level: unknown) => l.certLevels[level as CertLevel] ?? String(level);
const educationLabel = (l: L, level: unknown) => l.education[level as EducationLevel] ?? String(level);
const postClassLabel = (l: L, c: unknown) => l.postClasses[c as PostClass] ?? String(c);

/** The findings of one level, errors red and warnings amber, each with its rule badge. */
function LevelFindings(props: { l: L; rules: PolicyRules; lang: Lang; findings: readonly Finding[] }) {
  if (!props.findings.length) return <Tag tone="green">{props.l.ok}</Tag>;
  return <FindingList rules={props.rules} findings={props.findings} text={(f) => findingText(f, props.lang)} />;
}

const ofLevel = (findings: readonly Finding[], i: number) =>
  findings.filter((f) => f.path === `/levels/${i}` || f.path.startsWith(`/levels/${i}/`));

/** The ladder as a table of levels, each with the findings about it. */
export function LevelsTable(props: {
  l: L;
  rules: PolicyRules;
  lang: Lang;
  levels: readonly LadderLevel[];
  findings?: readonly Finding[];
}) {
  const { l, rules } = props;
  return (
    <Table
      caption={l.levelsTitle}
      columns={[
        l.colLevel,
        l.colPostClass,
        l.colCertificate,
        l.colYears,
        l.colEducation,
        l.colCe,
        l.colBand,
        ...(props.findings ? [l.colFindings] : []),
      ]}
    >
      {props.levels.map((level, i) => (
        <tr id={`level-${level.id}`}>
          <td data-label={l.colLevel}>
            <span>{level.name}</span>
          </td>
          <td data-label={l.colPostClass}>
            <span>
              {postClassLabel(l, level.postClass)}{' '}
              {level.postClass !== 'none' ? <RuleBadge rule="P-C1" rules={rules} /> : null}
            </span>
          </td>
          <td data-label={l.colCertificate}>{certLabel(l, level.requirements.minCertificate)}</td>
          <td data-label={l.colYears}>{l.years(level.requirements.minYearsPractice)}</td>
          <td data-label={l.colEducation}>{educationLabel(l, level.requirements.minEducation)}</td>
          <td data-label={l.colCe}>{level.requirements.continuingEducationUpToDate ? l.required : l.notRequired}</td>
          <td data-label={l.colBand}>
            <span>
              {formatMoney(level.payBand.min)}–{formatMoney(level.payBand.max)} <RuleBadge rule="P-W3" rules={rules} />
            </span>
          </td>
          {props.findings ? (
            <td data-label={l.colFindings}>
              <LevelFindings l={l} rules={rules} lang={props.lang} findings={ofLevel(props.findings, i)} />
            </td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}

function BandTag(props: { l: L; band: NonNullable<NonNullable<PersonStanding['standing']>['band']> }) {
  const { l, band } = props;
  if (band.inBand) return <Tag tone="green">{l.inBand}</Tag>;
  return <Tag tone="amber">{band.pay < band.min ? l.belowBand : l.aboveBand}</Tag>;
}

export function missingLine(l: L, m: { requirement: string; needed: string | number; has: string | number }): string {
  switch (m.requirement) {
    case 'minCertificate':
      return l.missing.minCertificate(certLabel(l, m.needed), certLabel(l, m.has));
    case 'minEducation':
      return l.missing.minEducation(educationLabel(l, m.needed), educationLabel(l, m.has));
    case 'minYearsPractice':
      return l.missing.minYearsPractice(String(m.needed), String(m.has));
    default:
      return l.missing.continuingEducationUpToDate(tenthsToHours(Number(m.needed)), tenthsToHours(Number(m.has)));
  }
}

/** The next level up and what the person still lacks for it (P-C2). */
function NextLevelGap(props: {
  l: L;
  rules: PolicyRules;
  next: NonNullable<NonNullable<PersonStanding['standing']>['next']>;
  nameOf: (id: string | undefined) => string | undefined;
}) {
  const { l, next } = props;
  return (
    <span>
      <span class="muted">{props.nameOf(next.levelId)}</span> <RuleBadge rule="P-C2" rules={props.rules} />
      <ul class="missing-list">
        {next.missing.map((m) => (
          <li>{missingLine(l, m)}</li>
        ))}
      </ul>
    </span>
  );
}

/** 谁符合哪一级: each person's held level, highest level qualified for, what is missing, pay in band. */
export function StandingsTable(props: {
  l: L;
  rules: PolicyRules;
  ladder: SavedLadder;
  people: readonly PersonStanding[];
  canPromote: boolean;
}) {
  const { l, rules, ladder } = props;
  const nameOf = (id: string | undefined) => (id ? (ladder.levels.find((x) => x.id === id)?.name ?? id) : undefined);
  const rank = (id: string | undefined) => (id ? ladder.levels.findIndex((x) => x.id === id) : -1);
  // A promotion is offered only to a level the person already qualifies for, above the one held;
  // the promotion form still checks the requirements on the date chosen.
  const canMoveUp = (p: PersonStanding) => rank(p.standing?.qualifiesFor) > rank(p.heldLevelId);
  return (
    <Table
      caption={l.whoTitle}
      columns={[
        l.colPerson,
        l.colHeld,
        l.colQualifies,
        l.colMissing,
        l.colPay,
        ...(props.canPromote ? [l.colActions] : []),
      ]}
      empty={props.people.length ? undefined : l.noPeople}
    >
      {props.people.map((p) => {
        const s = p.standing;
        return (
          <tr id={`person-${p.personId}`}>
            <td data-label={l.colPerson}>{p.name}</td>
            <td data-label={l.colHeld}>{nameOf(p.heldLevelId) ?? <span class="muted">{l.noLevel}</span>}</td>
            <td data-label={l.colQualifies}>{s ? (nameOf(s.qualifiesFor) ?? l.nothing) : l.noStanding}</td>
            <td data-label={l.colMissing}>
              {!s ? (
                l.nothing
              ) : s.next ? (
                <NextLevelGap l={l} rules={rules} next={s.next} nameOf={nameOf} />
              ) : (
                l.topLevel
              )}
            </td>
            <td data-label={l.colPay}>
              <span>
                {formatMoney(p.monthlyPay)} {s?.band ? <BandTag l={l} band={s.band} /> : null}
              </span>
            </td>
            {props.canPromote ? (
              <td data-label={l.colActions} class="cell-actions">
                {canMoveUp(p) ? (
                  <a href={promoteHref(p.personId)} aria-label={l.promoteLabel(p.name)}>
                    {l.promote}
                  </a>
                ) : (
                  l.nothing
                )}
              </td>
            ) : null}
          </tr>
        );
      })}
    </Table>
  );
}

function CheckedNote(props: { l: L; check: LadderCheck }) {
  return (
    <p class="muted ladder-note">
      {props.check.ruleSet ? props.l.checkedAgainst(props.check.ruleSet.title) : props.l.notChecked}
    </p>
  );
}

function LadderActions(props: { c: Context<PageEnv>; who: SignedIn; hasLadder: boolean; canEdit: boolean }) {
  const l = props.c.var.m.ladder;
  return (
    <>
      {/* The export (issue 3 §5, pages/imports): the ladder and everyone's standing, as xlsx. */}
      {props.hasLadder && STAFF_EXPORTERS.roles.some((r) => props.who.principal.roles.includes(r)) ? (
        <a class="btn" href="/org/ladder/export.xlsx">
          {props.c.var.m.imports.exportXlsx}
        </a>
      ) : null}
      {props.canEdit ? (
        <a class="btn btn-primary" href={`${LADDER}/edit`}>
          {props.hasLadder ? l.edit : l.create}
        </a>
      ) : null}
    </>
  );
}

/** 职级: the ladder, and below it who qualifies for what. */
export function LadderPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  ladder?: SavedLadder | undefined;
  check?: LadderCheck | undefined;
  standings?: { date: string; people: readonly PersonStanding[] } | undefined;
  canEdit: boolean;
  notice?: string | undefined;
}) {
  const { c, who, ladder } = props;
  const l = c.var.m.ladder;
  const lang = c.var.lang;
  return (
    <Shell
      c={c}
      who={who}
      title={l.title}
      lead={l.lead}
      actions={<LadderActions c={c} who={who} hasLadder={Boolean(ladder)} canEdit={props.canEdit} />}
    >
      {props.notice ? <Notice tone="success">{props.notice}</Notice> : null}
      {!ladder ? (
        <Card>
          <p>{props.canEdit ? l.noneYetAdmin : l.noneYet}</p>
        </Card>
      ) : (
        <>
          <div class="card-flush">
            <Card title={l.levelsTitle} id="levels" extra={l.version(ladder.version, formatDate(ladder.savedAt, lang))}>
              {props.check ? <CheckedNote l={l} check={props.check} /> : null}
              <LevelsTable
                l={l}
                rules={c.var.m.policyRules}
                lang={lang}
                levels={ladder.levels}
                findings={props.check?.findings ?? []}
              />
            </Card>
          </div>
          {props.standings ? (
            <div class="card-flush">
              <Card title={l.whoTitle} id="standings" extra={l.whoLead(formatDate(props.standings.date, lang))}>
                <StandingsTable
                  l={l}
                  rules={c.var.m.policyRules}
                  ladder={ladder}
                  people={props.standings.people}
                  canPromote={props.canEdit}
                />
              </Card>
            </div>
          ) : null}
        </>
      )}
    </Shell>
  );
}

/** One saved version, read only. */
export function VersionPage(props: { c: Context<PageEnv>; who: SignedIn; ladder: SavedLadder }) {
  const { c, who, ladder } = props;
  const l = c.var.m.ladder;
  return (
    <Shell c={c} who={who} title={l.versionTitle(ladder.version)} crumbs={[{ label: l.title, href: LADDER }]}>
      <div class="card-flush">
        <Card title={l.levelsTitle} extra={l.version(ladder.version, formatDate(ladder.savedAt, c.var.lang))}>
          <LevelsTable l={l} rules={c.var.m.policyRules} lang={c.var.lang} levels={ladder.levels} />
        </Card>
      </div>
    </Shell>
  );
}

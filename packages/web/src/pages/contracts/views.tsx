/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  CONTRACT_STATUSES,
  type ContractStatus,
  type DraftChange,
  isAmendable,
  isEditable,
  NEXT_STATUSES,
  SERVICES,
  takesActuals,
} from '@shegong/domain';
import type { ContractVersion, StoredContract } from '@shegong/store';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney, type Lang } from '../../i18n/index.ts';
import {
  Card,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  type FieldError,
  Notice,
  Table,
  Tag,
  Tags,
  type Tone,
} from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { type PolicyRules, RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import {
  type ContractMessages,
  CostingTables,
  FindingList,
  FindingsSummary,
  findingsAt,
  MilestoneFigures,
} from './costing.tsx';
import { CONTRACTS, contractHref, floorHref, PRICE_FLOOR } from './paths.ts';

const STATUS_TONES: Record<ContractStatus, Tone> = {
  draft: 'grey',
  submitted: 'blue',
  signed: 'cyan',
  running: 'green',
  closed: 'purple',
};

export function StatusTag(props: { k: ContractMessages; status: ContractStatus }) {
  return <Tag tone={STATUS_TONES[props.status]}>{props.k.statuses[props.status]}</Tag>;
}

/** The flags of a contract in the list: error and warning counts, and the rules they break. */
export function Flags(props: { k: ContractMessages; rules: PolicyRules; contract: StoredContract }) {
  const { k, rules, contract } = props;
  const { errors, warnings } = contract.findingCounts;
  if (!errors && !warnings) return <Tag tone="green">{k.list.noFlags}</Tag>;
  const tone: Tone = errors ? 'red' : 'amber';
  return (
    <span class="figure">
      {errors ? <Tag tone="red">{k.list.errors(errors)}</Tag> : null}
      {warnings ? <Tag tone="amber">{k.list.warnings(warnings)}</Tag> : null}
      {contract.findingRuleIds.map((rule) => (
        <RuleBadge rule={rule} rules={rules} tone={tone} />
      ))}
    </span>
  );
}

const term = (k: ContractMessages, lang: Lang, start: string, end: string) =>
  k.term(formatDate(start, lang), formatDate(end, lang));

/** 合同: the list with status and flags, a filter row by status, paging. */
export function ContractListPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  contracts: readonly StoredContract[];
  status?: ContractStatus | undefined;
  cursor?: string | undefined;
  next?: string | undefined;
  writer: boolean;
  notice?: string | undefined;
}) {
  const { c, who, status } = props;
  const m = c.var.m;
  const k = m.contracts;
  const rules = m.policyRules;
  const lang = c.var.lang;
  const here = (s?: ContractStatus) => (s ? `${CONTRACTS}?status=${s}` : CONTRACTS);
  return (
    <Shell
      c={c}
      who={who}
      title={k.title}
      lead={k.lead}
      actions={
        <>
          <a class="btn" href={PRICE_FLOOR}>
            {k.priceFloorLink}
          </a>
          {props.writer ? (
            <a class="btn btn-primary" href={`${CONTRACTS}/new`}>
              {k.newContract}
            </a>
          ) : null}
        </>
      }
    >
      {props.notice ? <Notice tone="success">{props.notice}</Notice> : null}
      <nav class="filter-row" aria-label={k.list.filter}>
        <span class="filter-label">{k.list.filter}</span>
        {[undefined, ...CONTRACT_STATUSES].map((s) => (
          <a
            class={`filter${status === s ? ' is-active' : ''}`}
            href={here(s)}
            aria-current={status === s ? 'page' : undefined}
          >
            {s ? k.statuses[s] : k.list.all}
          </a>
        ))}
      </nav>
      <div class="card-flush">
        <Card title={status ? k.statuses[status] : k.list.allTitle} id="contracts">
          <Table
            caption={k.title}
            columns={[k.col.number, k.col.title, k.col.purchaser, k.col.term, k.col.value, k.col.status, k.col.flags]}
            empty={props.contracts.length ? undefined : status ? k.list.emptyFiltered : k.list.empty}
          >
            {props.contracts.map((contract) => (
              <tr>
                <td data-label={k.col.number}>
                  <span class="mono">{contract.number}</span>
                </td>
                <td data-label={k.col.title}>
                  <a href={contractHref(contract.id)}>{contract.title}</a>
                </td>
                <td data-label={k.col.purchaser}>
                  <span>
                    {contract.purchaser.name}
                    <span class="muted"> · {regionName(contract.purchaser.region, lang)}</span>
                  </span>
                </td>
                <td data-label={k.col.term} class="nowrap">
                  {term(k, lang, contract.startDate, contract.endDate)}
                </td>
                <td data-label={k.col.value} class="nowrap">
                  {formatMoney(contract.value)}
                </td>
                <td data-label={k.col.status}>
                  <StatusTag k={k} status={contract.status} />
                </td>
                <td data-label={k.col.flags}>
                  <Flags k={k} rules={rules} contract={contract} />
                </td>
              </tr>
            ))}
          </Table>
          {props.next || props.cursor ? (
            <nav class="pager" aria-label={k.title}>
              {props.cursor ? <a href={here(status)}>{m.pagination.first}</a> : null}
              {props.next ? (
                <a href={`${here(status)}${status ? '&' : '?'}cursor=${encodeURIComponent(props.next)}`}>
                  {m.pagination.next}
                </a>
              ) : null}
            </nav>
          ) : null}
        </Card>
      </div>
    </Shell>
  );
}

/** The terms of one version as a description list, with the deliverables and milestones. */
function TermsCard(props: { c: Context<PageEnv>; version: ContractVersion }) {
  const { c, version } = props;
  const k = c.var.m.contracts;
  const rules = c.var.m.policyRules;
  const lang = c.var.lang;
  const { terms } = version.draft;
  const a = version.assessment;
  const items: [string, Child][] = [
    [k.editor.number, <span class="mono">{terms.number}</span>],
    [k.editor.purchaserName, `${terms.purchaser.name} · ${regionName(terms.purchaser.region, lang)}`],
    [
      k.editor.services,
      <Tags>
        {terms.services.map((s) => (
          <Tag tone="blue">{k.services[s]}</Tag>
        ))}
        <RuleBadge rule="P-S1" rules={rules} />
      </Tags>,
    ],
    [k.editor.serviceArea, terms.serviceArea],
    [
      k.contract.term,
      <span class="figure">
        <span>{term(k, lang, terms.startDate, terms.endDate)}</span>
        <span class="muted">{k.costing.termMonths(a.termMonths)}</span>
        {terms.stableRecurring ? <Tag tone="cyan">{k.contract.stable}</Tag> : null}
        <RuleBadge
          rule="N-1"
          rules={rules}
          tone={findingsAt(a.findings, '/terms/endDate', '/terms/stableRecurring').length ? 'red' : 'green'}
        />
      </span>,
    ],
    [k.col.value, <strong>{formatMoney(terms.value)}</strong>],
  ];
  const total = terms.milestones.reduce((s, m) => s + m.amount, 0);
  return (
    <Card title={k.contract.termsTitle} id="terms">
      <DescriptionList items={items} />
      <FindingList
        rules={rules}
        lang={lang}
        findings={findingsAt(a.findings, '/terms/endDate', '/terms/stableRecurring')}
      />
      <h3 class="contract-subtitle">{k.editor.deliverablesTitle}</h3>
      <Table
        caption={k.editor.deliverablesTitle}
        columns={[k.editor.deliverableName, k.editor.indicator, k.editor.target]}
        empty={terms.deliverables.length ? undefined : k.editor.noDeliverables}
      >
        {terms.deliverables.map((d) => (
          <tr>
            <td data-label={k.editor.deliverableName}>{d.name}</td>
            <td data-label={k.editor.indicator}>{d.indicator}</td>
            <td data-label={k.editor.target}>
              {d.target} {d.unit}
            </td>
          </tr>
        ))}
      </Table>
      <h3 class="contract-subtitle">{k.editor.milestonesTitle}</h3>
      <Table
        caption={k.editor.milestonesTitle}
        columns={[k.editor.milestoneName, k.editor.dueDate, k.changes.amount, k.editor.condition]}
        empty={terms.milestones.length ? undefined : k.editor.noMilestones}
      >
        {terms.milestones.map((ms) => (
          <tr>
            <td data-label={k.editor.milestoneName}>{ms.name}</td>
            <td data-label={k.editor.dueDate}>{formatDate(ms.dueDate, lang)}</td>
            <td data-label={k.changes.amount}>{formatMoney(ms.amount)}</td>
            <td data-label={k.editor.condition}>{ms.condition ?? '—'}</td>
          </tr>
        ))}
      </Table>
      <MilestoneFigures k={k} rules={rules} lang={lang} assessment={a} total={total} value={terms.value} />
    </Card>
  );
}

/** A version's costing, read only: the findings at the top, every post and line, the price floor. */
function CostingCard(props: { c: Context<PageEnv>; contractId: string; version: ContractVersion; title: string }) {
  const { c, version } = props;
  const k = c.var.m.contracts;
  const rules = c.var.m.policyRules;
  const costing = { assessment: version.assessment, costedPosts: version.costedPosts, ruleSet: version.ruleSet };
  return (
    <Card title={props.title} id="costing">
      <FindingsSummary k={k} rules={rules} costing={costing} lang={c.var.lang} links={false} />
      <CostingTables
        k={k}
        rules={rules}
        lang={c.var.lang}
        costing={costing}
        posts={version.draft.plan.posts}
        lines={version.draft.plan.lines}
        value={version.draft.terms.value}
        floorHref={floorHref(props.contractId)}
      />
    </Card>
  );
}

/** The status actions allowed now, each a small form carrying the contract's version (If-Match). */
function StatusActions(props: { c: Context<PageEnv>; contract: StoredContract; today: string }) {
  const { c, contract } = props;
  const k = c.var.m.contracts;
  const action = `${contractHref(contract.id)}/status`;
  return (
    <div class="status-actions">
      {NEXT_STATUSES[contract.status].map((to) => {
        const dated = to === 'signed' || to === 'running' || to === 'closed';
        const id = `status-${to}-date`;
        return (
          <form method="post" action={action} class="status-action">
            <CsrfInput token={c.var.csrfToken} />
            <input type="hidden" name="version" value={String(contract.version)} />
            <input type="hidden" name="to" value={to} />
            {dated ? (
              <span class="status-date">
                <label class="label" for={id}>
                  {k.transitions.date[to as 'signed' | 'running' | 'closed']}
                </label>
                <input class="input input-short" id={id} name="date" value={props.today} autocomplete="off" />
              </span>
            ) : null}
            <button type="submit" class={`btn${to === 'draft' ? '' : ' btn-primary'}`}>
              {contract.status === 'submitted' && to === 'draft' ? k.transitions.withdraw : k.transitions.to[to]}
            </button>
          </form>
        );
      })}
    </div>
  );
}

/** A change's field, readable: `/plan/posts/0/monthlyPay` → 岗位 1 · 月薪. */
export function changeLabel(k: ContractMessages, path: string): string {
  const parts = path.split('/').filter(Boolean);
  const [half, key, a, b] = parts;
  const leaf = (name: string | undefined) => (name ? ((k.changes as Record<string, string>)[name] ?? name) : '');
  // "岗位 1：" as a prefix of a field name reads better as "岗位 1 · 月薪".
  const row = (label: string, name: string | undefined) => `${label.replace(/[：:]\s*$/, '')} · ${leaf(name)}`;
  if (half === 'terms') {
    if (key === 'purchaser') return leaf(a === 'region' ? 'purchaserRegion' : 'purchaserName');
    if (key === 'services') return leaf('services');
    if (key === 'deliverables') return row(k.form.row.deliverable(Number(a) + 1), b);
    if (key === 'milestones') return row(k.form.row.milestone(Number(a) + 1), b === 'name' ? 'milestoneName' : b);
    return leaf(key);
  }
  if (half === 'plan') {
    if (key === 'lines') return `${k.changes.budget}${k.lines[a as keyof ContractMessages['lines']] ?? a}`;
    if (key === 'posts') return row(k.form.row.post(Number(a) + 1), b === 'title' ? 'postTitle' : b);
    if (key === 'items') return row(k.form.row.item(Number(a) + 1), b);
  }
  return path;
}

const MONEY_LEAVES = new Set(['value', 'amount', 'monthlyPay', 'unitPrice']);

/** A changed value as the page shows it: money as ¥, codes and person ids as names, dates in the reader's way. */
export function changeValue(
  k: ContractMessages,
  lang: Lang,
  path: string,
  value: unknown,
  people: ReadonlyMap<string, string> = new Map(),
): string {
  if (value === undefined || value === null || value === '') return k.changes.nothing;
  const parts = path.split('/').filter(Boolean);
  const leafName = parts.at(-1) ?? '';
  const money = MONEY_LEAVES.has(leafName) || (parts[0] === 'plan' && parts[1] === 'lines');
  if (typeof value === 'number') return money ? formatMoney(value) : String(value);
  if (typeof value === 'boolean') return value ? k.changes.yes : k.changes.no;
  const text = String(value);
  if (parts[1] === 'services' && (SERVICES as readonly string[]).includes(text))
    return k.services[text as keyof ContractMessages['services']];
  if (leafName === 'role') return (k.roles as Record<string, string>)[text] ?? text;
  if (leafName === 'certLevel') return (k.certLevels as Record<string, string>)[text] ?? text;
  if (leafName === 'line') return (k.lines as Record<string, string>)[text] ?? text;
  if (leafName === 'region') return regionName(text, lang);
  if (leafName === 'personId') return people.get(text) ?? k.changes.removedPerson;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text, lang);
  return text;
}

export function ChangeList(props: {
  k: ContractMessages;
  lang: Lang;
  changes: readonly DraftChange[];
  /** Person id → name, for changes of a post's named person. */
  people: ReadonlyMap<string, string>;
}) {
  const { k, lang, people } = props;
  if (!props.changes.length) return <span class="muted">{k.changes.none}</span>;
  return (
    <ul class="change-list">
      {props.changes.map((ch) => (
        <li>
          <span class="change-field">{changeLabel(k, ch.path)}</span>
          {lang === 'zh-CN' ? '：' : ': '}
          <span class="change-before">{changeValue(k, lang, ch.path, ch.before, people)}</span>
          {' → '}
          <strong>{changeValue(k, lang, ch.path, ch.after, people)}</strong>
        </li>
      ))}
    </ul>
  );
}

function VersionsCard(props: {
  c: Context<PageEnv>;
  contract: StoredContract;
  versions: readonly ContractVersion[];
  names: ReadonlyMap<string, string>;
  /** Person id → name for the posts' named persons, in every version shown. */
  people: ReadonlyMap<string, string>;
}) {
  const { c, contract } = props;
  const k = c.var.m.contracts;
  const lang = c.var.lang;
  return (
    <Card title={k.versions.title} id="versions">
      <Table
        caption={k.versions.title}
        columns={[k.versions.number, k.versions.saved, k.versions.reason, k.versions.effective, k.versions.changes]}
      >
        {[...props.versions].reverse().map((v) => (
          <tr id={`version-${v.number}`}>
            <td data-label={k.versions.number}>
              <a href={`${contractHref(contract.id)}/versions/${v.number}`}>{k.versions.label(v.number)}</a>
              {v.number === contract.currentVersion ? <Tag tone="green">{k.versions.current}</Tag> : null}
            </td>
            <td data-label={k.versions.saved}>
              {formatDate(v.savedAt, lang)} · {props.names.get(v.savedBy) ?? k.versions.someone}
            </td>
            <td data-label={k.versions.reason}>{v.amendment?.reason ?? k.versions.original}</td>
            <td data-label={k.versions.effective}>
              {v.amendment ? formatDate(v.amendment.effectiveDate, lang) : formatDate(v.draft.terms.startDate, lang)}
            </td>
            <td data-label={k.versions.changes}>
              {v.amendment ? <ChangeList k={k} lang={lang} changes={v.amendment.changes} people={props.people} /> : '—'}
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

/** 合同: the terms, the status and its actions, the current costing, the versions with their changes. */
export function ContractPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  contract: StoredContract;
  version: ContractVersion;
  versions: readonly ContractVersion[];
  names: ReadonlyMap<string, string>;
  /** Person id → name for the posts' named persons, in every version shown. */
  people: ReadonlyMap<string, string>;
  writer: boolean;
  today: string;
  notice?: string | undefined;
  /** A refused status change: what stops it. */
  errors?: readonly FieldError[] | undefined;
}) {
  const { c, who, contract, version } = props;
  const m = c.var.m;
  const k = m.contracts;
  const lang = c.var.lang;
  const here = contractHref(contract.id);
  const history = contract.history.map((h) => [
    k.statuses[h.to],
    `${formatDate(h.date, lang)}${h.note ? ` · ${h.note}` : ''}`,
  ]);
  return (
    <Shell
      c={c}
      who={who}
      title={contract.title}
      crumbs={[{ label: k.title, href: CONTRACTS }]}
      here={here}
      actions={
        <>
          {props.writer && isEditable(contract.status) ? (
            <a class="btn btn-primary" href={`${here}/edit`}>
              {k.contract.edit}
            </a>
          ) : null}
          {props.writer && isAmendable(contract.status) ? (
            <a class="btn btn-primary" href={`${here}/amend`}>
              {k.contract.amend}
            </a>
          ) : null}
          {takesActuals(contract.status) ? (
            <a class="btn" href={`${here}/actuals`}>
              {k.contract.actuals}
            </a>
          ) : null}
          <a class="btn" href={`${here}/costing.xlsx`}>
            {k.contract.costingXlsx}
          </a>
          {takesActuals(contract.status) ? (
            <a class="btn" href={`${here}/budget-vs-actual.xlsx`}>
              {k.contract.budgetXlsx}
            </a>
          ) : null}
        </>
      }
    >
      {props.notice ? <Notice tone="success">{props.notice}</Notice> : null}
      <ErrorSummary m={m} errors={props.errors ?? []} />
      <Card title={k.contract.statusTitle} id="status">
        <p class="figure">
          <StatusTag k={k} status={contract.status} />
          <span class="mono muted">{contract.number}</span>
          <span class="muted">{k.versions.label(contract.currentVersion)}</span>
        </p>
        {history.length ? (
          <ol class="status-history">
            {history.map(([label, when]) => (
              <li>
                <strong>{label}</strong> <span class="muted">{when}</span>
              </li>
            ))}
          </ol>
        ) : null}
        {props.writer && NEXT_STATUSES[contract.status].length ? (
          <StatusActions c={c} contract={contract} today={props.today} />
        ) : null}
        {contract.status === 'draft' ? <p class="hint">{k.contract.submitHint}</p> : null}
      </Card>
      <TermsCard c={c} version={version} />
      <CostingCard c={c} contractId={contract.id} version={version} title={k.contract.costingTitle(version.number)} />
      <VersionsCard c={c} contract={contract} versions={props.versions} names={props.names} people={props.people} />
    </Shell>
  );
}

/** One version, read only, with its own costing and the rule set it used. */
export function VersionPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  contract: StoredContract;
  version: ContractVersion;
  savedBy: string;
  /** Person id → name for the posts' named persons, in every version shown. */
  people: ReadonlyMap<string, string>;
}) {
  const { c, who, contract, version } = props;
  const k = c.var.m.contracts;
  const lang = c.var.lang;
  const here = contractHref(contract.id);
  const rs = version.ruleSet;
  return (
    <Shell
      c={c}
      who={who}
      title={k.versions.pageTitle(contract.title, version.number)}
      crumbs={[
        { label: k.title, href: CONTRACTS },
        { label: contract.title, href: here },
      ]}
    >
      {version.number !== contract.currentVersion ? (
        <Notice tone="info">
          {k.versions.notCurrent(contract.currentVersion)} <a href={here}>{k.versions.toCurrent}</a>
        </Notice>
      ) : null}
      <Card title={k.versions.aboutTitle} id="about">
        <DescriptionList
          items={[
            [k.versions.saved, `${formatDate(version.savedAt, lang)} · ${props.savedBy}`],
            [k.versions.reason, version.amendment?.reason ?? k.versions.original],
            [k.versions.effective, formatDate(version.amendment?.effectiveDate ?? version.draft.terms.startDate, lang)],
            [
              k.versions.ruleSet,
              `${rs.title} · ${regionName(rs.region, lang)} · ${k.versions.ruleSetFrom(formatDate(rs.effectiveFrom, lang), rs.version)}`,
            ],
          ]}
        />
        {version.amendment ? (
          <>
            <h3 class="contract-subtitle">{k.versions.changes}</h3>
            <ChangeList k={k} lang={lang} changes={version.amendment.changes} people={props.people} />
          </>
        ) : null}
      </Card>
      <TermsCard c={c} version={version} />
      <CostingCard c={c} contractId={contract.id} version={version} title={k.contract.costingTitle(version.number)} />
    </Shell>
  );
}

import {
  addTotals,
  CONTRACT_STATUS_LABELS,
  covers,
  findRegion,
  knownRegions,
  type Lang,
  NO_TOTALS,
  REGISTER_FINDING_KINDS,
  REGISTER_FINDING_LABELS,
  REGISTER_FINDING_RULE_IDS,
  type RegisterEntry,
  type RegisterFilter,
  type RegisterFindingKind,
  type RegisterRow,
  type RegisterTotals,
  regionLevel,
  rowTotals,
  totalsOf,
} from '@shegong/domain';
import type { JurisdictionRegister, PageRequest } from '@shegong/store';
import type { UseCaseContext } from '../context.ts';
import { loadWorkbooks, type XlsxFile } from '../files.ts';
import { JURISDICTION_READERS, jurisdiction } from './jurisdiction.ts';

/**
 * The register (台账) of a bureau's jurisdiction (issue 11): every contract with its figures and
 * the rules it breaks, filtered, searched, sorted and paged; its totals; its xlsx; the dashboard's
 * figures by county and by rule. Totals come from the aggregates kept with the rows (the regional
 * sums, a few dozen items; an organisation's own for its filter), except for a search, whose totals are those of the rows it finds (a search reads the
 * jurisdiction's narrow rows anyway, since a name or number can be anywhere in them).
 */

/** Every member of a bureau reads and exports its register. */
export const REGISTER_READERS = JURISDICTION_READERS;

function register(ctx: UseCaseContext): JurisdictionRegister {
  return ctx.store.register(
    { tenantId: ctx.tenant.id, userId: ctx.actor.userId, kind: ctx.actor.kind },
    jurisdiction(ctx),
  );
}

/**
 * Every register row of the jurisdiction, in index order: the narrow rows (a few hundred bytes
 * each, against a head's few KB), for a figure that must look at every contract (final
 * evaluations overdue).
 */
export function everyRegisterRow(ctx: UseCaseContext): Promise<RegisterEntry[]> {
  return register(ctx).rows({});
}

export interface RegisterPage {
  items: RegisterRow[];
  cursor?: string;
  totals: RegisterTotals;
}

const named = (rows: readonly RegisterEntry[], names: ReadonlyMap<string, string>): RegisterRow[] =>
  rows.map((row) => ({ ...row, organisationName: names.get(row.organisationId) ?? '' }));

const sumOf = (rows: readonly RegisterEntry[]) => rows.map(rowTotals).reduce(addTotals, NO_TOTALS);

/** The names of every organisation with a contract in the jurisdiction (a search or sort needs them all). */
async function allNames(reg: JurisdictionRegister, filter: Pick<RegisterFilter, 'county'> = {}) {
  return reg.organisationNames(await reg.organisations(filter));
}

/** A page of the register and the totals of the whole filter. */
export async function registerPage(
  ctx: UseCaseContext,
  filter: RegisterFilter,
  page: PageRequest,
): Promise<RegisterPage> {
  const reg = register(ctx);
  const searched = Boolean(filter.q);
  const names = searched || filter.sort === 'organisation' ? await allNames(reg, filter) : undefined;
  const [found, aggregates] = await Promise.all([
    reg.page(filter, page, names),
    searched ? undefined : reg.aggregates(filter),
  ]);
  const pageNames = names ?? (await reg.organisationNames(found.items.map((r) => r.organisationId)));
  const totals = aggregates ? totalsOf(aggregates, filter) : sumOf(await reg.rows(filter, names));
  return { items: named(found.items, pageNames), ...(found.cursor ? { cursor: found.cursor } : {}), totals };
}

/** What a register's filter offers: the jurisdiction's counties and organisations, and the years held. */
export interface RegisterChoices {
  counties: { code: string; zh: string; en: string }[];
  organisations: { id: string; name: string }[];
  years: number[];
}

export async function registerChoices(ctx: UseCaseContext): Promise<RegisterChoices> {
  const j = jurisdiction(ctx);
  const reg = register(ctx);
  const [aggregates, names] = await Promise.all([reg.aggregates(), allNames(reg)]);
  const counties = knownRegions()
    .filter((r) => covers(j, r.code) && (regionLevel(r.code) === 'county' || r.code === j.city))
    .map((r) => ({ code: r.code, zh: r.zh, en: r.en }));
  return {
    counties,
    organisations: [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    years: [...new Set(aggregates.map((a) => a.year))].sort((a, b) => b - a),
  };
}

/** The figures of the bureau's dashboard: contracts and money by county, and how many break which rule. */
export interface RegisterOverview {
  byCounty: { county: string; totals: RegisterTotals }[];
  byFinding: { kind: RegisterFindingKind; ruleId: string; totals: RegisterTotals }[];
  total: RegisterTotals;
}

export async function registerOverview(ctx: UseCaseContext): Promise<RegisterOverview> {
  const aggregates = await register(ctx).aggregates();
  const counties = [...new Set(aggregates.map((a) => a.county))].sort();
  return {
    byCounty: counties.map((county) => ({ county, totals: totalsOf(aggregates, { county }) })),
    byFinding: REGISTER_FINDING_KINDS.map((kind) => ({
      kind,
      ruleId: REGISTER_FINDING_RULE_IDS[kind],
      totals: totalsOf(aggregates, { finding: kind }),
    })),
    total: totalsOf(aggregates, {}),
  };
}

/** The filter in words, for the sheet's heading line. */
function filterText(filter: RegisterFilter, names: ReadonlyMap<string, string>, lang: Lang): string {
  const en = lang === 'en';
  const parts = [
    filter.county && `${en ? 'County' : '县区'}: ${findRegion(filter.county)?.[en ? 'en' : 'zh'] ?? filter.county}`,
    filter.organisationId &&
      `${en ? 'Organisation' : '机构'}: ${names.get(filter.organisationId) ?? filter.organisationId}`,
    filter.status && `${en ? 'Status' : '状态'}: ${CONTRACT_STATUS_LABELS[lang][filter.status]}`,
    filter.finding && `${en ? 'Finding' : '问题'}: ${REGISTER_FINDING_LABELS[lang][filter.finding]}`,
    filter.year !== undefined && `${en ? 'Year' : '年度'}: ${filter.year}`,
    filter.q && `${en ? 'Search' : '搜索'}: ${filter.q}`,
  ].filter(Boolean);
  return parts.length ? parts.join('；') : en ? 'All contracts' : '全部合同';
}

/**
 * The register as the bureau files it (xlsx), with the filter, search and sort of the page. Every
 * row the filter keeps: bounded by the jurisdiction, read from the narrow rows (a few MB at 25 000).
 */
export async function registerFile(ctx: UseCaseContext, filter: RegisterFilter, lang: Lang): Promise<XlsxFile> {
  const reg = register(ctx);
  const names = await allNames(reg, filter);
  const sorted = filter.sort && filter.sort !== 'register';
  // A sort other than the index order: the window over every row, in one page as large as the register.
  const rows = sorted
    ? (await reg.page(filter, { limit: Number.MAX_SAFE_INTEGER }, names)).items
    : await reg.rows(filter, names);
  const region = findRegion(ctx.tenant.region);
  const title =
    lang === 'en'
      ? `Register of purchased social-work service contracts — ${region?.en ?? ctx.tenant.region}`
      : `${region?.zh ?? ctx.tenant.region}政府购买社会工作服务合同台账`;
  const bytes = await (await loadWorkbooks()).registerWorkbook(
    {
      title,
      filterText: filterText(filter, names, lang),
      asOf: ctx.clock.today(),
      rows: named(rows, names),
      totals: sumOf(rows),
    },
    lang,
  );
  return { bytes, fileName: `合同台账-${ctx.clock.today()}.xlsx` };
}

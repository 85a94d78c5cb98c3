import {
  defaultOrder,
  INCUBATION_STAGE_LABELS,
  type Incubation,
  type IncubationRegisterRow,
  type IncubationRegisterSort,
  type IncubationStage,
  incubationHistory,
  incubationsByQuarter,
  type Lang,
  matchesSearch,
  monthsInIncubation,
  type OwnIncubation,
  type QuarterCount,
  searchable,
} from '@shegong/domain';
import { type Page, type PageRequest, StoreError, windowOf } from '@shegong/store';
import type { MemberPolicy } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { loadWorkbooks, type XlsxFile } from '../files.ts';
import { everyItem } from '../paging.ts';
import { figuresOf } from './figures.ts';
import { listIncubations } from './incubation.ts';

/**
 * The base's consolidated view (在孵机构台账): every organisation it admitted, with its record's
 * stage and dates and the organisation's figures (aggregates only), in the order admitted by default; and what an organisation sees
 * of its own incubation — the same figures object.
 */

/** Who reads the base's register (and exports it): its operators and its admin, as for the records. */
export const INCUBATION_REGISTER_READERS: MemberPolicy = { kinds: ['incubator'], roles: ['admin', 'operator'] };

/**
 * Who in an organisation reads its own incubation: every member. It shows only what the base sees
 * (counts and flags about the organisation itself), nothing of one person's or contract's detail.
 */
export const OWN_INCUBATION_READERS: MemberPolicy = { kinds: ['org'], roles: 'any' };

export interface RegisterQuery {
  stage?: IncubationStage | undefined;
  /** Found in the organisation's name (domain lists.ts). */
  search?: string | undefined;
  sort?: IncubationRegisterSort | undefined;
  order?: 'asc' | 'desc' | undefined;
}

const byName = new Intl.Collator('zh-CN', { numeric: true });

/** Every record of the base, of one stage or all (a base's records are tens: read whole, each a Query page). */
function allRecords(ctx: UseCaseContext, stage: IncubationStage | undefined): Promise<Incubation[]> {
  return everyItem((page) => listIncubations(ctx, { stage }, page));
}

function rowOf(record: Incubation, figures: IncubationRegisterRow['figures']): IncubationRegisterRow {
  return {
    organisationId: record.id,
    organisationName: record.organisationName,
    stage: record.stage,
    toBeRegistered: record.toBeRegistered,
    mode: record.agreement.mode,
    history: incubationHistory(record),
    figures,
  };
}

/**
 * A page of the register: the records (of one stage, or all) sorted in memory by what the record
 * itself holds — admission (when it was recorded), name (pinyin order), months — then the figures of the page's rows
 * only, each from its organisation's partition (figures.ts says what that costs).
 */
export async function incubationRegister(
  ctx: UseCaseContext,
  query: RegisterQuery,
  page: PageRequest,
): Promise<Page<IncubationRegisterRow>> {
  const sort = query.sort ?? 'created';
  const order = query.order ?? defaultOrder(sort);
  const today = ctx.clock.today();
  const search = searchable(query.search ?? '');
  const records = (await allRecords(ctx, query.stage)).filter((r) => matchesSearch(search, [r.organisationName]));
  const found = windowOf(
    records,
    {
      value: (r) =>
        sort === 'name'
          ? r.organisationName
          : sort === 'months'
            ? monthsInIncubation(r, today)
            : (r.steps[0]?.at ?? r.id),
      id: (r) => r.id,
      order,
      compareText: byName.compare,
      binding: ['incubation-register', query.stage ?? '*', sort, order, search].join('|'),
    },
    page,
  );
  const items = await Promise.all(found.items.map(async (r) => rowOf(r, await figuresOf(ctx, r))));
  return { items, ...(found.cursor ? { cursor: found.cursor } : {}) };
}

/** Every row of the register, for its xlsx export (the annual report): bounded by the base's tens of records. */
export async function wholeIncubationRegister(
  ctx: UseCaseContext,
  query: RegisterQuery,
): Promise<IncubationRegisterRow[]> {
  return everyItem((page) => incubationRegister(ctx, query, page), 50);
}

/** The register as xlsx, with the page's stage filter and sort, in the reader's language. */
export async function incubationRegisterFile(ctx: UseCaseContext, query: RegisterQuery, lang: Lang): Promise<XlsxFile> {
  const rows = await wholeIncubationRegister(ctx, query);
  const today = ctx.clock.today();
  const en = lang === 'en';
  const stage = query.stage ? INCUBATION_STAGE_LABELS[lang][query.stage] : en ? 'All stages' : '全部阶段';
  const bytes = await (await loadWorkbooks()).incubationRegisterWorkbook(
    {
      title: en
        ? `Register of incubated organisations — ${ctx.tenant.nameEn ?? ctx.tenant.name}`
        : `${ctx.tenant.name}在孵机构台账`,
      filterText: en ? `Stage: ${stage}` : `孵化阶段：${stage}`,
      asOf: today,
      rows,
    },
    lang,
  );
  return { bytes, fileName: `在孵机构台账-${today}.xlsx` };
}

/** The figures of one organisation the base admitted (NotFound for any other id). */
export async function incubatedOrganisationFigures(ctx: UseCaseContext, organisationId: string) {
  return figuresOf(ctx, await ctx.repos.incubations.incubation(organisationId));
}

/** The base's dashboard chart: incubations started and graduated per quarter, from the records' steps. */
export async function incubationsPerQuarter(ctx: UseCaseContext): Promise<QuarterCount[]> {
  return incubationsByQuarter(await allRecords(ctx, undefined));
}

/**
 * What an organisation sees of its own incubation, read from the record in the base's partition
 * through the tenant's own verified id; `incubated: false` when no base admitted it (created by the
 * platform), or its base holds no record of it.
 */
export async function ownIncubation(ctx: UseCaseContext): Promise<OwnIncubation> {
  const { incubatorId } = ctx.tenant;
  if (!incubatorId) return { incubated: false };
  const base = ctx.store.across('ownIncubation', ctx.actor, incubatorId);
  const [record, incubator] = await Promise.all([
    base.incubations.incubation(ctx.tenant.id).catch((error: unknown) => {
      if (error instanceof StoreError && error.code === 'not_found') return undefined;
      throw error;
    }),
    base.tenant.get(),
  ]);
  if (!record) return { incubated: false };
  return {
    incubated: true,
    incubatorId,
    incubatorName: incubator.name,
    stage: record.stage,
    toBeRegistered: record.toBeRegistered,
    mode: record.agreement.mode,
    periodMonths: record.agreement.periodMonths,
    history: incubationHistory(record),
    figures: await figuresOf(ctx, record),
  };
}

/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { RegisterQuery } from '@shegong/core';
import {
  INCUBATION_REGISTER_SORTS,
  INCUBATION_STAGES,
  type IncubationRegisterRow,
  type IncubationRegisterSort,
  type IncubationStage,
} from '@shegong/domain';
import type { Page } from '@shegong/store';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatMoney } from '../../i18n/index.ts';
import { Card, FilterRow, Pager, Table, Tag } from '../../layout/components.tsx';
import { listHref as hrefOf, type ListState, ListTools, sortColumn } from '../../layout/lists.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { BreachFigure } from './figures.tsx';
import { INCUBATED, incubatedPath } from './paths.ts';

/**
 * The register's xlsx. Not under INCUBATED: `/incubator/orgs/<id>` is one organisation's record,
 * and an export there would read as an organisation's id.
 */
export const INCUBATED_EXPORT = '/incubator/register.xlsx';

export type IncubationRegisterState = ListState<IncubationRegisterSort>;

/** The register's query as the use cases take it, from the page's state. */
export function registerQueryOf(state: IncubationRegisterState): RegisterQuery {
  return {
    stage: state.filters.stage as IncubationStage | undefined,
    ...(state.q ? { search: state.q } : {}),
    sort: state.sort,
    order: state.order,
  };
}

const registerHref = (
  state: IncubationRegisterState,
  change: Parameters<typeof hrefOf<IncubationRegisterSort>>[3] = {},
) => hrefOf(INCUBATED, 'created', state, change);

/** The export's address: the same stage, search and sort, without the cursor. */
const exportHref = (state: IncubationRegisterState) => registerHref(state).replace(INCUBATED, INCUBATED_EXPORT);

function StageTags(props: { c: Context<PageEnv>; row: IncubationRegisterRow }) {
  const { c, row } = props;
  const tone = row.stage === 'left' ? 'grey' : row.stage === 'graduated' ? 'green' : 'blue';
  return (
    <span class="figure">
      <Tag tone={tone}>{c.var.m.incubation.stages[row.stage]}</Tag>
      {row.toBeRegistered ? <Tag tone="amber">{c.var.m.incubationRegister.toBeRegistered}</Tag> : null}
    </span>
  );
}

function RegisterTable(props: {
  c: Context<PageEnv>;
  rows: readonly IncubationRegisterRow[];
  state: IncubationRegisterState;
}) {
  const { c, state } = props;
  const m = c.var.m;
  const r = m.incubationRegister;
  const sortable = (label: string, sort: IncubationRegisterSort) =>
    sortColumn(m, label, sort, (change) => registerHref(state, change), state);
  const filtered = Boolean(state.q || state.filters.stage);
  return (
    <Table
      caption={r.title}
      columns={[
        sortable(r.col.organisation, 'name'),
        r.col.stage,
        sortable(r.col.months, 'months'),
        r.col.members,
        r.col.staff,
        r.col.certified,
        r.col.contracts,
        r.col.breach,
      ]}
      empty={props.rows.length ? undefined : filtered ? r.emptyFiltered : r.empty}
    >
      {props.rows.map((row) => {
        const { current } = row.figures;
        return (
          <tr>
            <td data-label={r.col.organisation} class="cell-name">
              <a href={incubatedPath(row.organisationId)}>{row.organisationName}</a>
            </td>
            <td data-label={r.col.stage}>
              <StageTags c={c} row={row} />
            </td>
            <td data-label={r.col.months} class="num">
              {row.figures.monthsInIncubation}
            </td>
            {current ? (
              <>
                <td data-label={r.col.members} class="num">
                  {current.members}
                </td>
                <td data-label={r.col.staff} class="num">
                  {current.registryStaff}
                </td>
                <td data-label={r.col.certified} class="num">
                  {current.certifiedStaff}
                </td>
                <td data-label={r.col.contracts} class="num nowrap">
                  {r.contractsWon(current.contractsWon.count)} · {formatMoney(current.contractsWon.value)}
                </td>
                <td data-label={r.col.breach}>
                  <BreachFigure c={c} breach={current.ruleBreach} />
                </td>
              </>
            ) : (
              <td data-label={r.figures.title} colspan={5} class="muted cell-note">
                {r.closed}
              </td>
            )}
          </tr>
        );
      })}
    </Table>
  );
}

/** 孵化机构: every organisation the base admitted, by stage, searched, sorted and paged; export for the annual report. */
export function IncubationRegisterPage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  state: IncubationRegisterState;
  page: Page<IncubationRegisterRow>;
}) {
  const { c, who, state, page } = props;
  const m = c.var.m;
  const r = m.incubationRegister;
  const stageHref = (stage: IncubationStage | undefined) => registerHref(state, { filters: { stage } });
  return (
    <Shell
      c={c}
      who={who}
      title={r.title}
      lead={r.lead}
      actions={
        <a class="btn btn-primary" href={exportHref(state)} download>
          {r.export}
        </a>
      }
    >
      <FilterRow
        label={r.stageFilter}
        filters={[
          { label: r.all, href: stageHref(undefined), active: !state.filters.stage },
          ...INCUBATION_STAGES.map((stage) => ({
            label: m.incubation.stages[stage],
            href: stageHref(stage),
            active: state.filters.stage === stage,
          })),
        ]}
      />
      <ListTools
        m={m}
        action={INCUBATED}
        state={state}
        searchHint={r.searchHint}
        sorts={INCUBATION_REGISTER_SORTS.map((value) => ({ value, label: r.sorts[value] }))}
        clearHref={registerHref(state, { q: '' })}
      />
      <div class="card-flush">
        <Card title={r.title} id="register" extra={state.q ? m.lists.searching(state.q) : undefined}>
          <RegisterTable c={c} rows={page.items} state={state} />
          <Pager
            m={m}
            label={r.pager}
            first={state.cursor ? registerHref(state) : undefined}
            next={page.cursor ? registerHref(state, { cursor: page.cursor }) : undefined}
          />
        </Card>
      </div>
    </Shell>
  );
}

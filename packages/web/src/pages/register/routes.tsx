/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { REGISTER_READERS, registerChoices, registerFile, registerOverview, registerPage } from '@shegong/core';
import { CONTRACT_STATUSES, REGISTER_FINDING_KINDS, REGISTER_SORTS } from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { xlsxDownload } from '../../layout/download.ts';
import { readListState } from '../../layout/lists.tsx';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { pageAccess } from '../../session/access.ts';
import { BUREAU_DASHBOARD_CARDS, BureauDashboard } from './dashboard.tsx';
import { BUREAU_HOME, REGISTER, REGISTER_EXPORT } from './paths.ts';
import { filterOf, RegisterPage } from './register.tsx';

/** A register page shows this many contracts. */
const PAGE_SIZE = 25;

/**
 * The register's state from the address, forgiving as a page is: a county, organisation or year
 * outside what the jurisdiction holds is ignored (the API refuses a malformed one instead).
 */
async function registerState(c: Context<PageEnv>) {
  const choices = await registerChoices(c.var.ctx);
  const state = readListState(c, REGISTER_SORTS, {
    county: choices.counties.map((x) => x.code),
    organisationId: choices.organisations.map((o) => o.id),
    status: CONTRACT_STATUSES,
    finding: REGISTER_FINDING_KINDS,
    year: choices.years.map(String),
  });
  return { choices, state };
}

/** Pages of a bureau: its dashboard, the register (台账) of its jurisdiction and its xlsx. */
export function registerRoutes(session: TokenSource) {
  const readers = pageAccess(REGISTER_READERS, session);
  return new Hono<PageEnv>()
    .get(BUREAU_HOME, readers, async (c) => {
      const [who, overview, cards] = await Promise.all([
        signedIn(c),
        registerOverview(c.var.ctx),
        Promise.all(BUREAU_DASHBOARD_CARDS.map((card) => card(c))),
      ]);
      return render(c, <BureauDashboard c={c} who={who} overview={overview} cards={cards} />);
    })
    .get(REGISTER, readers, async (c) => {
      const { choices, state } = await registerState(c);
      const [who, page] = await Promise.all([
        signedIn(c),
        registerPage(c.var.ctx, filterOf(state), {
          limit: PAGE_SIZE,
          ...(state.cursor ? { cursor: state.cursor } : {}),
        }),
      ]);
      return render(c, <RegisterPage c={c} who={who} state={state} choices={choices} page={page} />);
    })
    .get(REGISTER_EXPORT, readers, async (c) => {
      const { state } = await registerState(c);
      return xlsxDownload(c, await registerFile(c.var.ctx, filterOf(state), c.var.lang));
    });
}

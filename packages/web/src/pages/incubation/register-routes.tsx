/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  INCUBATION_REGISTER_READERS,
  incubationRegister,
  incubationRegisterFile,
  OWN_INCUBATION_READERS,
  ownIncubation,
} from '@shegong/core';
import { INCUBATION_REGISTER_SORTS, INCUBATION_STAGES } from '@shegong/domain';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { xlsxDownload } from '../../layout/download.ts';
import { readListState } from '../../layout/lists.tsx';
import { render } from '../../layout/render.ts';
import { signedIn } from '../../layout/shell.tsx';
import { pageAccess } from '../../session/access.ts';
import { OWN_INCUBATION, OwnIncubationPage } from './org-view.tsx';
import { INCUBATED } from './paths.ts';
import { INCUBATED_EXPORT, IncubationRegisterPage, registerQueryOf } from './register.tsx';

/** A register page shows this many organisations (each row reads its organisation's figures). */
const PAGE_SIZE = 20;

/**
 * The base's register of incubated organisations (孵化机构) and its xlsx; the organisation's own
 * 孵化情况 page.
 */
export function incubationRegisterRoutes(session: TokenSource) {
  const readers = pageAccess(INCUBATION_REGISTER_READERS, session);
  const state = (c: Parameters<typeof readListState>[0]) =>
    readListState(c, INCUBATION_REGISTER_SORTS, { stage: INCUBATION_STAGES });
  return new Hono<PageEnv>()
    .get(INCUBATED, readers, async (c) => {
      const list = state(c);
      const [who, page] = await Promise.all([
        signedIn(c),
        incubationRegister(c.var.ctx, registerQueryOf(list), {
          limit: PAGE_SIZE,
          ...(list.cursor ? { cursor: list.cursor } : {}),
        }),
      ]);
      return render(c, <IncubationRegisterPage c={c} who={who} state={list} page={page} />);
    })
    .get(INCUBATED_EXPORT, readers, async (c) =>
      xlsxDownload(c, await incubationRegisterFile(c.var.ctx, registerQueryOf(state(c)), c.var.lang)),
    )
    .get(OWN_INCUBATION, pageAccess(OWN_INCUBATION_READERS, session), async (c) => {
      const [who, incubation] = await Promise.all([signedIn(c), ownIncubation(c.var.ctx)]);
      return render(c, <OwnIncubationPage c={c} who={who} incubation={incubation} />);
    });
}

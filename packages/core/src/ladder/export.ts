import type { Lang } from '@shegong/domain';
import type { UseCaseContext } from '../context.ts';
import { loadWorkbooks, type XlsxFile } from '../files.ts';
import { ladderStandings } from './ladder.ts';

/** The ladder and everyone's standing on it, as an xlsx (an empty one before the first save: pages link to it anyway). */
export async function ladderFile(ctx: UseCaseContext, lang: Lang): Promise<XlsxFile> {
  const workbooks = await loadWorkbooks();
  const fileName = '职级体系.xlsx';
  if (!(await ctx.repos.ladders.find()))
    return { bytes: await workbooks.ladderWorkbook({ levels: [] }, [], lang), fileName };
  const { ladder, people } = await ladderStandings(ctx);
  return { bytes: await workbooks.ladderWorkbook(ladder, people, lang), fileName };
}

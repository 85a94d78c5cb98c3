import type { Lang, StoredContract } from '@shegong/domain';
import { budgetVsActualView } from '../actuals/actuals.ts';
import type { UseCaseContext } from '../context.ts';
import { loadWorkbooks, type XlsxFile } from '../files.ts';
import { contractView } from './contracts.ts';

/**
 * xlsx exports of a contract (issue 4, point 5): the costing sheet of a version and budget against
 * actual, laid out as a bureau files them, from the same stored objects the API returns — so the
 * numbers in the file are the numbers on the page.
 */

/** A file name safe for any OS, from the contract number: 成本测算-GK-2026-017-v1.xlsx. */
const fileName = (kind: string, contract: StoredContract, version?: number) =>
  `${kind}-${contract.number.replace(/[\\/:*?"<>|\s]+/g, '_')}${version ? `-v${version}` : ''}.xlsx`;

/** The costing sheet of a version (the current one by default). */
export async function costingFile(
  ctx: UseCaseContext,
  contractId: string,
  versionNumber: number | undefined,
  lang: Lang,
): Promise<XlsxFile> {
  const view = await contractView(ctx, contractId, versionNumber);
  const bytes = await (await loadWorkbooks()).costingWorkbook(view, lang);
  return { bytes, fileName: fileName('成本测算', view.contract, view.version.number) };
}

/** Budget against actual (current version, every recorded month). */
export async function budgetVsActualFile(ctx: UseCaseContext, contractId: string, lang: Lang): Promise<XlsxFile> {
  const view = await budgetVsActualView(ctx, contractId);
  const bytes = await (await loadWorkbooks()).budgetVsActualWorkbook(view, lang);
  return { bytes, fileName: fileName('预算执行', view.contract) };
}

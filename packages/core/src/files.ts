import type { Lang } from '@shegong/domain';
import { loadWorkbooks } from '@shegong/sheets/light';

/**
 * A workbook to download: its bytes and the name to save it under. The workbook code (ExcelJS) is
 * loaded by the first use case that writes one, not at cold start.
 */
export interface XlsxFile {
  bytes: Buffer;
  fileName: string;
}

export { loadWorkbooks };

/** The roster template anyone of an organisation may fill in, in the reader's language. */
export async function rosterTemplate(lang: Lang): Promise<XlsxFile> {
  return { bytes: await (await loadWorkbooks()).rosterTemplate(lang), fileName: '人员名册模板.xlsx' };
}

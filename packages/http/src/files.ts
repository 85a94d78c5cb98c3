import type { XlsxFile } from '@shegong/core';
import { XLSX_TYPE, xlsxHeaders } from '@shegong/sheets/light';
import type { Context } from 'hono';

/** A workbook as a download. */
export function xlsxAttachment(c: Context, file: XlsxFile) {
  return c.body(new Uint8Array(file.bytes), 200, xlsxHeaders(file.fileName));
}

/** A route's documented xlsx answer. */
export const xlsxResponse = (description: string) => ({
  description,
  content: { [XLSX_TYPE]: { schema: { type: 'string' as const, format: 'binary' } } },
});

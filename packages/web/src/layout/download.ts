import type { XlsxFile } from '@shegong/core';
import { xlsxHeaders } from '@shegong/sheets/light';
import type { Context } from 'hono';

/** A workbook the page offers, saved under its name. */
export function xlsxDownload(c: Context, file: XlsxFile) {
  return c.body(new Uint8Array(file.bytes), 200, xlsxHeaders(file.fileName));
}

/**
 * The largest roster file taken (a 5 000-row xlsx is about 400 kB, its csv about 1 MB). A module of
 * its own: every request's body limit reads it (http's app.ts), and a cold start should not read
 * the import use cases, their schemas and the workbook columns for one number.
 */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

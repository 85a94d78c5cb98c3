import { z } from 'zod';
import { count, instant } from '../units/units.ts';

/**
 * A roster import (issue 3 §5) as it is kept and shown: the job, its progress and the errors found
 * in the file. `validating` is kept for a flow that stores the file before checking it; checked in
 * the request, a job is born `invalid` or `writing`, and ends `done` or `failed`.
 */

export const IMPORT_STATUSES = ['validating', 'invalid', 'writing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One error of a roster, at its row (as the spreadsheet numbers them) and column (its heading). */
export const ImportRowError = z
  .object({
    row: count.describe('The row as the spreadsheet numbers it (headings are row 1)'),
    column: z.string().meta({ description: 'The column’s Chinese heading, as in the template', example: '身份证号' }),
    message: z.string(),
    messageEn: z.string().optional(),
  })
  .meta({ id: 'ImportRowError' });
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportJob = z
  .object({
    id: z.string(),
    status: z.enum(IMPORT_STATUSES),
    fileName: z.string(),
    rows: count.describe('People in the file (rows with data)'),
    written: count.describe('People written so far'),
    errors: z.array(ImportRowError).describe('The first 500 row errors'),
    errorCount: count.describe('How many row errors there were in all'),
    chunks: count.describe('Chunks of validated rows waiting to be written'),
    createdAt: instant,
    createdBy: z.string(),
    startedAt: instant.optional().describe('When the worker took the job (it is taken once)'),
    finishedAt: instant.optional(),
    failure: z.string().optional().describe('Why a job failed, in words'),
    rolledBack: count.optional().describe('After a failure: people written by this job that were removed again'),
    leftBehind: z.array(z.string()).optional().describe('After a failure: people written by this job and left behind'),
    version: count,
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof ImportJob>;

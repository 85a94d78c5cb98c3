import type { JurisdictionContractView } from '@shegong/core';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';

/**
 * The sections a bureau's audit view of a contract renders after its own (terms, costing, floor,
 * staffing, versions, history, reviews, decision). Other features add theirs here, one line each
 * (`BureauContractSections.push(HistorySection)`), without touching the page: a section gets the
 * request and the view, and returns what to show (or null).
 */
export type BureauContractSection = (props: {
  c: Context<PageEnv>;
  view: JurisdictionContractView;
}) => Child | Promise<Child>;

export const BureauContractSections: BureauContractSection[] = [];

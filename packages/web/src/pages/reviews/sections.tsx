/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import { contractEvaluations, type JurisdictionContractView } from '@shegong/core';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { EvaluationsSection } from '../evaluations/views.tsx';
import { BureauContractRectification, bureauContractSections } from '../rectification/cards.tsx';

/**
 * The sections a bureau's audit view of a contract renders after its own (terms, costing, floor,
 * staffing, versions, status history, reviews, decision): each feature's, in this order. A section
 * gets the request and the view, loads what it needs, and returns what to show (or null).
 */
export type BureauContractSection = (props: {
  c: Context<PageEnv>;
  view: JurisdictionContractView;
}) => Child | Promise<Child>;

export const BureauContractSections: readonly BureauContractSection[] = [
  // Findings and rectification (raising one), and the verified hash-chained history.
  async ({ c, view }) => (
    <BureauContractRectification
      c={c}
      sections={await bureauContractSections(c, view.organisation.id, view.contract.id)}
    />
  ),
  // Spot checks and evaluations (N-6): this bureau's evaluations of the contract, and filing one.
  async ({ c, view }) => (
    <EvaluationsSection
      c={c}
      organisationId={view.organisation.id}
      contractId={view.contract.id}
      evaluations={await contractEvaluations(c.var.ctx, view.organisation.id, view.contract.id)}
    />
  ),
];

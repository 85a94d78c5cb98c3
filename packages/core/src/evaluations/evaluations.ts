import { randomBytes, randomUUID } from 'node:crypto';
import {
  candidateId,
  DEFAULT_EVALUATION_TEMPLATE,
  drawSample,
  type Evaluation,
  type EvaluationTemplate,
  type EvaluationTemplateInput,
  finalEvaluationOpens,
  finalEvaluationOverdue,
  isSampleable,
  type Lang,
  type NewEvaluation,
  type NewSpotCheck,
  PROJECT_KINDS,
  runsProjects,
  SAMPLING_ALGORITHM,
  type SampleCandidate,
  type SpotCheck,
  type SpotCheckVerification,
  type StoredContract,
  scoreEvaluation,
  scoreProblems,
  termMonths,
} from '@shegong/domain';
import type { JurisdictionContract, Page, PageRequest } from '@shegong/store';
import type { MemberPolicy } from '../access.ts';
import type { UseCaseContext } from '../context.ts';
import { loadWorkbooks, type XlsxFile } from '../files.ts';
import { jurisdiction, jurisdictionContract, jurisdictionContracts } from '../jurisdiction/jurisdiction.ts';
import { everyRegisterRow } from '../jurisdiction/register.ts';
import { commitOnce } from '../once.ts';
import { everyItem } from '../paging.ts';
import { Forbidden, Invalid, NotFound, Refused } from '../refusals.ts';

/**
 * N-6 spot checks (抽查) and evaluations (评估) of the contracts in a bureau's jurisdiction. The
 * bureau's records live in its own partition; the organisation reads the evaluations of its own
 * contracts through their projection (store/evaluations.ts).
 */

/** Every member of a bureau draws, keeps templates and evaluates: the auditor and the reviewer both do the work. */
export const EVALUATORS: MemberPolicy = { kinds: ['bureau'], roles: ['admin', 'auditor', 'reviewer'] };
/** An organisation's (or a base's, P-I1) members who read its contracts read their evaluations. */
export const OWN_EVALUATION_READERS: MemberPolicy = {
  kinds: PROJECT_KINDS,
  roles: ['admin', 'hr', 'finance', 'project_manager'],
};

function bureauOnly(ctx: UseCaseContext): void {
  if (ctx.actor.kind !== 'bureau') throw new Forbidden('Only a civil-affairs bureau evaluates contracts');
}

/**
 * Every head of the jurisdiction, page by page through the scope index. Used only by the yearly
 * draw, the overdue count and a draft rule set's impact: deliberate, bounded actions over the
 * bureau's own jurisdiction (Queries of its index partition, never a Scan).
 */
export async function everyJurisdictionContract(ctx: UseCaseContext): Promise<JurisdictionContract[]> {
  const contracts = jurisdictionContracts(ctx);
  return everyItem((page) => contracts.page(page), 500);
}

async function rulesInForce(ctx: UseCaseContext, region: string, date: string, path: string) {
  const ruleSet = await ctx.store.ruleSetInForce(region, date);
  if (!ruleSet)
    throw new Refused(`No rule set is in force for ${region} on ${date} (N-6)`, {
      reason: 'noRuleSet',
      fields: [{ path, message: `no rule set is in force for ${region} on this date`, code: 'noRuleSet' }],
    });
  return ruleSet;
}

// --- spot checks --------------------------------------------------------------------------------

/** The year's population: running contracts of more than 12 months whose term touches the year. */
function populationOf(contracts: readonly JurisdictionContract[], year: number): SampleCandidate[] {
  return contracts
    .filter(({ contract: c }) => isSampleable(c, termMonths(c.startDate, c.endDate), year))
    .map(({ organisationId, contract: c }) => ({ id: candidateId(organisationId, c.id), county: c.purchaser.region }));
}

/**
 * Draws the year's sample (N-6): at least the share of the rule set in force for the bureau's
 * region on the day of the draw, rounded up (per county when stratified). One draw per bureau per
 * year: a second is a Conflict, so a sample cannot be redrawn until it suits; its record lets
 * anyone verify it (verifySpotCheck). Only the current year or earlier may be drawn.
 */
export async function drawSpotCheck(
  ctx: UseCaseContext,
  input: NewSpotCheck,
  key?: string,
): Promise<{ spotCheck: SpotCheck; replayed: boolean }> {
  bureauOnly(ctx);
  const today = ctx.clock.today();
  if (input.year > Number(today.slice(0, 4)))
    throw new Invalid('A sample is drawn in or after its year', {
      fields: [{ path: '/year', message: `cannot be after ${today.slice(0, 4)}` }],
    });
  const { body, replayed } = await commitOnce(ctx.repos, key, { operation: 'spotCheck.draw', input }, async () => {
    const ruleSet = await rulesInForce(ctx, ctx.tenant.region, today, '/year');
    const share = ruleSet.parameters.national.spotCheckShare;
    const seed = input.seed ?? randomBytes(16).toString('hex');
    const drawn = drawSample({
      population: populationOf(await everyJurisdictionContract(ctx), input.year),
      seed,
      share,
      stratified: input.stratified,
    });
    const spotCheck: SpotCheck = {
      id: String(input.year),
      year: input.year,
      bureauId: ctx.tenant.id,
      jurisdiction: jurisdiction(ctx).region,
      stratified: input.stratified,
      seed,
      algorithm: SAMPLING_ALGORITHM,
      share,
      ruleId: 'N-6',
      ruleSet: { id: ruleSet.id, title: ruleSet.title },
      populationOrder: 'id ascending by UTF-16 code unit',
      populationSize: drawn.population.length,
      population: drawn.population,
      sample: drawn.sample,
      strata: drawn.strata,
      drawnAt: new Date().toISOString(),
      drawnBy: ctx.actor.userId,
    };
    return { body: spotCheck, mutation: ctx.repos.evaluations.drawSpotCheck(spotCheck) };
  });
  return { spotCheck: body, replayed };
}

const yearOf = (id: string): number => {
  if (!/^\d{4}$/.test(id)) throw new NotFound('Spot check not found');
  return Number(id);
};

export async function getSpotCheck(ctx: UseCaseContext, id: string): Promise<SpotCheck> {
  bureauOnly(ctx);
  return ctx.repos.evaluations.spotCheck(yearOf(id));
}

export function listSpotChecks(ctx: UseCaseContext, page: PageRequest) {
  bureauOnly(ctx);
  return ctx.repos.evaluations.spotChecks(page);
}

/** Draws the recorded sample again from its recorded population, seed and share, and compares. */
export async function verifySpotCheck(ctx: UseCaseContext, id: string): Promise<SpotCheckVerification> {
  const recorded = await getSpotCheck(ctx, id);
  const redrawn = drawSample({
    population: recorded.population,
    seed: recorded.seed,
    share: recorded.share,
    stratified: recorded.stratified,
  }).sample;
  const matches = redrawn.length === recorded.sample.length && redrawn.every((x, i) => x === recorded.sample[i]);
  return { id: recorded.id, matches, recorded: recorded.sample, redrawn, algorithm: recorded.algorithm };
}

// --- templates ----------------------------------------------------------------------------------

/** The bureau's templates, the default one first (it ships with every bureau and is read only). */
export async function listTemplates(ctx: UseCaseContext, page: PageRequest): Promise<Page<EvaluationTemplate>> {
  bureauOnly(ctx);
  const found = await ctx.repos.evaluations.templates(page);
  return { ...found, items: page.cursor ? found.items : [DEFAULT_EVALUATION_TEMPLATE, ...found.items] };
}

export async function getTemplate(ctx: UseCaseContext, id: string): Promise<EvaluationTemplate> {
  bureauOnly(ctx);
  if (id === DEFAULT_EVALUATION_TEMPLATE.id) return DEFAULT_EVALUATION_TEMPLATE;
  if (id.length > 40) throw new NotFound('Evaluation template not found');
  return ctx.repos.evaluations.template(id);
}

export async function createTemplate(ctx: UseCaseContext, input: EvaluationTemplateInput, key?: string) {
  bureauOnly(ctx);
  return commitOnce(ctx.repos, key, { operation: 'evaluationTemplate.create', input }, () => {
    const { template, mutation } = ctx.repos.evaluations.createTemplate(input, new Date().toISOString());
    return { body: template, mutation };
  });
}

const builtIn = () =>
  new Forbidden('The default template is read only: keep a template of your own', { reason: 'builtInTemplate' });

export async function updateTemplate(
  ctx: UseCaseContext,
  id: string,
  input: EvaluationTemplateInput,
  expectedVersion: number,
): Promise<EvaluationTemplate> {
  bureauOnly(ctx);
  if (id === DEFAULT_EVALUATION_TEMPLATE.id) throw builtIn();
  await getTemplate(ctx, id);
  return ctx.repos.evaluations.updateTemplate(id, input, expectedVersion, new Date().toISOString());
}

/** Removes a template; evaluations filed with it keep their indicators and its name. */
export async function removeTemplate(ctx: UseCaseContext, id: string, expectedVersion: number): Promise<void> {
  bureauOnly(ctx);
  if (id === DEFAULT_EVALUATION_TEMPLATE.id) throw builtIn();
  await getTemplate(ctx, id);
  await ctx.repos.evaluations.removeTemplate(id, expectedVersion);
}

// --- evaluations --------------------------------------------------------------------------------

const AGREED = new Set(['signed', 'running', 'closed']);

/** Refuses an evaluation the contract or the day does not allow, naming the field. */
async function checkEvaluable(
  ctx: UseCaseContext,
  organisationId: string,
  contract: StoredContract,
  input: NewEvaluation,
  evaluatedOn: string,
): Promise<void> {
  const today = ctx.clock.today();
  const refuse = (path: string, message: string, code: string): never => {
    throw new Refused(`This contract cannot be evaluated so: ${message}`, {
      reason: code,
      fields: [{ path, message, code, ruleId: 'N-6' }],
    });
  };
  if (evaluatedOn > today) refuse('/evaluatedOn', 'cannot be in the future', 'future');
  if (!AGREED.has(contract.status)) refuse('/kind', 'the contract has not been signed yet', 'notAgreed');
  if (input.kind === 'final') {
    const opens = finalEvaluationOpens(contract.endDate);
    if (evaluatedOn < opens)
      refuse('/kind', `a final evaluation falls in the contract’s last month, from ${opens}`, 'tooEarly');
    return;
  }
  if (input.spotCheckYear === undefined)
    refuse('/spotCheckYear', 'name the year of the sample it was drawn in', 'noSpotCheckYear');
  const year = input.spotCheckYear as number;
  const spotCheck = await ctx.repos.evaluations.spotCheck(year).catch(() => undefined);
  if (!spotCheck?.sample.includes(candidateId(organisationId, contract.id)))
    refuse('/spotCheckYear', `the contract was not drawn in your ${year} sample`, 'notSampled');
}

/**
 * Files an evaluation of a contract in the jurisdiction (NotFound outside it): its scores against
 * the template, the total and the grade by the thresholds of the rule set in force for the
 * contract's region on the day evaluated (N-6), with the evaluator and the date.
 */
export async function fileEvaluation(
  ctx: UseCaseContext,
  organisationId: string,
  contractId: string,
  input: NewEvaluation,
  key?: string,
): Promise<{ evaluation: Evaluation; replayed: boolean }> {
  bureauOnly(ctx);
  const contract = await jurisdictionContract(ctx, organisationId, contractId);
  const evaluatedOn = input.evaluatedOn ?? ctx.clock.today();
  const template = await getTemplate(ctx, input.templateId).catch(() => {
    throw new Invalid('No such template', {
      fields: [{ path: '/templateId', message: 'is not one of your templates' }],
    });
  });
  const problems = scoreProblems(template.indicators, input.scores);
  if (problems.length) throw new Invalid('Some scores do not fit the template', { fields: problems });
  await checkEvaluable(ctx, organisationId, contract, input, evaluatedOn);
  const operation = { operation: 'evaluation.file', input: { organisationId, contractId, input } };
  const { body, replayed } = await commitOnce(ctx.repos, key, operation, async () => {
    const [ruleSet, evaluator] = await Promise.all([
      rulesInForce(ctx, contract.purchaser.region, evaluatedOn, '/evaluatedOn'),
      ctx.repos.users.find(ctx.actor.userId),
    ]);
    const score = scoreEvaluation(template.indicators, input.scores, ruleSet.parameters.national.evaluationGrades);
    const evaluation: Evaluation = {
      id: randomUUID(),
      bureauId: ctx.tenant.id,
      bureauName: ctx.tenant.name,
      organisationId,
      contractId,
      contractNumber: contract.number,
      contractTitle: contract.title,
      contractVersion: contract.currentVersion,
      county: contract.purchaser.region,
      kind: input.kind,
      ...(input.kind === 'spot_check' && input.spotCheckYear !== undefined
        ? { spotCheckYear: input.spotCheckYear }
        : {}),
      template: { id: template.id, name: template.name },
      ...score,
      ruleSet: { id: ruleSet.id, title: ruleSet.title },
      evaluatedOn,
      evaluator: { userId: ctx.actor.userId, name: evaluator?.name ?? ctx.actor.userId },
      ...(input.notes ? { notes: input.notes } : {}),
      filedAt: new Date().toISOString(),
    };
    return { body: evaluation, mutation: ctx.repos.evaluations.file(evaluation) };
  });
  return { evaluation: body, replayed };
}

export function listEvaluations(ctx: UseCaseContext, page: PageRequest) {
  bureauOnly(ctx);
  return ctx.repos.evaluations.filed(page);
}

/** The bureau's evaluations of one contract in its jurisdiction (NotFound outside it). */
export async function contractEvaluations(ctx: UseCaseContext, organisationId: string, contractId: string) {
  await jurisdictionContract(ctx, organisationId, contractId);
  return ctx.repos.evaluations.ofContract(organisationId, contractId);
}

export async function getEvaluation(ctx: UseCaseContext, organisationId: string, contractId: string, id: string) {
  await jurisdictionContract(ctx, organisationId, contractId);
  if (id.length > 40) throw new NotFound('Evaluation not found');
  return ctx.repos.evaluations.evaluation(organisationId, contractId, id);
}

/** The organisation's own evaluations (any bureau's), newest first. */
export function ownEvaluations(ctx: UseCaseContext, page: PageRequest) {
  if (!runsProjects(ctx.actor.kind)) throw new Forbidden('Only an organisation or a base has evaluations of its own');
  return ctx.repos.evaluations.ofOrganisation(page);
}

export function ownEvaluation(ctx: UseCaseContext, id: string) {
  if (!runsProjects(ctx.actor.kind)) throw new Forbidden('Only an organisation or a base has evaluations of its own');
  if (id.length > 40) throw new NotFound('Evaluation not found');
  return ctx.repos.evaluations.organisationEvaluation(id);
}

// --- overdue final evaluations ------------------------------------------------------------------

export interface OverdueFinal {
  organisationId: string;
  contractId: string;
  number: string;
  title: string;
  county: string;
  endDate: string;
}

/**
 * Final evaluations overdue in the jurisdiction (N-6): agreed contracts whose last month has
 * passed with no final evaluation filed by any bureau. It reads every head of the jurisdiction and
 * the final guards of the ended ones (a bounded walk of the bureau's own index partition, as the
 * yearly draw does): a dashboard card, not a per-row figure.
 */
export async function overdueFinalEvaluations(
  ctx: UseCaseContext,
): Promise<{ count: number; contracts: OverdueFinal[] }> {
  bureauOnly(ctx);
  const today = ctx.clock.today();
  // The register's narrow rows, not the heads: the dashboard reads this on every visit.
  const ended = (await everyRegisterRow(ctx)).filter(
    (row) => AGREED.has(row.status) && finalEvaluationOverdue(row.endDate, today, false),
  );
  const filed = await ctx.repos.evaluations.finalsFiled(ended);
  const contracts = ended
    .filter(({ organisationId, contractId }) => !filed.has(`${organisationId}#${contractId}`))
    .map(({ organisationId, contractId, number, title, county, endDate }) => ({
      organisationId,
      contractId,
      number,
      title,
      county,
      endDate,
    }))
    .sort((a, b) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : 0));
  return { count: contracts.length, contracts };
}

/** One evaluation as xlsx: 评估报告-<contract number>-<date>.xlsx. */
export async function evaluationFile(evaluation: Evaluation, lang: Lang): Promise<XlsxFile> {
  const bytes = await (await loadWorkbooks()).evaluationWorkbook(evaluation, lang);
  const number = evaluation.contractNumber.replace(/[\\/:*?"<>|\s]+/g, '_');
  return { bytes, fileName: `评估报告-${number}-${evaluation.evaluatedOn}.xlsx` };
}

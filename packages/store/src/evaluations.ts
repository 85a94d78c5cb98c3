import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type {
  Evaluation,
  EvaluationTemplate,
  EvaluationTemplateInput,
  SampleCandidate,
  SpotCheck,
} from '@shegong/domain';
import { getInOrder } from './batch.ts';
import { timeOrderedId } from './contracts.ts';
import type { Page } from './cursor.ts';
import { conflict, notFound } from './errors.ts';
import { ContractHistory } from './history.ts';
import { keys } from './keys.ts';
import type { Mutation } from './mutation.ts';
import { type PageRequest, queryAll, queryItems, queryPage } from './query.ts';
import { type TenantScope, toRecord } from './scope.ts';

/**
 * A bureau's spot checks, evaluation templates and evaluations (N-6), all in its own partition
 * `T#<bureauId>`; and an organisation's view of the evaluations of its contracts, which every
 * evaluation projects into the `scope` index under `T#<organisationId>#EVAL` in the same
 * transaction, so an organisation reads its own (any bureau's) and nothing else.
 *
 * A draw's population can run to thousands of ids, more than one item holds (400 KB): it is kept in
 * chunks of POPULATION_CHUNK candidates under `T#<bureauId>#SPOTCHECK#<year>`, written in the draw's
 * transaction. At 2 000 candidates a chunk (about 150 KB) and 99 items a transaction (4 MB), one draw
 * holds some 50 000 contracts, twice the largest jurisdiction the register is sized for.
 */
export const POPULATION_CHUNK = 2000;

type SpotCheckHead = Omit<SpotCheck, 'population'>;

/** A draw's head as recorded, without the storage's chunk count and item version. */
function spotCheckHeadOf(item: Record<string, unknown>): SpotCheckHead {
  const {
    chunks: _chunks,
    version: _version,
    ...head
  } = toRecord<SpotCheckHead & { chunks: number; version: number }>(item);
  return head;
}

/** An evaluation as filed (it never changes: its item version is storage only). */
function evaluationOf(item: Record<string, unknown>): Evaluation {
  const { version: _version, ...evaluation } = toRecord<Evaluation & { version: number }>(item);
  return evaluation;
}

export class Evaluations {
  constructor(readonly scope: TenantScope) {}

  private get bureau(): string {
    return this.scope.tenantId;
  }

  private async read(key: { pk: string; sk: string }) {
    const { Item } = await this.scope.client.send(
      new GetCommand({ TableName: this.scope.tableName, Key: key, ConsistentRead: true }),
    );
    return Item;
  }

  // --- spot checks ---------------------------------------------------------------------------

  /** Stages a year's draw; a second draw of the same year is a conflict (one per bureau per year). */
  drawSpotCheck(spotCheck: SpotCheck): Mutation {
    const chunks = Math.ceil(spotCheck.population.length / POPULATION_CHUNK);
    if (chunks > 98) throw conflict('the population is too large to record in one draw');
    const { population, ...head } = spotCheck;
    const mutation = this.scope.mutation();
    mutation.create(
      'SpotCheck',
      { ...keys.spotCheck(this.bureau, spotCheck.year), ...head, chunks },
      conflict(`a sample has already been drawn for ${spotCheck.year}`, { reason: 'alreadyDrawn' }),
    );
    for (let n = 0; n < chunks; n++) {
      mutation.create('SpotCheckPopulation', {
        ...keys.spotCheckPopulation(this.bureau, spotCheck.year, n + 1),
        candidates: population.slice(n * POPULATION_CHUNK, (n + 1) * POPULATION_CHUNK),
      });
    }
    return mutation.audited('spotCheck.draw', 'SpotCheck', spotCheck.id, 1, {
      ...head,
      population: population.map((c) => c.id),
    });
  }

  /** One year's draw with its whole population, in its recorded order. */
  async spotCheck(year: number): Promise<SpotCheck> {
    const item = await this.read(keys.spotCheck(this.bureau, year));
    if (!item) throw notFound('Spot check');
    const chunks = await queryAll(this.scope, { partition: keys.spotCheckPopulationPartition(this.bureau, year) });
    const {
      chunks: _count,
      version: _version,
      ...head
    } = toRecord<SpotCheckHead & { chunks: number; version: number }>(item);
    return { ...head, population: chunks.flatMap((c) => c.candidates as SampleCandidate[]) };
  }

  /** The draws, newest year first, without their populations. */
  async spotChecks(page: PageRequest): Promise<Page<SpotCheckHead>> {
    const found = await queryItems(
      this.scope,
      { partition: `T#${this.bureau}`, sortPrefix: keys.spotCheckPrefix, newestFirst: true },
      page,
    );
    return { ...found, items: found.items.map(spotCheckHeadOf) };
  }

  // --- templates -------------------------------------------------------------------------------

  createTemplate(input: EvaluationTemplateInput, now: string): { template: EvaluationTemplate; mutation: Mutation } {
    const template: EvaluationTemplate = { id: timeOrderedId(), ...input, builtIn: false, version: 1, updatedAt: now };
    const mutation = this.scope
      .mutation()
      .create('EvaluationTemplate', { ...keys.evaluationTemplate(this.bureau, template.id), ...template })
      .audited('evaluationTemplate.create', 'EvaluationTemplate', template.id, 1, template);
    return { template, mutation };
  }

  async template(id: string): Promise<EvaluationTemplate> {
    const item = await this.read(keys.evaluationTemplate(this.bureau, id));
    if (!item) throw notFound('Evaluation template');
    return toRecord<EvaluationTemplate>(item);
  }

  templates(page: PageRequest): Promise<Page<EvaluationTemplate>> {
    return queryPage<EvaluationTemplate>(
      this.scope,
      { partition: `T#${this.bureau}`, sortPrefix: keys.evaluationTemplatePrefix },
      page,
    );
  }

  async updateTemplate(id: string, input: EvaluationTemplateInput, expectedVersion: number, now: string) {
    await this.template(id);
    const template: EvaluationTemplate = { id, ...input, builtIn: false, version: expectedVersion + 1, updatedAt: now };
    await this.scope
      .mutation()
      .replace('EvaluationTemplate', { ...keys.evaluationTemplate(this.bureau, id), ...template }, expectedVersion)
      .audited('evaluationTemplate.update', 'EvaluationTemplate', id, template.version, template)
      .commit();
    return template;
  }

  async removeTemplate(id: string, expectedVersion: number): Promise<void> {
    await this.template(id);
    await this.scope
      .mutation()
      .remove('EvaluationTemplate', keys.evaluationTemplate(this.bureau, id), expectedVersion)
      .audited('evaluationTemplate.remove', 'EvaluationTemplate', id, expectedVersion, { removed: id })
      .commit();
  }

  // --- evaluations -------------------------------------------------------------------------------

  /**
   * Stages an evaluation: in the bureau's partition, projected for the organisation. A final
   * evaluation also claims the contract's one final (a guard holding ids only, like a certificate
   * number's), so a second final — by this bureau or the other bureau covering the contract — is
   * a conflict, and both bureaus see the same overdue list.
   */
  file(evaluation: Evaluation): Mutation {
    // The evaluation is the bureau's; its event goes on the organisation's chain (a named crossing).
    const crossing = this.scope.across('evaluationFiled', evaluation.organisationId);
    const mutation = crossing.mutation().create('Evaluation', {
      ...keys.evaluation(this.bureau, evaluation.organisationId, evaluation.contractId, evaluation.id),
      ...keys.evaluationProjection(evaluation.organisationId, evaluation.evaluatedOn, evaluation.id),
      ...evaluation,
    });
    if (evaluation.kind === 'final') {
      mutation.guard(
        keys.finalEvaluationGuard(evaluation.organisationId, evaluation.contractId),
        { tenantId: this.bureau, evaluationId: evaluation.id },
        () => conflict('a final evaluation of this contract has already been filed', { reason: 'finalFiled' }),
      );
    }
    // Filed evaluations are events of the contract's tamper-evident history (history.ts).
    new ContractHistory(crossing, evaluation.organisationId).stage(
      mutation,
      { organisationId: evaluation.organisationId, contractId: evaluation.contractId },
      {
        type: 'evaluation.filed',
        data: {
          evaluationId: evaluation.id,
          kind: evaluation.kind,
          evaluatedOn: evaluation.evaluatedOn,
          total: evaluation.total,
          grade: evaluation.grade,
        },
      },
    );
    return mutation.audited('evaluation.file', 'Evaluation', evaluation.id, 1, evaluation);
  }

  /** This bureau's evaluations of one contract (the bureau's contract page). */
  async ofContract(organisationId: string, contractId: string): Promise<Evaluation[]> {
    const items = await queryAll(this.scope, {
      partition: `T#${this.bureau}`,
      sortPrefix: keys.evaluationContractPrefix(organisationId, contractId),
    });
    return items.map(evaluationOf);
  }

  /** One of this bureau's evaluations, addressed by its contract and id. */
  async evaluation(organisationId: string, contractId: string, id: string): Promise<Evaluation> {
    const item = await this.read(keys.evaluation(this.bureau, organisationId, contractId, id));
    if (!item) throw notFound('Evaluation');
    return evaluationOf(item);
  }

  /** This bureau's evaluations, by organisation and contract. */
  async filed(page: PageRequest): Promise<Page<Evaluation>> {
    const found = await queryItems(
      this.scope,
      { partition: `T#${this.bureau}`, sortPrefix: keys.evaluationPrefix },
      page,
    );
    return { ...found, items: found.items.map(evaluationOf) };
  }

  /** Which of these contracts already have their final evaluation (by any bureau). */
  async finalsFiled(contracts: readonly { organisationId: string; contractId: string }[]): Promise<Set<string>> {
    const found = await getInOrder(
      this.scope,
      contracts.map((c) => keys.finalEvaluationGuard(c.organisationId, c.contractId)),
    );
    return new Set(found.map((g) => String(g.pk).slice('FINALEVAL#'.length)));
  }

  // --- the organisation's view -------------------------------------------------------------------

  /** The evaluations of the signed-in organisation's contracts, newest first (scope index). */
  async ofOrganisation(page: PageRequest): Promise<Page<Evaluation>> {
    const found = await queryItems(
      this.scope,
      { partition: keys.evaluationProjectionPartition(this.scope.tenantId), index: 'scope', newestFirst: true },
      page,
    );
    return { ...found, items: found.items.map(evaluationOf) };
  }

  /** One evaluation of the organisation's own, by id; not found for anyone else's. */
  async organisationEvaluation(id: string): Promise<Evaluation> {
    const items = await queryAll(this.scope, {
      partition: keys.evaluationProjectionPartition(this.scope.tenantId),
      index: 'scope',
    });
    const item = items.find((i) => i.id === id);
    if (!item) throw notFound('Evaluation');
    return evaluationOf(item);
  }
}

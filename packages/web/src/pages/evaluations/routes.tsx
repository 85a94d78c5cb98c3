/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import {
  asRefusal,
  Conflict,
  contractEvaluations,
  drawSpotCheck,
  EVALUATORS,
  evaluationFile,
  fileEvaluation,
  getEvaluation,
  getSpotCheck,
  getTemplate,
  Invalid,
  JURISDICTION_READERS,
  jurisdictionContract,
  listEvaluations,
  listSpotChecks,
  listTemplates,
  NotFound,
  OWN_EVALUATION_READERS,
  overdueFinalEvaluations,
  ownEvaluation,
  ownEvaluations,
  Refused,
  verifySpotCheck,
} from '@shegong/core';
import {
  EVALUATION_KINDS,
  type EvaluationKind,
  type EvaluationTemplate,
  formatPercent,
  NewEvaluation,
  NewSpotCheck,
  type StoredContract,
} from '@shegong/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PageEnv, TokenSource } from '../../env.ts';
import { readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  Card,
  Checkbox,
  Choices,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  Pager,
  SelectField,
  Table,
  TextField,
} from '../../layout/components.tsx';
import { xlsxDownload } from '../../layout/download.ts';
import { regionName } from '../../layout/labels.tsx';
import { render } from '../../layout/render.ts';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { pageAccess } from '../../session/access.ts';
import {
  BUREAU_EVALUATIONS,
  evaluateHref,
  ORG_EVALUATIONS,
  ownReportHref,
  reportHref,
  spotCheckHref,
} from './paths.ts';
import { TEMPLATE_FORM, templatePage, templatePosted } from './template-form.tsx';
import { EvaluationReport, EvaluationTable, OverdueList } from './views.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YEAR = /^\d{4}$/;
const PAGE = 25;
/** The sampled contracts a sample page names by number (the rest are listed by id). */
const NAMED = 200;

function notFound(): never {
  throw new NotFound('There is nothing at this address');
}

const cursorOf = (c: Context<PageEnv>) => {
  const cursor = c.req.query('cursor');
  return cursor && cursor.length <= 2000 ? { cursor } : {};
};

// --- the bureau's page ------------------------------------------------------------------------

interface DrawForm {
  year: string;
  stratified: boolean;
  seed: string;
}

async function bureauPage(c: Context<PageEnv>, form: DrawForm, errors: FieldError[], status: 200 | 400 | 409 = 200) {
  const who = await signedIn(c);
  const ctx = c.var.ctx;
  const m = c.var.m;
  const k = m.evaluations;
  const [draws, evaluations, overdue, templates] = await Promise.all([
    listSpotChecks(ctx, { limit: 10 }),
    listEvaluations(ctx, { limit: PAGE, ...cursorOf(c) }),
    overdueFinalEvaluations(ctx),
    listTemplates(ctx, { limit: 50 }),
  ]);
  return render(
    c,
    <Shell c={c} who={who} title={k.title} lead={k.lead} here={BUREAU_EVALUATIONS}>
      <ErrorSummary m={m} errors={errors} />
      <Card title={k.drawTitle} id="draw">
        <form method="post" action={`${BUREAU_EVALUATIONS}/spot-checks`} novalidate>
          <CsrfInput token={c.var.csrfToken} />
          <input type="hidden" name="_key" value={randomToken()} />
          <TextField
            m={m}
            id="year"
            name="year"
            label={k.year}
            hint={k.yearHint}
            value={form.year}
            error={errorFor(errors, 'year')}
            inputmode="numeric"
            width="short"
          />
          <Checkbox id="stratified" label={k.stratified} checked={form.stratified} />
          <TextField
            m={m}
            id="seed"
            name="seed"
            label={k.seed}
            hint={k.seedHint}
            value={form.seed}
            error={errorFor(errors, 'seed')}
            maxlength={100}
          />
          <div class="actions">
            <button type="submit" class="btn btn-primary">
              {k.draw}
            </button>
          </div>
        </form>
      </Card>
      <Card title={k.drawsTitle} id="draws">
        <Table
          caption={k.drawsTitle}
          columns={[k.colYear, k.colPopulation, k.colSample, k.colShare, k.colSeed]}
          empty={draws.items.length ? undefined : k.noDraws}
        >
          {draws.items.map((d) => (
            <tr>
              <td data-label={k.colYear}>
                <a href={spotCheckHref(d.year)}>{d.year}</a>
              </td>
              <td data-label={k.colPopulation}>{d.populationSize}</td>
              <td data-label={k.colSample}>{d.sample.length}</td>
              <td data-label={k.colShare}>
                {formatPercent(d.share)} <RuleBadge rule={d.ruleId} rules={m.policyRules} />
              </td>
              <td data-label={k.colSeed}>
                <code>{d.seed}</code>
              </td>
            </tr>
          ))}
        </Table>
      </Card>
      <Card title={k.overdueTitle} id="overdue">
        <p class="hint">{k.overdueLead}</p>
        <OverdueList c={c} contracts={overdue.contracts} />
      </Card>
      <Card title={k.evaluationsTitle} id="evaluations">
        <EvaluationTable c={c} evaluations={evaluations.items} hrefOf={reportHref} />
        <Pager
          m={m}
          label={k.evaluationsTitle}
          first={c.req.query('cursor') ? BUREAU_EVALUATIONS : undefined}
          next={
            evaluations.cursor ? `${BUREAU_EVALUATIONS}?cursor=${encodeURIComponent(evaluations.cursor)}` : undefined
          }
        />
      </Card>
      <Card
        title={k.templatesTitle}
        id="templates"
        extra={
          <a class="btn" href={TEMPLATE_FORM}>
            {k.newTemplate}
          </a>
        }
      >
        <Table caption={k.templatesTitle} columns={[k.colTemplate, k.colIndicators]}>
          {templates.items.map((t) => (
            <tr>
              <td data-label={k.colTemplate}>
                {t.name} {t.builtIn ? <span class="muted">（{k.builtIn}）</span> : null}
              </td>
              <td data-label={k.colIndicators}>{t.indicators.map((i) => `${i.name} ${i.weight}%`).join('；')}</td>
            </tr>
          ))}
        </Table>
      </Card>
    </Shell>,
    status,
  );
}

async function drawPosted(c: Context<PageEnv>) {
  const k = c.var.m.evaluations;
  const posted = await readForm(c);
  const form: DrawForm = {
    year: posted.text('year'),
    stratified: posted.text('stratified') === '1',
    seed: posted.text('seed'),
  };
  const parsed = NewSpotCheck.safeParse({
    year: /^\d{4}$/.test(form.year) ? Number(form.year) : Number.NaN,
    stratified: form.stratified,
    ...(form.seed ? { seed: form.seed } : {}),
  });
  if (!parsed.success) {
    const fields = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    return bureauPage(
      c,
      form,
      [...fields].map((f) => ({ field: f, message: f === 'seed' ? k.errors.seed : k.errors.year })),
      400,
    );
  }
  const key = FORM_KEY.test(posted.text('_key')) ? posted.text('_key') : undefined;
  try {
    const { spotCheck } = await drawSpotCheck(c.var.ctx, parsed.data, key);
    return c.redirect(spotCheckHref(spotCheck.year), 303);
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof Conflict) return bureauPage(c, form, [{ field: 'year', message: k.errors.drawn }], 409);
    if (refusal instanceof Invalid || refusal instanceof Refused)
      return bureauPage(c, form, [{ field: 'year', message: k.errors.year }], 400);
    throw error;
  }
}

// --- one year's sample --------------------------------------------------------------------------

async function samplePage(c: Context<PageEnv>) {
  const who = await signedIn(c);
  const ctx = c.var.ctx;
  const m = c.var.m;
  const k = m.evaluations;
  const year = c.req.param('year') ?? '';
  if (!YEAR.test(year)) notFound();
  const [spotCheck, verification] = await Promise.all([getSpotCheck(ctx, year), verifySpotCheck(ctx, year)]);
  // Named by number: the sampled heads, read by key (404 would mean a contract left the jurisdiction).
  const heads = await Promise.all(
    spotCheck.sample.slice(0, NAMED).map(async (id) => {
      const [organisationId = '', contractId = ''] = id.split('/');
      const contract = await jurisdictionContract(ctx, organisationId, contractId).catch(() => undefined);
      const filed = contract ? await contractEvaluations(ctx, organisationId, contractId) : [];
      return { id, organisationId, contractId, contract, filed: filed.find((e) => e.spotCheckYear === spotCheck.year) };
    }),
  );
  return render(
    c,
    <Shell
      c={c}
      who={who}
      title={k.sampleTitle(spotCheck.year)}
      crumbs={[{ label: k.title, href: BUREAU_EVALUATIONS }]}
    >
      {verification.matches ? (
        <Notice tone="success">{k.verified}</Notice>
      ) : (
        <Notice tone="error">{k.notVerified}</Notice>
      )}
      <Card title={k.verifyTitle} id="draw">
        <DescriptionList
          items={[
            [k.colYear, String(spotCheck.year)],
            [k.colSeed, <code>{spotCheck.seed}</code>],
            [k.algorithm, k.algorithmValue(spotCheck.algorithm.name, spotCheck.algorithm.version)],
            [k.populationOrder, k.populationOrderValue],
            [
              k.share,
              <>
                {formatPercent(spotCheck.share)} <RuleBadge rule="N-6" rules={m.policyRules} />
              </>,
            ],
            [k.colPopulation, String(spotCheck.populationSize)],
            [k.colSample, String(spotCheck.sample.length)],
          ]}
        />
        <Table caption={k.strataTitle} columns={[k.colCounty, k.colPopulation, k.colSample]}>
          {spotCheck.strata.map((s) => (
            <tr>
              <td data-label={k.colCounty}>{regionName(s.county, c.var.lang)}</td>
              <td data-label={k.colPopulation}>{s.population}</td>
              <td data-label={k.colSample}>{s.sampled}</td>
            </tr>
          ))}
        </Table>
      </Card>
      <Card title={k.sampleListTitle} id="sample">
        <Table caption={k.sampleListTitle} columns={[k.colContract, k.colCounty, k.colTerm, '']}>
          {heads.map((h) => (
            <tr>
              <td data-label={k.colContract}>
                {h.contract ? (
                  <>
                    {h.contract.number} <span class="muted">{h.contract.title}</span>
                  </>
                ) : (
                  <code>{h.id}</code>
                )}
              </td>
              <td data-label={k.colCounty}>{h.contract ? regionName(h.contract.purchaser.region, c.var.lang) : ''}</td>
              <td data-label={k.colTerm}>
                {h.contract
                  ? `${formatDate(h.contract.startDate, c.var.lang)} – ${formatDate(h.contract.endDate, c.var.lang)}`
                  : ''}
              </td>
              <td>
                {h.filed ? (
                  <a href={reportHref(h.filed)}>{k.evaluated}</a>
                ) : h.contract ? (
                  <a href={evaluateHref(h.organisationId, h.contractId, `?kind=spot_check&year=${spotCheck.year}`)}>
                    {k.evaluate}
                  </a>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      </Card>
    </Shell>,
  );
}

// --- the evaluation form ------------------------------------------------------------------------

interface EvaluationForm {
  kind: string;
  year: string;
  evaluatedOn: string;
  notes: string;
  scores: string[];
}

async function formPage(
  c: Context<PageEnv>,
  contract: StoredContract,
  template: EvaluationTemplate,
  form: EvaluationForm,
  errors: FieldError[],
  status: 200 | 400 | 409 | 422 = 200,
) {
  const who = await signedIn(c);
  const m = c.var.m;
  const k = m.evaluations;
  const organisationId = c.req.param('organisationId') ?? '';
  const templates = await listTemplates(c.var.ctx, { limit: 50 });
  const here = evaluateHref(organisationId, contract.id);
  return render(
    c,
    <Shell
      c={c}
      who={who}
      title={k.formTitle(contract.number)}
      lead={k.formLead}
      crumbs={[{ label: k.title, href: BUREAU_EVALUATIONS }]}
      here={here}
    >
      <ErrorSummary m={m} errors={errors} />
      <DescriptionList
        items={[
          [k.colContract, `${contract.number} · ${contract.title}`],
          [k.colCounty, regionName(contract.purchaser.region, c.var.lang)],
          [k.colTerm, `${formatDate(contract.startDate, c.var.lang)} – ${formatDate(contract.endDate, c.var.lang)}`],
        ]}
      />
      <form method="get" action={here} class="inline-form">
        <input type="hidden" name="kind" value={form.kind} />
        <input type="hidden" name="year" value={form.year} />
        <SelectField
          m={m}
          id="template"
          name="template"
          label={k.template}
          placeholder={template.name}
          options={templates.items.map((t) => ({ value: t.id, label: t.name }))}
          value={template.id}
        />
        <button type="submit" class="btn">
          {k.chooseTemplate}
        </button>
      </form>
      <form method="post" action={here} novalidate>
        <CsrfInput token={c.var.csrfToken} />
        <input type="hidden" name="_key" value={randomToken()} />
        <input type="hidden" name="templateId" value={template.id} />
        <Choices
          m={m}
          type="radio"
          name="kind"
          legend={k.kind}
          error={errorFor(errors, 'kind')}
          choices={EVALUATION_KINDS.map((kind) => ({ value: kind, label: k.kinds[kind], hint: k.kindHints[kind] }))}
          selected={[form.kind]}
        />
        <TextField
          m={m}
          id="spotCheckYear"
          name="spotCheckYear"
          label={k.spotCheckYear}
          value={form.year}
          error={errorFor(errors, 'spotCheckYear')}
          inputmode="numeric"
          width="short"
        />
        {template.indicators.map((indicator, i) => (
          <TextField
            m={m}
            id={`score-${i}`}
            name="score"
            label={k.score(indicator.name, indicator.maxScore, indicator.weight)}
            value={form.scores[i] ?? ''}
            error={errorFor(errors, `score-${i}`)}
            inputmode="numeric"
            width="short"
          />
        ))}
        <TextField
          m={m}
          id="evaluatedOn"
          name="evaluatedOn"
          label={k.evaluatedOn}
          hint={k.evaluatedOnHint}
          value={form.evaluatedOn}
          error={errorFor(errors, 'evaluatedOn')}
          type="date"
          width="medium"
        />
        <div class={`field${errorFor(errors, 'notes') ? ' field-has-error' : ''}`}>
          <label class="label" for="notes">
            {k.notes}
          </label>
          <textarea class="textarea" id="notes" name="notes" rows={4} maxlength={2000}>
            {form.notes}
          </textarea>
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-primary">
            {k.submit}
          </button>
        </div>
      </form>
    </Shell>,
    status,
  );
}

function contractParams(c: Context<PageEnv>) {
  const organisationId = c.req.param('organisationId') ?? '';
  const contractId = c.req.param('contractId') ?? '';
  if (!UUID.test(organisationId) || !UUID.test(contractId)) notFound();
  return { organisationId, contractId };
}

const kindOf = (value: string | undefined): EvaluationKind =>
  EVALUATION_KINDS.includes(value as EvaluationKind) ? (value as EvaluationKind) : 'final';

async function formGet(c: Context<PageEnv>) {
  const { organisationId, contractId } = contractParams(c);
  const contract = await jurisdictionContract(c.var.ctx, organisationId, contractId);
  const templateId = c.req.query('template') ?? 'default';
  const template = await getTemplate(c.var.ctx, templateId.slice(0, 40)).catch(() => getTemplate(c.var.ctx, 'default'));
  const form: EvaluationForm = {
    kind: kindOf(c.req.query('kind')),
    year: YEAR.test(c.req.query('year') ?? '') ? (c.req.query('year') as string) : '',
    evaluatedOn: '',
    notes: '',
    scores: [],
  };
  return formPage(c, contract, template, form, []);
}

/** A refusal of filing as the form's errors, by the field it names. */
function refusalErrors(c: Context<PageEnv>, refusal: unknown, template: EvaluationTemplate): FieldError[] | undefined {
  const k = c.var.m.evaluations;
  if (refusal instanceof Conflict) return [{ field: 'kind', message: k.errors.finalFiled, href: 'kind-spot_check' }];
  if (!(refusal instanceof Refused || refusal instanceof Invalid)) return undefined;
  return refusal.fields.map((f) => {
    const score = /^\/scores\/(\d+)$/.exec(f.path);
    if (score) {
      const indicator = template.indicators[Number(score[1])];
      return { field: `score-${score[1]}`, message: k.errors.score(indicator?.name ?? '', indicator?.maxScore ?? 0) };
    }
    const code = (f.code ?? '') as keyof typeof k.errors;
    const field = f.path.replace(/^\//, '') || 'kind';
    const message = Object.hasOwn(k.errors, code) ? (k.errors[code] as string) : f.message;
    return { field, message, ...(field === 'kind' ? { href: 'kind-spot_check' } : {}) };
  });
}

async function formPost(c: Context<PageEnv>) {
  const { organisationId, contractId } = contractParams(c);
  const k = c.var.m.evaluations;
  const ctx = c.var.ctx;
  const contract = await jurisdictionContract(ctx, organisationId, contractId);
  const posted = await readForm(c);
  const template = await getTemplate(ctx, posted.text('templateId').slice(0, 40) || 'default').catch(() =>
    getTemplate(ctx, 'default'),
  );
  const scores = template.indicators.map((_, i) => posted.list('score')[i] ?? '');
  const form: EvaluationForm = {
    kind: kindOf(posted.text('kind')),
    year: posted.text('spotCheckYear'),
    evaluatedOn: posted.date('evaluatedOn'),
    notes: posted.text('notes'),
    scores,
  };
  // Every unreadable field at once, each by its name, before anything is checked against the contract.
  const errors: FieldError[] = [];
  scores.forEach((s, i) => {
    const indicator = template.indicators[i];
    if (!indicator) return;
    if (!/^\d{1,4}$/.test(s) || Number(s) > indicator.maxScore)
      errors.push({ field: `score-${i}`, message: k.errors.score(indicator.name, indicator.maxScore) });
  });
  if (form.kind === 'spot_check' && !YEAR.test(form.year))
    errors.push({ field: 'spotCheckYear', message: k.errors.spotCheckYear });
  const input = NewEvaluation.safeParse({
    kind: form.kind,
    templateId: template.id,
    scores: scores.map(Number),
    ...(form.kind === 'spot_check' && YEAR.test(form.year) ? { spotCheckYear: Number(form.year) } : {}),
    ...(form.evaluatedOn ? { evaluatedOn: form.evaluatedOn } : {}),
    ...(form.notes ? { notes: form.notes } : {}),
  });
  if (!input.success)
    for (const issue of input.error.issues) {
      const field = String(issue.path[0]);
      if (field === 'evaluatedOn') errors.push({ field, message: k.errors.evaluatedOn });
      else if (field === 'notes') errors.push({ field, message: k.errors.notes });
    }
  if (errors.length || !input.success) return formPage(c, contract, template, form, errors, 400);
  const key = FORM_KEY.test(posted.text('_key')) ? posted.text('_key') : undefined;
  try {
    const { evaluation } = await fileEvaluation(ctx, organisationId, contractId, input.data, key);
    return c.redirect(`${reportHref(evaluation)}?filed=1`, 303);
  } catch (error) {
    const refusal = asRefusal(error);
    const shown = refusal ? refusalErrors(c, refusal, template) : undefined;
    if (!shown?.length) throw error;
    return formPage(
      c,
      contract,
      template,
      form,
      shown,
      refusal instanceof Conflict ? 409 : refusal instanceof Invalid ? 400 : 422,
    );
  }
}

// --- reports ------------------------------------------------------------------------------------

async function bureauReport(c: Context<PageEnv>) {
  const who = await signedIn(c);
  const { organisationId, contractId } = contractParams(c);
  const id = c.req.param('evaluationId') ?? '';
  if (!UUID.test(id)) notFound();
  const evaluation = await getEvaluation(c.var.ctx, organisationId, contractId, id);
  const k = c.var.m.evaluations;
  return render(
    c,
    <Shell c={c} who={who} title={k.reportTitle} crumbs={[{ label: k.title, href: BUREAU_EVALUATIONS }]}>
      {c.req.query('filed') === '1' ? <Notice tone="success">{k.filed}</Notice> : null}
      <EvaluationReport c={c} evaluation={evaluation} xlsxHref={`${reportHref(evaluation)}/report.xlsx`} />
    </Shell>,
  );
}

async function orgList(c: Context<PageEnv>) {
  const who = await signedIn(c);
  const m = c.var.m;
  const k = m.evaluations;
  const found = await ownEvaluations(c.var.ctx, { limit: PAGE, ...cursorOf(c) });
  return render(
    c,
    <Shell c={c} who={who} title={k.orgTitle} lead={k.orgLead}>
      <Card>
        <EvaluationTable c={c} evaluations={found.items} hrefOf={(e) => ownReportHref(e.id)} />
        <Pager
          m={m}
          label={k.orgTitle}
          first={c.req.query('cursor') ? ORG_EVALUATIONS : undefined}
          next={found.cursor ? `${ORG_EVALUATIONS}?cursor=${encodeURIComponent(found.cursor)}` : undefined}
        />
      </Card>
    </Shell>,
  );
}

async function orgReport(c: Context<PageEnv>) {
  const who = await signedIn(c);
  const id = c.req.param('evaluationId') ?? '';
  if (!UUID.test(id)) notFound();
  const evaluation = await ownEvaluation(c.var.ctx, id);
  const k = c.var.m.evaluations;
  return render(
    c,
    <Shell c={c} who={who} title={k.reportTitle} crumbs={[{ label: k.orgTitle, href: ORG_EVALUATIONS }]}>
      <EvaluationReport c={c} evaluation={evaluation} xlsxHref={`${ownReportHref(id)}/report.xlsx`} />
    </Shell>,
  );
}

/** The spot-check and evaluation pages: the bureau's (draw, sample, evaluate, report) and the organisation's (its evaluations). */
export function evaluationRoutes(session: TokenSource) {
  const evaluators = pageAccess(EVALUATORS, session);
  const readers = pageAccess(JURISDICTION_READERS, session);
  const own = pageAccess(OWN_EVALUATION_READERS, session);
  const contractPath = `${BUREAU_EVALUATIONS}/contracts/:organisationId/:contractId`;
  return new Hono<PageEnv>()
    .get(BUREAU_EVALUATIONS, evaluators, (c) =>
      bureauPage(c, { year: c.var.ctx.clock.today().slice(0, 4), stratified: true, seed: '' }, []),
    )
    .post(`${BUREAU_EVALUATIONS}/spot-checks`, evaluators, drawPosted)
    .get(TEMPLATE_FORM, evaluators, (c) => templatePage(c))
    .post(TEMPLATE_FORM, evaluators, templatePosted)
    .get(`${BUREAU_EVALUATIONS}/spot-checks/:year`, evaluators, samplePage)
    .get(`${contractPath}/new`, evaluators, formGet)
    .post(`${contractPath}/new`, evaluators, formPost)
    .get(`${contractPath}/:evaluationId`, readers, bureauReport)
    .get(`${contractPath}/:evaluationId/report.xlsx`, readers, async (c) => {
      const { organisationId, contractId } = contractParams(c);
      const id = c.req.param('evaluationId') ?? '';
      if (!UUID.test(id)) notFound();
      const evaluation = await getEvaluation(c.var.ctx, organisationId, contractId, id);
      return xlsxDownload(c, await evaluationFile(evaluation, c.var.lang));
    })
    .get(ORG_EVALUATIONS, own, orgList)
    .get(`${ORG_EVALUATIONS}/:evaluationId`, own, orgReport)
    .get(`${ORG_EVALUATIONS}/:evaluationId/report.xlsx`, own, async (c) => {
      const id = c.req.param('evaluationId') ?? '';
      if (!UUID.test(id)) notFound();
      return xlsxDownload(c, await evaluationFile(await ownEvaluation(c.var.ctx, id), c.var.lang));
    });
}

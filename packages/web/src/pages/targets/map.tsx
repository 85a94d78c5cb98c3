/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import {
  addStation,
  addTargetBase,
  asRefusal,
  cityOrganisations,
  type FieldProblem,
  Invalid,
  importMapFile,
  importMapText,
  mapPlacesFile,
  mapTemplate,
  NotFound,
  readMap,
  removeStation,
  removeTargetBase,
  Stale,
  setBaseline,
} from '@shegong/core';
import {
  certifiedGoal,
  countiesOf,
  FANGCHENGGANG_TARGETS,
  jurisdictionOf,
  type MapView,
  type PlacesImportResult,
  TARGET_BASE_KINDS,
  type TargetOrganisation,
} from '@shegong/domain';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PageEnv } from '../../env.ts';
import { formBody, formVersion, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  Card,
  Checkbox,
  CsrfInput,
  DescriptionList,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  SelectField,
  Table,
  Tag,
  TextField,
} from '../../layout/components.tsx';
import { xlsxDownload } from '../../layout/download.ts';
import { regionName } from '../../layout/labels.tsx';
import { render } from '../../layout/render.ts';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';
import { MapTabs } from './map-tabs.tsx';
import { MAP, type MapTab, mapTabPath, TARGETS } from './paths.ts';

/**
 * The bureau's map (区划与站点, issue 13): four tabs — places (imported from xlsx or pasted),
 * stations (P-T4), the 2022 baseline (P-T5), talent and internship bases (P-T6). Every member of
 * a bureau reads it; forms show only to a bureau's admin, for what it may change (MapView's
 * editableCounties and editsCity).
 */

export const MAP_IMPORT = `${MAP}/import`;
export const MAP_TEMPLATE = `${MAP}/template.xlsx`;
export const MAP_PLACES_XLSX = `${MAP}/places.xlsx`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The most bytes an uploaded map file may have (a city's places are a few hundred KB at most). */
const MAX_MAP_BYTES = 5 * 1024 * 1024;

type Ctx = Context<PageEnv>;

const countiesOfMap = (map: MapView) => countiesOf(jurisdictionOf(map.city));
const placeName = (c: Ctx, map: MapView, township: string) => {
  const t = map.townships.find((x) => x.code === township);
  return t ? `${regionName(t.county, c.var.lang)} · ${t.name}` : township;
};

/** The shell of every tab: title, the way back to the dashboard, the tabs, what the reader may change. */
async function mapPage(c: Ctx, map: MapView, tab: MapTab, body: Child, status: 200 | 400 | 409 = 200) {
  const m = c.var.m.targetMap;
  const editor = map.editableCounties.length > 0;
  return render(
    c,
    <Shell
      c={c}
      who={await signedIn(c)}
      title={m.title}
      lead={m.lead}
      here={mapTabPath(tab)}
      actions={
        <a class="btn" href={TARGETS}>
          {m.backToTargets}
        </a>
      }
    >
      <MapTabs c={c} active={tab} />
      {!editor ? <Notice tone="info">{m.readOnly}</Notice> : null}
      {editor && !map.editsCity ? (
        <Notice tone="info">
          {m.countyOnly(map.editableCounties.map((x) => regionName(x, c.var.lang)).join('、'))}
        </Notice>
      ) : null}
      {body}
    </Shell>,
    status,
  );
}

// --- places ---

interface ImportOutcome {
  result?: PlacesImportResult;
  rowErrors?: readonly FieldProblem[];
  stale?: boolean;
}

function CountyPlaces(props: { c: Ctx; map: MapView; county: string }) {
  const { c, map, county } = props;
  const m = c.var.m.targetMap;
  const townships = map.townships.filter((t) => t.county === county);
  const codes = new Set(townships.map((t) => t.code));
  const communities = map.communities.filter((x) => codes.has(x.township));
  const stations = new Set(map.stations.map((s) => s.township));
  const urban = communities.filter((x) => x.kind === 'urban').length;
  return (
    <Card
      title={regionName(county, c.var.lang)}
      id={`county-${county}`}
      extra={<span class="figure">{m.countyCounts(townships.length, urban, communities.length - urban)}</span>}
    >
      <Table
        caption={`${regionName(county, c.var.lang)} ${m.townships}`}
        columns={[m.code, m.townships, m.kind, m.station, m.communities]}
        empty={townships.length ? undefined : m.noPlaces}
      >
        {townships.map((t) => {
          const here = communities.filter((x) => x.township === t.code);
          return (
            <tr>
              <td data-label={m.code} class="mono">
                {t.code}
              </td>
              <td data-label={m.townships}>{t.name}</td>
              <td data-label={m.kind}>{m.townshipKinds[t.kind]}</td>
              <td data-label={m.station}>
                {stations.has(t.code) ? <Tag tone="green">{m.hasStation}</Tag> : <Tag tone="amber">{m.noStation}</Tag>}
              </td>
              <td data-label={m.communities} class="cell-note">
                {here.length ? (
                  <details>
                    <summary>{m.communitiesOf(here.length)}</summary>
                    <ul class="plain-list">
                      {here.map((x) => (
                        <li>
                          {x.name}（{m.communityKinds[x.kind]}） <span class="mono muted">{x.code}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : (
                  <span class="muted">{m.noCommunities}</span>
                )}
              </td>
            </tr>
          );
        })}
      </Table>
    </Card>
  );
}

function ImportCard(props: { c: Ctx; errors: readonly FieldError[]; values: Record<string, string> }) {
  const { c, errors, values } = props;
  const m = c.var.m;
  const t = m.targetMap;
  const fileError = errorFor(errors, 'file');
  return (
    <Card title={t.importTitle} id="import" extra={<a href={MAP_TEMPLATE}>{t.template}</a>}>
      <p class="hint">{t.importLead}</p>
      <form method="post" action={MAP_IMPORT} enctype="multipart/form-data" novalidate>
        <CsrfInput token={c.var.csrfToken} />
        <div class={`field${fileError ? ' field-has-error' : ''}`}>
          <label class="label" for="file">
            {t.file}
          </label>
          <p class="hint" id="file-hint">
            {t.fileHint}
          </p>
          {fileError ? (
            <p class="field-error" id="file-error">
              {fileError}
            </p>
          ) : null}
          <input
            class="input"
            type="file"
            id="file"
            name="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
          />
        </div>
        <details open={Boolean(values.townships || values.communities)}>
          <summary>{t.orPaste}</summary>
          {(['townships', 'communities'] as const).map((name) => (
            <div class="field">
              <label class="label" for={name}>
                {name === 'townships' ? t.pasteTownships : t.pasteCommunities}
              </label>
              <textarea class="textarea input-mono" id={name} name={name} rows={5} spellcheck={false}>
                {values[name] ?? ''}
              </textarea>
            </div>
          ))}
        </details>
        <TextField
          m={m}
          id="note"
          name="note"
          label={t.noteField}
          hint={t.noteHint}
          value={values.note}
          error={errorFor(errors, 'note')}
          maxlength={200}
        />
        <Checkbox id="dryRun" label={t.dryRun} checked={values.dryRun === '1'} />
        <div class="actions">
          <button type="submit" class="btn btn-primary">
            {t.importButton}
          </button>
        </div>
      </form>
    </Card>
  );
}

function ImportResult(props: { c: Ctx; outcome: ImportOutcome }) {
  const { c, outcome } = props;
  const t = c.var.m.targetMap;
  if (outcome.stale) return <Notice tone="warning">{t.staleImport}</Notice>;
  if (outcome.result) {
    const { result } = outcome;
    return (
      <Notice tone="success">
        {result.dryRun ? t.dryRunDone : t.imported} {t.importCounts(result.townships, result.communities)}
      </Notice>
    );
  }
  const rows = outcome.rowErrors ?? [];
  if (!rows.length) return null;
  return (
    <Card title={t.errorsTitle(rows.length)} id="import-errors">
      <p class="hint">{t.errorsLead}</p>
      <Table caption={t.errorsTitle(rows.length)} columns={[t.sheet, t.row, t.column, t.problem]}>
        {rows.map((e) => (
          <tr>
            <td data-label={t.sheet}>{t.sheets[String(e.amounts?.sheet)] ?? ''}</td>
            <td data-label={t.row}>{String(e.amounts?.row ?? '')}</td>
            <td data-label={t.column}>{String(e.amounts?.column ?? '')}</td>
            <td data-label={t.problem} class="cell-note">
              {t.rowProblem(e.message)}
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

async function placesPage(
  c: Ctx,
  outcome: ImportOutcome = {},
  errors: FieldError[] = [],
  values: Record<string, string> = {},
  status: 200 | 400 | 409 = 200,
) {
  const map = await readMap(c.var.ctx);
  const t = c.var.m.targetMap;
  const summary: FieldError[] = [
    ...errors,
    ...(outcome.rowErrors?.length
      ? [{ field: 'import-errors', message: t.errorsTitle(outcome.rowErrors.length) }]
      : []),
  ];
  return mapPage(
    c,
    map,
    'places',
    <>
      <ErrorSummary m={c.var.m} errors={summary} />
      <ImportResult c={c} outcome={outcome} />
      {map.sourceNote ? (
        <p class="hint">
          {t.sourceNote}：{map.sourceNote.text}
        </p>
      ) : null}
      {map.townships.length ? (
        <p>
          <a href={MAP_PLACES_XLSX}>{t.exportPlaces}</a>
        </p>
      ) : null}
      {countiesOfMap(map).map((county) => (
        <CountyPlaces c={c} map={map} county={county} />
      ))}
      {map.editableCounties.length ? <ImportCard c={c} errors={errors} values={values} /> : null}
    </>,
    status,
  );
}

export const placesGet = (c: Ctx) => placesPage(c);

export async function importPosted(c: Ctx) {
  const t = c.var.m.targetMap;
  const body = await formBody(c);
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
  const values = {
    townships: text('townships'),
    communities: text('communities'),
    note: text('note'),
    dryRun: text('dryRun'),
  };
  const dryRun = values.dryRun === '1';
  const note = values.note || undefined;
  const file = body.file;
  try {
    let result: PlacesImportResult;
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_MAP_BYTES) return placesPage(c, {}, [{ field: 'file', message: t.notWorkbook }], values, 400);
      result = await importMapFile(c.var.ctx, Buffer.from(await file.arrayBuffer()), dryRun, note);
    } else if (values.townships || values.communities) {
      result = await importMapText(
        c.var.ctx,
        { townships: values.townships, communities: values.communities },
        dryRun,
        note,
      );
    } else return placesPage(c, {}, [{ field: 'file', message: t.chooseFile }], values, 400);
    return placesPage(c, { result }, [], dryRun ? values : {});
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof Invalid && refusal.reason === 'mapRowsInvalid')
      return placesPage(c, { rowErrors: refusal.fields }, [], values, 400);
    if (refusal instanceof Invalid) {
      const field = refusal.fields[0]?.path === '/sourceNote' ? 'note' : 'file';
      const message =
        refusal.fields[0]?.code === 'notWorkbook' ? t.notWorkbook : (refusal.fields[0]?.message ?? refusal.message);
      return placesPage(c, {}, [{ field, message }], values, 400);
    }
    if (refusal instanceof Stale) return placesPage(c, { stale: true }, [], values, 409);
    throw error;
  }
}

export const templateGet = async (c: Ctx) => xlsxDownload(c, await mapTemplate(c.var.lang));
export const placesXlsxGet = async (c: Ctx) => xlsxDownload(c, await mapPlacesFile(c.var.ctx, c.var.lang));

// --- stations (P-T4) ---

function townshipOptions(c: Ctx, map: MapView) {
  return map.townships
    .filter((t) => map.editableCounties.includes(t.county))
    .map((t) => ({ value: t.code, label: `${regionName(t.county, c.var.lang)} · ${t.name}` }));
}

async function stationsPage(
  c: Ctx,
  errors: FieldError[] = [],
  values: Record<string, string> = {},
  status: 200 | 400 | 409 = 200,
) {
  const map = await readMap(c.var.ctx);
  const m = c.var.m;
  const t = m.targetMap;
  const date = (d?: string) => (d ? formatDate(d, c.var.lang) : '—');
  const withStation = new Set(map.stations.map((s) => s.township));
  const missing = map.townships.filter((x) => !withStation.has(x.code));
  const notice = c.req.query('done');
  return mapPage(
    c,
    map,
    'stations',
    <>
      <ErrorSummary m={m} errors={errors} />
      {notice === 'saved' ? <Notice tone="success">{t.stationSaved}</Notice> : null}
      {notice === 'removed' ? <Notice tone="success">{t.stationRemoved}</Notice> : null}
      <Card
        title={t.stationsTitle}
        id="stations"
        extra={
          map.townships.length ? (
            <span class="figure">
              {missing.length ? t.missingStations(missing.length) : t.allStations}{' '}
              <RuleBadge rules={m.policyRules} rule="P-T4" tone={missing.length ? 'amber' : 'green'} />
            </span>
          ) : undefined
        }
      >
        <p class="hint">{t.stationsLead}</p>
        <Table
          caption={t.stationsTitle}
          columns={[t.township, t.stationName, t.openedOn, '']}
          empty={map.townships.length ? undefined : t.noStationsTownships}
        >
          {map.townships.flatMap((township) => {
            const here = map.stations.filter((s) => s.township === township.code);
            const name = placeName(c, map, township.code);
            if (!here.length)
              return [
                <tr>
                  <td data-label={t.township}>{name}</td>
                  <td data-label={t.stationName}>
                    <Tag tone="amber">{t.noStation}</Tag>
                  </td>
                  <td data-label={t.openedOn}>—</td>
                  <td />
                </tr>,
              ];
            return here.map((s) => (
              <tr>
                <td data-label={t.township}>{name}</td>
                <td data-label={t.stationName}>{s.name}</td>
                <td data-label={t.openedOn}>{date(s.openedOn)}</td>
                <td>
                  {map.editableCounties.includes(township.county) ? (
                    <form method="post" action={`${mapTabPath('stations')}/${s.id}/remove`}>
                      <CsrfInput token={c.var.csrfToken} />
                      <input type="hidden" name="version" value={String(s.version)} />
                      <button type="submit" class="btn btn-link" aria-label={t.removeStation(s.name)}>
                        {t.remove}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ));
          })}
        </Table>
      </Card>
      {map.editableCounties.length && map.townships.length ? (
        <Card title={t.addStation} id="add-station">
          <form method="post" action={mapTabPath('stations')} novalidate>
            <CsrfInput token={c.var.csrfToken} />
            <input type="hidden" name="_key" value={randomToken()} />
            <SelectField
              m={m}
              id="township"
              name="township"
              label={t.township}
              placeholder={t.chooseTownship}
              options={townshipOptions(c, map)}
              value={values.township}
              error={errorFor(errors, 'township')}
            />
            <TextField
              m={m}
              id="name"
              name="name"
              label={t.stationName}
              value={values.name}
              error={errorFor(errors, 'name')}
              maxlength={100}
            />
            <TextField
              m={m}
              id="openedOn"
              name="openedOn"
              label={t.openedOn}
              hint={t.openedOnHint}
              type="date"
              width="medium"
              value={values.openedOn}
              error={errorFor(errors, 'openedOn')}
            />
            <div class="actions">
              <button type="submit" class="btn btn-primary">
                {t.save}
              </button>
            </div>
          </form>
        </Card>
      ) : null}
    </>,
    status,
  );
}

/** A refusal's field problems as the form's field errors (the field is the path's first segment). */
const fieldErrors = (
  problems: readonly FieldProblem[],
  words: (p: FieldProblem) => string | undefined = () => undefined,
) => problems.map((p) => ({ field: p.path.split('/')[1] || 'name', message: words(p) ?? p.message }));

const keyOf = (text: string) => (FORM_KEY.test(text) ? text : undefined);

export const stationsGet = (c: Ctx) => stationsPage(c);

export async function stationPosted(c: Ctx) {
  const form = await readForm(c);
  const values = { township: form.text('township'), name: form.text('name'), openedOn: form.date('openedOn') };
  const input = {
    township: values.township,
    name: values.name,
    ...(values.openedOn ? { openedOn: values.openedOn } : {}),
  };
  try {
    await addStation(c.var.ctx, input, keyOf(form.text('_key')));
    return c.redirect(`${mapTabPath('stations')}?done=saved`, 303);
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof Invalid) return stationsPage(c, fieldErrors(refusal.fields), values, 400);
    throw error;
  }
}

function pathId(c: Ctx, name: string): string {
  const id = c.req.param(name) ?? '';
  if (!UUID.test(id)) throw new NotFound('There is nothing at this address');
  return id;
}

export async function stationRemovePosted(c: Ctx) {
  const id = pathId(c, 'stationId');
  const form = await readForm(c);
  try {
    await removeStation(c.var.ctx, id, formVersion(form.text('version')) ?? 0);
    return c.redirect(`${mapTabPath('stations')}?done=removed`, 303);
  } catch (error) {
    if (asRefusal(error) instanceof Stale)
      return stationsPage(c, [{ field: 'stations', message: c.var.m.targetMap.stale }], {}, 409);
    throw error;
  }
}

// --- baseline (P-T5) ---

async function baselinePage(
  c: Ctx,
  errors: FieldError[] = [],
  values?: Record<string, string>,
  status: 200 | 400 | 409 = 200,
) {
  const map = await readMap(c.var.ctx);
  const m = c.var.m;
  const t = m.targetMap;
  const baseline = map.baseline;
  const counties = countiesOfMap(map);
  const count = (n: number | undefined) =>
    n === undefined ? (
      <span class="muted">{t.notRecorded}</span>
    ) : (
      <span class="figure">
        {n} · {t.goal(certifiedGoal(n, FANGCHENGGANG_TARGETS))} <RuleBadge rules={m.policyRules} rule="P-T5" />
      </span>
    );
  const value = (name: string, stored: number | undefined) =>
    values?.[name] ?? (stored === undefined ? '' : String(stored));
  const canCounty = map.editableCounties.filter((x) => counties.includes(x));
  return mapPage(
    c,
    map,
    'baseline',
    <>
      <ErrorSummary m={m} errors={errors} />
      {c.req.query('done') === 'saved' ? <Notice tone="success">{t.baselineSaved}</Notice> : null}
      <Card title={t.baselineTitle} id="baseline">
        <p class="hint">{t.baselineLead}</p>
        <DescriptionList
          items={[
            [t.cityCount, count(baseline?.city)],
            ...counties.map((x): [string, Child] => [
              t.countyCount(regionName(x, c.var.lang)),
              count(baseline?.counties?.[x]),
            ]),
          ]}
        />
      </Card>
      {canCounty.length && (map.editsCity || baseline) ? (
        <Card title={t.baselineTitle} id="baseline-form">
          <form method="post" action={mapTabPath('baseline')} novalidate>
            <CsrfInput token={c.var.csrfToken} />
            <input type="hidden" name="version" value={String(baseline?.version ?? 0)} />
            {map.editsCity ? (
              <TextField
                m={m}
                id="city"
                name="city"
                label={t.cityCount}
                value={value('city', baseline?.city)}
                error={errorFor(errors, 'city')}
                inputmode="numeric"
                width="short"
              />
            ) : null}
            {canCounty.map((x) => (
              <TextField
                m={m}
                id={`county-${x}`}
                name={`county-${x}`}
                label={t.countyCount(regionName(x, c.var.lang))}
                hint={t.countHint}
                value={value(`county-${x}`, baseline?.counties?.[x])}
                error={errorFor(errors, `county-${x}`)}
                inputmode="numeric"
                width="short"
              />
            ))}
            <div class="actions">
              <button type="submit" class="btn btn-primary">
                {t.save}
              </button>
            </div>
          </form>
        </Card>
      ) : canCounty.length ? (
        <Notice tone="info">{t.cityFirst}</Notice>
      ) : null}
    </>,
    status,
  );
}

export const baselineGet = (c: Ctx) => baselinePage(c);

export async function baselinePosted(c: Ctx) {
  const form = await readForm(c);
  const map = await readMap(c.var.ctx);
  const values: Record<string, string> = { city: form.text('city') };
  const errors: FieldError[] = [];
  const number = (field: string, text: string) => {
    if (!/^\d{1,7}$/.test(text)) errors.push({ field, message: c.var.m.targetMap.countHint });
    return Number(text);
  };
  const input: { city?: number; counties?: Record<string, number> } = {};
  if (map.editsCity && values.city) input.city = number('city', values.city);
  const counties: Record<string, number> = {};
  for (const county of map.editableCounties) {
    const text = form.text(`county-${county}`);
    values[`county-${county}`] = text;
    if (text) counties[county] = number(`county-${county}`, text);
  }
  if (Object.keys(counties).length) input.counties = counties;
  if (errors.length) return baselinePage(c, errors, values, 400);
  try {
    await setBaseline(c.var.ctx, input, formVersion(form.text('version')) ?? 0);
    return c.redirect(`${mapTabPath('baseline')}?done=saved`, 303);
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof Invalid)
      return baselinePage(
        c,
        refusal.fields.map((p) => ({
          field: p.path.startsWith('/counties/') ? `county-${p.path.split('/')[2]}` : 'city',
          message: p.code === 'cityFirst' ? c.var.m.targetMap.cityFirst : p.message,
        })),
        values,
        400,
      );
    if (refusal instanceof Stale)
      return baselinePage(c, [{ field: 'baseline', message: c.var.m.targetMap.stale }], values, 409);
    throw error;
  }
}

// --- bases (P-T6) ---

async function basesPage(
  c: Ctx,
  errors: FieldError[] = [],
  values: Record<string, string> = {},
  status: 200 | 400 = 200,
) {
  const [map, organisations] = await Promise.all([readMap(c.var.ctx), cityOrganisations(c.var.ctx)]);
  const m = c.var.m;
  const t = m.targetMap;
  const names = new Map(organisations.map((o: TargetOrganisation) => [o.organisationId, o.name]));
  const regionText = (region: string) => (region === map.city ? t.cityLevel : regionName(region, c.var.lang));
  const mine = (region: string) => map.editableCounties.includes(region) || (map.editsCity && region === map.city);
  const regions = [...(map.editsCity ? [map.city] : []), ...map.editableCounties];
  const counts = TARGET_BASE_KINDS.map((kind) => map.bases.filter((b) => b.kind === kind).length);
  return mapPage(
    c,
    map,
    'bases',
    <>
      <ErrorSummary m={m} errors={errors} />
      {c.req.query('done') === 'saved' ? <Notice tone="success">{t.baseSaved}</Notice> : null}
      {c.req.query('done') === 'removed' ? <Notice tone="success">{t.baseRemoved}</Notice> : null}
      <Card
        title={t.basesTitle}
        id="bases"
        extra={
          <span class="figure">
            {t.baseCounts(counts[0] ?? 0, counts[1] ?? 0)} <RuleBadge rules={m.policyRules} rule="P-T6" />
          </span>
        }
      >
        <p class="hint">{t.basesLead}</p>
        <Table
          caption={t.basesTitle}
          columns={[t.baseName, t.baseKind, t.region, t.organisation, t.recognisedOn, '']}
          empty={map.bases.length ? undefined : t.noBases}
        >
          {map.bases.map((b) => (
            <tr>
              <td data-label={t.baseName}>{b.name}</td>
              <td data-label={t.baseKind}>{t.baseKinds[b.kind]}</td>
              <td data-label={t.region}>{regionText(b.region)}</td>
              <td data-label={t.organisation}>{b.organisationId ? (names.get(b.organisationId) ?? '—') : '—'}</td>
              <td data-label={t.recognisedOn}>{b.recognisedOn ? formatDate(b.recognisedOn, c.var.lang) : '—'}</td>
              <td>
                {mine(b.region) ? (
                  <form method="post" action={`${mapTabPath('bases')}/${b.id}/remove`}>
                    <CsrfInput token={c.var.csrfToken} />
                    <input type="hidden" name="version" value={String(b.version)} />
                    <button type="submit" class="btn btn-link" aria-label={t.removeBase(b.name)}>
                      {t.remove}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      </Card>
      {regions.length ? (
        <Card title={t.addBase} id="add-base">
          <form method="post" action={mapTabPath('bases')} novalidate>
            <CsrfInput token={c.var.csrfToken} />
            <input type="hidden" name="_key" value={randomToken()} />
            <SelectField
              m={m}
              id="kind"
              name="kind"
              label={t.baseKind}
              placeholder={t.chooseKind}
              options={TARGET_BASE_KINDS.map((kind) => ({ value: kind, label: t.baseKinds[kind] ?? kind }))}
              value={values.kind}
              error={errorFor(errors, 'kind')}
            />
            <TextField
              m={m}
              id="name"
              name="name"
              label={t.baseName}
              value={values.name}
              error={errorFor(errors, 'name')}
              maxlength={100}
            />
            <SelectField
              m={m}
              id="region"
              name="region"
              label={t.region}
              placeholder={t.chooseRegion}
              options={regions.map((r) => ({ value: r, label: regionText(r) }))}
              value={values.region}
              error={errorFor(errors, 'region')}
            />
            <SelectField
              m={m}
              id="organisationId"
              name="organisationId"
              label={t.organisation}
              placeholder={t.chooseOrganisation}
              options={organisations.map((o) => ({ value: o.organisationId, label: o.name }))}
              value={values.organisationId}
              error={errorFor(errors, 'organisationId')}
            />
            <TextField
              m={m}
              id="recognisedOn"
              name="recognisedOn"
              label={t.recognisedOn}
              hint={t.recognisedOnHint}
              type="date"
              width="medium"
              value={values.recognisedOn}
              error={errorFor(errors, 'recognisedOn')}
            />
            <div class="actions">
              <button type="submit" class="btn btn-primary">
                {t.save}
              </button>
            </div>
          </form>
        </Card>
      ) : null}
    </>,
    status,
  );
}

export const basesGet = (c: Ctx) => basesPage(c);

export async function basePosted(c: Ctx) {
  const form = await readForm(c);
  const values = {
    kind: form.text('kind'),
    name: form.text('name'),
    region: form.text('region'),
    organisationId: form.text('organisationId'),
    recognisedOn: form.date('recognisedOn'),
  };
  const input = {
    kind: values.kind,
    name: values.name,
    region: values.region,
    ...(values.organisationId ? { organisationId: values.organisationId } : {}),
    ...(values.recognisedOn ? { recognisedOn: values.recognisedOn } : {}),
  };
  try {
    await addTargetBase(c.var.ctx, input, keyOf(form.text('_key')));
    return c.redirect(`${mapTabPath('bases')}?done=saved`, 303);
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof Invalid) return basesPage(c, fieldErrors(refusal.fields), values, 400);
    throw error;
  }
}

export async function baseRemovePosted(c: Ctx) {
  const id = pathId(c, 'baseId');
  const form = await readForm(c);
  try {
    await removeTargetBase(c.var.ctx, id, formVersion(form.text('version')) ?? 0);
    return c.redirect(`${mapTabPath('bases')}?done=removed`, 303);
  } catch (error) {
    if (asRefusal(error) instanceof Stale)
      return basesPage(c, [{ field: 'bases', message: c.var.m.targetMap.stale }], {}, 400);
    throw error;
  }
}

/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */

import {
  asRefusal,
  endPosting,
  getPerson,
  Invalid,
  NotFound,
  POSTING_READERS,
  POSTING_WRITERS,
  permits,
  personPostings,
  postingPlaces,
  postStaff,
  Stale,
} from '@shegong/core';
import type { BureauMap, PostingView } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formVersion, readForm } from '../../forms/form.ts';
import { FORM_KEY } from '../../forms/idempotency.ts';
import { formatDate } from '../../i18n/index.ts';
import {
  Card,
  CsrfInput,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  Table,
  Tag,
  TextField,
} from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { render } from '../../layout/render.ts';
import { RuleBadge } from '../../layout/rule-badge.tsx';
import { Shell, signedIn } from '../../layout/shell.tsx';
import { randomToken } from '../../security/csrf.ts';

/**
 * 服务社区 (issue 13): where a staff member serves, on their page (/org/staff/:personId), and the
 * forms that post them to a community of the city's map and end a posting. The community picker
 * is a select grouped by county and township, so it works without JavaScript.
 */

const STAFF = '/org/staff';
export const postingsPath = (personId: string) => `${STAFF}/${personId}/postings`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Ctx = Context<PageEnv>;
type Places = Pick<BureauMap, 'city' | 'townships' | 'communities'>;

interface PostingsProps {
  c: Ctx;
  personId: string;
  postings: readonly PostingView[];
  places: Places;
  writer: boolean;
  errors?: readonly FieldError[];
  values?: Record<string, string>;
}

/** The community select: optgroups of county · township, options of its communities. */
function CommunityPicker(props: { c: Ctx; places: Places; value?: string | undefined; error?: string | undefined }) {
  const { c, places } = props;
  const t = c.var.m.targetMap;
  const m = c.var.m;
  return (
    <div class={`field${props.error ? ' field-has-error' : ''}`}>
      <label class="label" for="community">
        {t.community}
      </label>
      <p class="hint" id="community-hint">
        {t.communityHint}
      </p>
      {props.error ? (
        <p class="field-error" id="community-error">
          <span class="visually-hidden">{m.errors.prefix}</span>
          {props.error}
        </p>
      ) : null}
      <select
        class="select"
        id="community"
        name="community"
        aria-describedby={props.error ? 'community-hint community-error' : 'community-hint'}
        aria-invalid={props.error ? 'true' : undefined}
      >
        <option value="">{t.chooseCommunity}</option>
        {places.townships.map((township) => (
          <optgroup label={`${regionName(township.county, c.var.lang)} · ${township.name}`}>
            {places.communities
              .filter((x) => x.township === township.code)
              .map((x) => (
                <option value={x.code} selected={x.code === props.value}>
                  {x.name}（{t.communityKinds[x.kind]}）
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/** The person's postings and, for hr and admin, the form to post them (and end a running one). */
export function PostingsSection(props: PostingsProps) {
  const { c, personId, postings, places, writer } = props;
  const m = c.var.m;
  const t = m.targetMap;
  const errors = props.errors ?? [];
  const today = c.var.ctx.clock.today();
  const date = (d?: string) => (d ? formatDate(d, c.var.lang) : '—');
  const where = (p: PostingView) =>
    [p.county ? regionName(p.county, c.var.lang) : '', p.townshipName ?? '', p.communityName ?? p.community]
      .filter(Boolean)
      .join(' · ');
  const notice = c.req.query('posting');
  return (
    <Card
      title={t.postingsTitle}
      id="postings"
      extra={
        <span class="figure">
          <RuleBadge rules={m.policyRules} rule="P-T2" /> <RuleBadge rules={m.policyRules} rule="P-T7" />
        </span>
      }
    >
      <p class="hint">{t.postingsLead}</p>
      {notice === 'posted' ? <Notice tone="success">{t.posted}</Notice> : null}
      {notice === 'ended' ? <Notice tone="success">{t.ended}</Notice> : null}
      <Table
        caption={t.postingsTitle}
        columns={[t.community, t.from, t.until, '']}
        empty={postings.length ? undefined : t.noPostings}
      >
        {postings.map((p) => {
          const running = p.until === undefined || p.until >= today;
          return (
            <tr>
              <td data-label={t.community}>{where(p)}</td>
              <td data-label={t.from}>{date(p.from)}</td>
              <td data-label={t.until}>{p.until ? date(p.until) : <Tag tone="green">{t.running}</Tag>}</td>
              <td>
                {writer && running ? (
                  <form method="post" action={`${postingsPath(personId)}/${p.id}/end`} class="inline-form">
                    <CsrfInput token={c.var.csrfToken} />
                    <input type="hidden" name="version" value={String(p.version)} />
                    <label class="visually-hidden" for={`until-${p.id}`}>
                      {t.endOn}
                    </label>
                    <input class="input input-medium" type="date" id={`until-${p.id}`} name="until" value={today} />{' '}
                    <button type="submit" class="btn">
                      {t.end}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          );
        })}
      </Table>
      {writer ? (
        places.communities.length ? (
          <details class="record-form" open={errors.length > 0}>
            <summary class="btn">{t.postTitle}</summary>
            <form method="post" action={postingsPath(personId)} novalidate>
              <CsrfInput token={c.var.csrfToken} />
              <input type="hidden" name="_key" value={randomToken()} />
              <CommunityPicker
                c={c}
                places={places}
                value={props.values?.community}
                error={errorFor(errors, 'community')}
              />
              <TextField
                m={m}
                id="from"
                name="from"
                label={t.from}
                type="date"
                width="medium"
                value={props.values?.from ?? today}
                error={errorFor(errors, 'from')}
              />
              <TextField
                m={m}
                id="until"
                name="until"
                label={t.until}
                type="date"
                width="medium"
                value={props.values?.until}
                error={errorFor(errors, 'until')}
              />
              <div class="actions">
                <button type="submit" class="btn btn-primary">
                  {t.post}
                </button>
              </div>
            </form>
          </details>
        ) : (
          <p class="hint">{t.noMap}</p>
        )
      ) : null}
    </Card>
  );
}

/**
 * The section for a person's page, or null where the reader may not see postings (an incubation
 * base's own project: postings are an organisation's, core/targets/postings.ts).
 */
export async function postingsFor(c: Ctx, personId: string) {
  if (!permits(POSTING_READERS, c.var.principal)) return null;
  const [postings, places] = await Promise.all([personPostings(c.var.ctx, personId), postingPlaces(c.var.ctx)]);
  return (
    <PostingsSection
      c={c}
      personId={personId}
      postings={postings}
      places={places}
      writer={permits(POSTING_WRITERS, c.var.principal)}
    />
  );
}

function personIdOf(c: Ctx): string {
  const id = c.req.param('personId') ?? '';
  if (!UUID.test(id)) throw new NotFound('There is nothing at this address');
  return id;
}

/** A refused posting form, on a page of its own (one task per page) with the person's postings. */
async function postingPage(
  c: Ctx,
  personId: string,
  errors: FieldError[],
  values: Record<string, string>,
  status: 400 | 409,
) {
  const [person, postings, places] = await Promise.all([
    getPerson(c.var.ctx, personId),
    personPostings(c.var.ctx, personId),
    postingPlaces(c.var.ctx),
  ]);
  const m = c.var.m;
  return render(
    c,
    <Shell
      c={c}
      who={await signedIn(c)}
      title={m.targetMap.postingPageTitle(person.name)}
      crumbs={[
        { label: m.staff.title, href: STAFF },
        { label: person.name, href: `${STAFF}/${personId}` },
      ]}
      here={postingsPath(personId)}
    >
      <ErrorSummary m={m} errors={errors} />
      <PostingsSection
        c={c}
        personId={personId}
        postings={postings}
        places={places}
        writer
        errors={errors}
        values={values}
      />
    </Shell>,
    status,
  );
}

export async function postingPosted(c: Ctx) {
  const personId = personIdOf(c);
  const form = await readForm(c);
  const t = c.var.m.targetMap;
  const values = { community: form.text('community'), from: form.date('from'), until: form.date('until') };
  const input = {
    community: values.community,
    from: values.from,
    ...(values.until ? { until: values.until } : {}),
  };
  const key = FORM_KEY.test(form.text('_key')) ? form.text('_key') : undefined;
  try {
    await postStaff(c.var.ctx, personId, input, key);
    return c.redirect(`${STAFF}/${personId}?posting=posted#postings`, 303);
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof Invalid)
      return postingPage(
        c,
        personId,
        refusal.fields.map((p) => {
          const field = p.path.split('/')[1] || 'community';
          const message =
            field === 'community'
              ? t.unknownCommunity
              : field === 'until' && values.until && values.until < values.from
                ? t.endBeforeStart
                : p.message;
          return { field, message };
        }),
        values,
        400,
      );
    if (refusal instanceof Stale)
      return postingPage(c, personId, [{ field: 'community', message: t.stale }], values, 409);
    throw error;
  }
}

export async function postingEndPosted(c: Ctx) {
  const personId = personIdOf(c);
  const postingId = c.req.param('postingId') ?? '';
  if (!UUID.test(postingId)) throw new NotFound('There is nothing at this address');
  const form = await readForm(c);
  const t = c.var.m.targetMap;
  try {
    await endPosting(
      c.var.ctx,
      personId,
      postingId,
      { until: form.date('until') },
      formVersion(form.text('version')) ?? 0,
    );
    return c.redirect(`${STAFF}/${personId}?posting=ended#postings`, 303);
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal instanceof Invalid)
      return postingPage(
        c,
        personId,
        [
          {
            field: `until-${postingId}`,
            message: refusal.fields[0]?.code === 'beforeStart' ? t.endBeforeStart : refusal.message,
          },
        ],
        {},
        400,
      );
    if (refusal instanceof Stale) return postingPage(c, personId, [{ field: 'postings', message: t.stale }], {}, 409);
    throw error;
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppRoute, appRoutes, fillPath } from '../support/routes.ts';
import { SEEDED_ACTUAL_MONTH, type SeededTenant, World } from '../support/world.ts';

/**
 * A `multipart/form-data` body that cannot be read (no boundary, or not the boundary its
 * Content-Type names) is bad input, never a fault of ours: the API answers 400 problem+json naming
 * the body, and every page post answers its 400 page saying the form could not be read, signed in
 * or not, before anything else reads it. Nothing is written.
 */

const world = await World.create('malformed-bodies');
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

/** A form that names one boundary in its body and another (or none) in its Content-Type. */
const FORM = [
  '--the-real-boundary',
  'Content-Disposition: form-data; name="file"; filename="roster.csv"',
  'Content-Type: text/csv',
  '',
  '姓名,身份证号',
  '--the-real-boundary--',
  '',
].join('\r\n');

const BROKEN_TYPES = {
  'no boundary': 'multipart/form-data',
  'an empty boundary': 'multipart/form-data; boundary=',
  'another boundary': 'multipart/form-data; boundary=not-the-one-in-the-body',
};

const hr = () => world.user('orgA', 'hr');

describe('POST /v1/imports with a multipart body that cannot be read', () => {
  it.each(Object.entries(BROKEN_TYPES))('answers 400 problem+json naming the body, with %s', async (_, type) => {
    const before = await world.table.snapshot();
    const response = await world.request('POST', '/v1/imports', {
      as: hr(),
      body: FORM,
      headers: { 'Content-Type': type, 'Idempotency-Key': 'broken-multipart-1' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { errors?: { path: string }[] };
    expect(problem.errors?.map((e) => e.path)).toEqual(['body']);
    expect(await world.table.snapshot()).toBe(before);
  });

  it('still reads the same form with its own boundary (the file is checked: 422, not 400)', async () => {
    const response = await world.request('POST', '/v1/imports', {
      as: hr(),
      body: FORM,
      headers: { 'Content-Type': 'multipart/form-data; boundary=the-real-boundary' },
    });
    expect(response.status).toBe(422);
  });
});

describe('a JSON route sent a multipart body that cannot be read', () => {
  it.each([
    ['POST', '/v1/people'],
    ['POST', '/v1/contracts/preview'],
  ])('%s %s refuses it with a problem, not a 500', async (method, path) => {
    const response = await world.request(method, path, {
      as: world.user('orgA'),
      body: FORM,
      headers: { 'Content-Type': BROKEN_TYPES['no boundary'] },
    });
    expect([400, 415]).toContain(response.status);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  });
});

describe('the incubation routes sent a multipart body that cannot be read', () => {
  const cases: [string, () => string, string | undefined][] = [
    [
      'the public submission, signed out',
      () => `/v1/incubation/bases/${world.tenant('incubatorA').id}/applications`,
      undefined,
    ],
    ['the operator’s record', () => '/v1/incubation/applications', 'operator'],
  ];
  it.each(cases)('%s: a problem, not a 500, and nothing written', async (_, path, role) => {
    const before = await world.table.snapshot();
    const response = await world.request('POST', path(), {
      ...(role ? { as: world.user('incubatorA', role) } : {}),
      body: FORM,
      headers: { 'Content-Type': BROKEN_TYPES['no boundary'] },
    });
    expect([400, 415]).toContain(response.status);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(await world.table.snapshot()).toBe(before);
  });
});

/** Values for every page's path parameters: organisation A's own, so each route is really reached. */
function pagePath(route: AppRoute, org: SeededTenant): string {
  const values: Record<string, string> = {
    contractId: org.contracts?.signed ?? '',
    personId: org.people[0] ?? '',
    userId: org.users[1]?.id ?? '',
    invitationId: org.invitation.id,
    tenantId: org.id,
    token: org.invitation.token,
    month: SEEDED_ACTUAL_MONTH,
    submissionId: org.submissions?.[0] ?? '',
    // A bureau's evaluation of organisation A's contract (the page reads the form before anything else).
    organisationId: org.id,
    // A finding bureau A raised on organisation A's signed contract (world.seedRectifications).
    rectificationId: org.rectifications?.[0] ?? '',
    // The incubation pages (issue 12) read the form before their ids: any id reaches them.
    applicationId: org.id,
    incubationId: org.id,
    incubatorId: org.id,
    // An incubation record and a milestone of its checklist (the form is read before either).
    milestoneId: 'governance',
    // Award and internship claims (issue 13): their moves read the form before the claim, and an
    // award claim's read the id's shape first: any UUID reaches them.
    claimId: org.id,
    // The map's and postings' pages (issue 13) read the form before they look anything up.
    stationId: org.id,
    baseId: org.id,
    postingId: org.id,
    communityCode: '450602001001',
    townshipCode: '450602001',
  };
  return fillPath(route.path, values);
}

describe('every page post with a multipart body that cannot be read', () => {
  const posts = async () => (await appRoutes(world.app)).filter((r) => r.surface === 'page' && r.method === 'POST');

  it('covers the page posts of every area (the route table has them)', async () => {
    const paths = (await posts()).map((r) => r.path);
    expect(paths.length).toBeGreaterThan(20);
    for (const area of ['/auth/', '/my/organisation/', '/platform/', '/invite/', '/org/staff/', '/org/contracts/'])
      expect(paths.some((p) => p.startsWith(area))).toBe(true);
  });

  for (const who of ['signed out', 'signed in'] as const) {
    it(`answers each with the 400 page that says the form could not be read, ${who}`, async () => {
      const org = world.tenant('orgA');
      const token = who === 'signed in' ? await world.token(world.user('orgA')) : undefined;
      const cookies = [
        `${world.cookies.name('csrf')}=${world.csrfToken}`,
        ...(token ? [`${world.cookies.name('session')}=${token}`] : []),
      ].join('; ');
      const before = await world.table.snapshot();
      const answers: string[] = [];
      for (const route of await posts()) {
        for (const type of Object.values(BROKEN_TYPES)) {
          const response = await world.app.request(pagePath(route, org), {
            method: 'POST',
            headers: {
              Accept: 'text/html',
              Cookie: cookies,
              'Content-Type': type,
              'Sec-Fetch-Site': 'same-origin',
              Origin: world.publicBaseUrl,
            },
            body: FORM,
          });
          const html = await response.text();
          answers.push(
            `${route.name} [${type}]: ${response.status} ${html.includes('无法读取这次提交') ? 'unreadable form' : ''}`,
          );
        }
      }
      expect(answers.filter((a) => !a.endsWith(': 400 unreadable form'))).toEqual([]);
      expect(await world.table.snapshot()).toBe(before);
    });
  }
});

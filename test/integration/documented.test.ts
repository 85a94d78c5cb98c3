import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiDescription, openApiDocument, type SeenResponse } from '../support/documented.ts';
import { World } from '../support/world.ts';

/**
 * The check every /v1 answer of the suite passes in World.request (support/documented.ts): it
 * must also fail, on an undocumented field, a wrong type, a missing field or status, or passing
 * it would mean nothing.
 */

const world = await World.create('documented', { pages: false });
const description = new ApiDescription(await openApiDocument(world.app));
beforeAll(async () => {
  await world.seed();
});
afterAll(() => world.dispose());

/** A real answer of the API, as the check reads it. */
async function answer(path: string, as = world.user('orgA')): Promise<SeenResponse> {
  const response = await world.request('GET', path, { as });
  const contentType = response.headers.get('Content-Type') ?? '';
  return { status: response.status, contentType, json: await response.json() };
}

const personPath = () => `/v1/people/${world.tenant('orgA').people[0]}`;
type Json = Record<string, unknown>;
const changed = (seen: SeenResponse, change: (body: Json) => void): SeenResponse => {
  const json = structuredClone(seen.json) as Json;
  change(json);
  return { ...seen, json };
};
const problemsOf = (path: string, seen: SeenResponse) => description.check('GET', path, seen).problems;

describe('the check of an answer against /v1/openapi.json', () => {
  it('passes a person as the API answers them, with today’s summary', async () => {
    const person = await answer(personPath());
    expect(person.status).toBe(200);
    expect((person.json as Json).summary).toBeDefined();
    expect(description.check('GET', personPath(), person)).toEqual({
      name: 'GET /people/{personId} 200',
      problems: [],
    });
  });

  it('fails a field the document does not declare, at the top and inside a component', async () => {
    const person = await answer(personPath());
    expect(
      problemsOf(
        personPath(),
        changed(person, (p) => Object.assign(p, { nickname: '小梅' })),
      ),
    ).toEqual(['/: has `nickname`, which the document does not declare']);
    const deep = changed(person, (p) => Object.assign((p.certificates as Json[])[0]!, { verified: true }));
    expect(problemsOf(personPath(), deep)).toEqual([
      '/certificates/0: has `verified`, which the document does not declare',
    ]);
  });

  it('fails a wrong type', async () => {
    const person = await answer(personPath());
    const text = changed(person, (p) => Object.assign((p.summary as { pay: Json }).pay, { floor: '3200.00' }));
    expect(problemsOf(personPath(), text)).toEqual([expect.stringMatching(/^\/summary\/pay\/floor: must be integer/)]);
  });

  it('fails a missing required field', async () => {
    const person = await answer(personPath());
    const nameless = changed(person, (p) => {
      delete p.name;
    });
    expect(problemsOf(personPath(), nameless)).toEqual(['/: lacks `name`, which the document requires']);
  });

  it('fails a problem with a member RFC 9457 gives it but the document does not, and a status it does not list', async () => {
    const refused = await answer('/v1/me', world.user('orgA', 'staff'));
    expect(refused.status).toBe(200);
    const unsigned = await world.request('GET', '/v1/me');
    const problem: SeenResponse = {
      status: unsigned.status,
      contentType: unsigned.headers.get('Content-Type') ?? '',
      json: await unsigned.json(),
    };
    expect(problemsOf('/v1/me', problem)).toEqual([]);
    expect(
      problemsOf(
        '/v1/me',
        changed(problem, (p) => Object.assign(p, { stack: 'at …' })),
      ),
    ).toEqual(['/: has `stack`, which the document does not declare']);
    expect(problemsOf('/v1/me', { ...problem, status: 418 })).toEqual(['GET /me 418 is not documented']);
  });
});

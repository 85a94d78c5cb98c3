import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  addCertificate,
  addContinuingEducation,
  addPerson,
  getPerson,
  listPeople,
  PEOPLE_KEEPERS,
  PEOPLE_READERS,
  removePerson,
  replacePerson,
} from '@shegong/core';
import {
  Certificate,
  CheckedPersonInput,
  ContinuingEducation,
  Person,
  type PersonInput,
  PersonView,
  RuleSetRef,
  ruleSetRefOf,
  STAFF_FLAGS,
  STAFF_SORTS,
} from '@shegong/domain';
import { authorize } from '../auth/access.ts';
import type { AppEnv } from '../env.ts';
import { idempotencyKey, replayHeaders } from '../idempotency.ts';
import {
  bodyResponses,
  errorResponses,
  IdParam,
  idempotencyHeader,
  ifMatchHeader,
  jsonBody,
  keyInFlightResponse,
  listQuery,
  Page,
  reusedKeyResponse,
  updateResponses,
} from '../schemas.ts';
import { etag, expectedVersion } from '../versioning.ts';

const EXAMPLE_PERSON: PersonInput = {
  name: '黄小梅',
  idCardNumber: '450602199003070021',
  phone: '13977012345',
  education: { level: 'bachelor', socialWorkMajor: true },
  employmentType: 'contract',
  monthlyPay: 3_600_00,
  employment: [{ employer: '港口区阳光社会工作服务中心', region: '450602', start: '2021-03-01', socialWork: true }],
  certificates: [
    {
      level: 'assistant',
      number: 'Z2021450600123',
      obtainedOn: '2021-06-20',
      registeredOn: '2021-09-01',
      registrationExpiresOn: '2024-09-01',
    },
  ],
  continuingEducation: [{ date: '2026-03-15', tenthHours: 120, provider: '防城港市民政局', topic: '个案管理实务' }],
};

// The create example holds no certificate: a certificate number is unique platform-wide, so an
// example that any organisation may send twice must not claim one (certificates have their own route).
const PERSON_EXAMPLE: PersonInput = { ...EXAMPLE_PERSON, certificates: [] };
/** A replacement's example: another person's numbers. */
const REPLACEMENT_EXAMPLE: PersonInput = {
  ...EXAMPLE_PERSON,
  name: '陆海燕',
  idCardNumber: '450621199501010215',
  monthlyPay: 4_200_00,
  certificates: [{ level: 'social_worker', number: 'Z2022450600456', obtainedOn: '2022-06-19' }],
};
const PersonBody = CheckedPersonInput.meta({ id: 'PersonInput' });
const CERTIFICATE_EXAMPLE: Certificate = {
  level: 'social_worker',
  number: 'Z2024450600777',
  obtainedOn: '2024-06-23',
  registeredOn: '2024-09-01',
};
const CONTINUING_EDUCATION_EXAMPLE: ContinuingEducation = {
  date: '2026-05-20',
  tenthHours: 65,
  provider: '广西社会工作协会',
  topic: '社区矛盾调解',
};

/** A page of the registry, with the rule set its summaries use. */
const StaffList = Page(PersonView)
  .extend({
    today: z.string().openapi({ description: 'The day the summaries are for (China time)' }),
    ruleSet: RuleSetRef.nullable().openapi({
      description: 'The rule set the summaries use; null when none is in force for the region today',
    }),
    notice: z.string().optional(),
  })
  .openapi('StaffList');

const ListQuery = listQuery(STAFF_SORTS, 'the name or a certificate number').extend({
  flag: z
    .enum(STAFF_FLAGS)
    .optional()
    .openapi({ description: 'Only people with this flag (pages stay full)', example: 'below-floor' }),
});

const personId = IdParam('personId', '5b7a4c1e-2f3d-4e5a-9b8c-7d6e5f4a3b2c');

const NO_RULE_SET =
  'No rule set is in force for your region today, so pay floors, hours and registrations are not checked';

export const people = new OpenAPIHono<AppEnv>()
  .openapi(
    createRoute({
      method: 'get',
      path: '/people',
      summary: 'List the staff of my organisation with what the registry says about each',
      description:
        'By name (pinyin order) unless `sort=registrationExpiry` (the registration the list shows: a flagged one, else the last certificate’s; people without one last). `q` searches names and certificate numbers, `flag` keeps the people with that flag. Every page but the last is full; follow `cursor` with the same `flag`, `q`, `sort` and `order`.',
      tags: ['people'],
      middleware: [authorize(PEOPLE_READERS)] as const,
      request: { query: ListQuery },
      responses: {
        200: { description: 'A page of people', content: { 'application/json': { schema: StaffList } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { q, ...query } = c.req.valid('query');
      const { rules, ...page } = await listPeople(c.var.ctx, { ...query, ...(q ? { search: q } : {}) });
      return c.json(
        {
          today: rules.today,
          ruleSet: rules.ruleSet ? ruleSetRefOf(rules.ruleSet) : null,
          ...(rules.ruleSet ? {} : { notice: NO_RULE_SET }),
          ...page,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/people',
      summary: 'Add a person to the staff registry',
      tags: ['people'],
      middleware: [authorize(PEOPLE_KEEPERS)] as const,
      request: {
        headers: idempotencyHeader,
        body: jsonBody(PersonBody, PERSON_EXAMPLE),
      },
      responses: {
        201: { description: 'Added', content: { 'application/json': { schema: Person } } },
        ...updateResponses,
        ...keyInFlightResponse(
          'Someone in the organisation already has this ID-card number, or a certificate number is taken',
        ),
        ...bodyResponses,
        ...reusedKeyResponse,
      },
    }),
    async (c) => {
      const { person, replayed } = await addPerson(c.var.ctx, c.req.valid('json'), idempotencyKey(c));
      return c.json(person, 201, { ETag: etag(person.version), ...replayHeaders(replayed) });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/people/{personId}',
      summary: 'One person of my organisation, with what the registry says about them today',
      tags: ['people'],
      middleware: [authorize(PEOPLE_READERS)] as const,
      request: { params: personId },
      responses: {
        200: { description: 'The person', content: { 'application/json': { schema: PersonView } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const person = await getPerson(c.var.ctx, c.req.valid('param').personId as string);
      return c.json(person, 200, { ETag: etag(person.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/people/{personId}',
      summary: 'Replace a person’s record',
      tags: ['people'],
      middleware: [authorize(PEOPLE_KEEPERS)] as const,
      request: {
        params: personId,
        headers: ifMatchHeader,
        body: jsonBody(PersonBody, REPLACEMENT_EXAMPLE),
      },
      responses: {
        200: { description: 'Replaced', content: { 'application/json': { schema: Person } } },
        ...updateResponses,
        ...bodyResponses,
      },
    }),
    async (c) => {
      const version = expectedVersion(c);
      const id = c.req.valid('param').personId as string;
      const person = await replacePerson(c.var.ctx, id, version, c.req.valid('json'));
      return c.json(person, 200, { ETag: etag(person.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/people/{personId}',
      summary: 'Remove a person from the registry (frees their ID-card and certificate numbers)',
      tags: ['people'],
      middleware: [authorize(PEOPLE_KEEPERS)] as const,
      request: { params: personId, headers: ifMatchHeader },
      responses: { 204: { description: 'Removed' }, ...updateResponses },
    }),
    async (c) => {
      const version = expectedVersion(c);
      await removePerson(c.var.ctx, c.req.valid('param').personId as string, version);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/people/{personId}/continuing-education',
      summary: 'Record a continuing-education entry for a person (P-R2, N-5)',
      tags: ['people'],
      middleware: [authorize(PEOPLE_KEEPERS)] as const,
      request: {
        params: personId,
        headers: ifMatchHeader,
        body: jsonBody(ContinuingEducation, CONTINUING_EDUCATION_EXAMPLE),
      },
      responses: {
        200: { description: 'Recorded', content: { 'application/json': { schema: Person } } },
        ...updateResponses,
        ...bodyResponses,
      },
    }),
    async (c) => {
      const version = expectedVersion(c);
      const id = c.req.valid('param').personId as string;
      const person = await addContinuingEducation(c.var.ctx, id, version, c.req.valid('json'));
      return c.json(person, 200, { ETag: etag(person.version) });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/people/{personId}/certificates',
      summary: 'Add a certificate to a person (its number must be new on the platform)',
      tags: ['people'],
      middleware: [authorize(PEOPLE_KEEPERS)] as const,
      request: {
        params: personId,
        headers: ifMatchHeader,
        body: jsonBody(Certificate, CERTIFICATE_EXAMPLE),
      },
      responses: {
        200: { description: 'Added', content: { 'application/json': { schema: Person } } },
        ...updateResponses,
        ...bodyResponses,
      },
    }),
    async (c) => {
      const version = expectedVersion(c);
      const id = c.req.valid('param').personId as string;
      const person = await addCertificate(c.var.ctx, id, version, c.req.valid('json'));
      return c.json(person, 200, { ETag: etag(person.version) });
    },
  );

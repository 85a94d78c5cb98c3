import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';

/**
 * Whether a /v1 response is what the API's own OpenAPI document says it is (DESIGN.md "API
 * conventions": the API documents every field it returns). The document is the one the app serves,
 * so it is checked as a client would read it; every object in it is closed for the check alone
 * (`unevaluatedProperties: false`), so a field the document does not declare fails like a wrong
 * type or a missing required field does.
 */

type JsonSchema = { [keyword: string]: unknown };

interface MediaType {
  schema?: JsonSchema;
}
interface DocumentedStatus {
  description?: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  responses?: Record<string, DocumentedStatus>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** The document as the app serves it (its route is public; it reads no tenant data). */
export async function openApiDocument(app: { request(path: string): Response | Promise<Response> }) {
  const response = await app.request('/v1/openapi.json');
  if (response.status !== 200)
    throw new Error(`GET /v1/openapi.json answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as OpenApiDocument;
}

/** A documented response of the API: `GET /contracts/{contractId} 200`. */
export type ResponseName = `${string} ${string} ${string}`;

/** Where the check keeps the document's components: `#/components/schemas/X` is `COMPONENTS#/$defs/X`. */
const COMPONENTS = 'https://shegong.test/v1/openapi.json/components';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Keywords a schema holds to describe more than it checks: each of them applies to one value. */
const SUBSCHEMA = ['items', 'not', 'if', 'then', 'else', 'contains', 'additionalProperties', 'propertyNames'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

/**
 * A copy of a schema with every object that lists its properties closed: what it does not list is
 * refused. An object that says itself what else it takes (`additionalProperties`) keeps its word.
 * An object built by `allOf` of a component and more properties cannot be closed this way (the
 * component, closed on its own, would refuse the additions): the check refuses such a document,
 * so a schema is built in one piece instead.
 */
export function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: JsonSchema = { ...(schema as JsonSchema) };
  for (const keyword of SUBSCHEMA) if (keyword in copy) copy[keyword] = closed(copy[keyword]);
  for (const keyword of SUBSCHEMA_LISTS) if (Array.isArray(copy[keyword])) copy[keyword] = closed(copy[keyword]);
  for (const keyword of SUBSCHEMA_MAPS) {
    const map = copy[keyword];
    if (typeof map === 'object' && map !== null)
      copy[keyword] = Object.fromEntries(Object.entries(map).map(([name, s]) => [name, closed(s)]));
  }
  if (Array.isArray(copy.allOf) && copy.allOf.some((s) => typeof s === 'object' && s !== null && 'properties' in s))
    throw new Error(`an object extends another by allOf, which the check cannot close: ${JSON.stringify(schema)}`);
  if ('properties' in copy && !('additionalProperties' in copy) && !('unevaluatedProperties' in copy))
    copy.unevaluatedProperties = false;
  return copy;
}

/** The document's references to its components, pointed at where the check keeps them. */
function rehomed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rehomed);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string'
        ? value.replace(/^#\/components\/schemas\//, `${COMPONENTS}#/$defs/`)
        : rehomed(value),
    ]),
  );
}

/** A path of the document as a pattern: its literal segments, and where it takes a parameter. */
interface PathPattern {
  template: string;
  segments: (string | null)[];
}

const patternOf = (template: string): PathPattern => ({
  template,
  segments: template
    .split('/')
    .slice(1)
    .map((s) => (/^\{[^}]+\}$/.test(s) ? null : s)),
});

/** Of two patterns that match one path, the one whose first difference is a literal segment wins. */
function moreSpecific(a: PathPattern, b: PathPattern): number {
  for (let i = 0; i < a.segments.length; i++) {
    const literalA = a.segments[i] !== null;
    const literalB = b.segments[i] !== null;
    if (literalA !== literalB) return literalA ? -1 : 1;
  }
  return 0;
}

function describeError(error: ErrorObject): string {
  const at = error.instancePath || '/';
  const undeclared = error.params.unevaluatedProperty ?? error.params.additionalProperty;
  if (undeclared !== undefined) return `${at}: has \`${String(undeclared)}\`, which the document does not declare`;
  if (error.keyword === 'required')
    return `${at}: lacks \`${String(error.params.missingProperty)}\`, which the document requires`;
  return `${at}: ${error.message ?? error.keyword} (schema ${error.schemaPath})`;
}

export interface ResponseCheck {
  /** The documented route and status it was checked against; absent when the path is no documented route. */
  name?: ResponseName;
  /** What does not match, one line each; empty when the response is as documented. */
  problems: string[];
}

/** A response as the check reads it: its status, media type and, for JSON, the parsed body. */
export interface SeenResponse {
  status: number;
  contentType: string;
  /** The parsed body of a JSON or problem+json response; absent for any other. */
  json?: unknown;
}

export const isJson = (contentType: string) => /^application\/(problem\+)?json\b/.test(contentType);

/** The API's document, compiled for checking responses against it. */
export class ApiDescription {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true, validateFormats: false });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly patterns: PathPattern[];
  /** The documented responses seen so far (route and status). */
  readonly seen = new Set<ResponseName>();

  constructor(readonly doc: OpenApiDocument) {
    // Keywords OpenAPI adds to JSON Schema: they describe, they do not constrain a value.
    this.ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
    this.ajv.addSchema(rehomed(closed({ $id: COMPONENTS, $defs: doc.components?.schemas ?? {} })) as JsonSchema);
    this.patterns = Object.keys(doc.paths).map(patternOf);
  }

  /** Every documented response (route and status). */
  responses(): ResponseName[] {
    return Object.entries(this.doc.paths).flatMap(([template, operations]) =>
      METHODS.flatMap((method) =>
        Object.keys(operations[method]?.responses ?? {}).map(
          (status): ResponseName => `${method.toUpperCase()} ${template} ${status}`,
        ),
      ),
    );
  }

  /** The documented path a request path (under /v1) takes, as the app's own routing would. */
  template(method: string, path: string): string | undefined {
    const segments = path
      .replace(/^\/v1(?=\/)/, '')
      .split('/')
      .slice(1);
    const matching = this.patterns.filter(
      (p) =>
        p.segments.length === segments.length &&
        p.segments.every((s, i) => s === null || s === segments[i]) &&
        this.doc.paths[p.template]?.[method.toLowerCase()] !== undefined,
    );
    return matching.sort(moreSpecific)[0]?.template;
  }

  /**
   * Checks a response against what the document says of its route and status: the status must be
   * documented, with the response's media type; a JSON body must match its schema. A path that is
   * no documented operation (an unknown address, the document itself) is not checked.
   */
  check(method: string, url: string, response: SeenResponse): ResponseCheck {
    const template = this.template(method, new URL(url, 'http://localhost').pathname);
    if (!template) return { problems: [] };
    const name: ResponseName = `${method.toUpperCase()} ${template} ${response.status}`;
    this.seen.add(name);
    const documented = this.doc.paths[template]?.[method.toLowerCase()]?.responses?.[String(response.status)];
    if (!documented) return { name, problems: [`${name} is not documented`] };
    const mediaType = response.contentType.split(';')[0]?.trim() ?? '';
    if (!mediaType) return { name, problems: [] };
    const schema = documented.content?.[mediaType]?.schema;
    if (!schema) return { name, problems: [`${name} documents no ${mediaType} body`] };
    if (!isJson(mediaType)) return { name, problems: [] };
    const validate = this.validator(`${name} ${mediaType}`, schema);
    if (validate(response.json)) return { name, problems: [] };
    return { name, problems: [...new Set((validate.errors ?? []).map(describeError))] };
  }

  private validator(key: string, schema: JsonSchema): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(rehomed(closed(schema)) as JsonSchema);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/** What one test file saw of the documented responses, kept for the run's closing report. */
interface SeenFile {
  documented: ResponseName[];
  seen: ResponseName[];
}

export function recordSeen(dir: string, file: string, description: ApiDescription): void {
  const seen: SeenFile = { documented: description.responses(), seen: [...description.seen] };
  writeFileSync(join(dir, `${file}.json`), JSON.stringify(seen));
}

/**
 * The documented responses no test file of the run saw, by route: `GET /ladder/export: 400, 404`.
 * Empty when no file recorded anything (a run without the API's tests).
 */
export function unseenResponses(dir: string): string[] {
  const files = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SeenFile);
  const seen = new Set(files.flatMap((f) => f.seen));
  const byRoute = new Map<string, string[]>();
  for (const name of new Set(files.flatMap((f) => f.documented))) {
    if (seen.has(name)) continue;
    const status = name.slice(name.lastIndexOf(' ') + 1);
    const route = name.slice(0, name.lastIndexOf(' '));
    byRoute.set(route, [...(byRoute.get(route) ?? []), status]);
  }
  return [...byRoute].map(([route, statuses]) => `${route}: ${statuses.join(', ')}`);
}

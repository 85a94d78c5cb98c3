import { patternsOf, REGION } from './families.ts';

/**
 * The data-access role's statements, built from the key families (families.ts): the CDK role
 * (infra/lib/data-access.ts) is made of exactly these, and the policy tests evaluate exactly these
 * against the accesses of real flows. Plain IAM JSON, so the store needs no CDK.
 *
 * The session's tags (credentials.ts): `tenant` is the tenant a repository was built for; `kind` and
 * `region` (the city) come from that tenant's record. No statement grants Scan or table-level actions.
 */
export interface PolicyStatementJson {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  Condition: Record<string, Record<string, string | string[]>>;
}

export interface DataResources {
  table: string;
  /** The table's GSI ARNs (`<table>/index/<name>`). */
  indexes: readonly string[];
}

const read = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const write = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:BatchWriteItem',
];

const leadingKeys = (patterns: readonly string[]) => ({ 'dynamodb:LeadingKeys': [...patterns] });
const ofKind = (...kinds: string[]) => ({ 'aws:PrincipalTag/kind': kinds.length === 1 ? (kinds[0] as string) : kinds });

/**
 * Writes by key into another tenant's partition, named with their reason: a use case that acts on
 * another tenant's items inside its own transaction, which no tag can express (the other tenant's id
 * is in the request's data, not in the session).
 */
export const CROSS_TENANT_WRITERS = {
  bureau:
    'A bureau’s decision (review, award claim, internship claim) moves the organisation’s contract or claim, appends to its history chain and frees a refused claim’s intern-months (DeleteItem) in the same transaction as the bureau’s own record.',
  incubator:
    'An incubation base admits an organisation by creating its tenant, guards and invitation in one transaction (Store.admissions).',
  platform: 'The platform creates tenants (TenantDirectory.create) and their first members.',
  org: 'An organisation answers a bureau’s finding, which lives in the bureau’s partition (rectifications.ts), and appends to its own contract’s chain.',
} as const;

/**
 * Reads by key of another tenant's items, for every kind: what an index partition of the reader's
 * own (or of its city, for a bureau) names is read from the table by key (store/batch.ts) — an
 * organisation's findings, evaluations and recognitions live in the bureau's partition, and a
 * bureau opens the contracts its region index lists. Query stays confined (no reading a partition
 * whole), so a session can read only what it can name the full key of (ids are random UUIDs).
 */
export const CROSS_TENANT_READERS = ['org', 'bureau', 'incubator', 'platform'] as const;

/**
 * Why a bureau's session may also Query an organisation's partition: the targets' inputs read the
 * registry of each organisation its city's index lists (target-map.ts), the register's migration
 * the months of each contract it lists, and the findings on a contract are read from the
 * organisation's own index partition, whichever bureau raised them. Routing those through the organisation's own
 * confined scope (as JurisdictionContracts does) would remove it.
 */
export const BUREAU_QUERIES_ORGANISATIONS =
  'The targets read the staff registry of every organisation the city’s index lists, the register’s migration each listed contract’s months, and a contract’s findings are read from the organisation’s own index partition (T#<org>#RECT) whichever bureau raised them.';

export function dataAccessStatements(resources: DataResources): PolicyStatementJson[] {
  const table = [resources.table];
  const everywhere = [resources.table, ...resources.indexes];
  return [
    {
      Sid: 'OwnTenant',
      Effect: 'Allow',
      Action: [...read, ...write],
      Resource: everywhere,
      Condition: { 'ForAllValues:StringLike': leadingKeys(patternsOf('tenant')) },
    },
    {
      Sid: 'GlobalGuards',
      Effect: 'Allow',
      Action: [...read, ...write],
      Resource: table,
      Condition: { 'ForAllValues:StringLike': leadingKeys(patternsOf('global')) },
    },
    {
      Sid: 'PublishedRuleSets',
      Effect: 'Allow',
      Action: ['dynamodb:Query'],
      Resource: [...resources.indexes],
      Condition: { 'ForAllValues:StringLike': leadingKeys(patternsOf('published')) },
    },
    {
      Sid: 'RegionSums',
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
      Resource: table,
      Condition: { 'ForAllValues:StringLike': leadingKeys(patternsOf('regionSum')) },
    },
    {
      Sid: 'CityMapRead',
      Effect: 'Allow',
      // ConditionCheckItem: posting a member checks the community is on the map in the same transaction.
      Action: [...read, 'dynamodb:ConditionCheckItem'],
      Resource: table,
      Condition: { 'ForAllValues:StringLike': leadingKeys(patternsOf('cityMap')) },
    },
    {
      Sid: 'BureauCityMap',
      Effect: 'Allow',
      Action: write,
      Resource: table,
      Condition: { 'ForAllValues:StringLike': leadingKeys(patternsOf('cityMap')), StringEquals: ofKind('bureau') },
    },
    {
      Sid: 'BureauRegion',
      Effect: 'Allow',
      Action: read,
      Resource: everywhere,
      Condition: {
        'ForAllValues:StringLike': leadingKeys([...patternsOf('region'), `R#${REGION}#REGSUM`]),
        StringEquals: ofKind('bureau'),
      },
    },
    {
      Sid: 'PlatformDirectory',
      Effect: 'Allow',
      Action: ['dynamodb:Query'],
      Resource: [...resources.indexes],
      Condition: { 'ForAllValues:StringLike': leadingKeys(patternsOf('directory')), StringEquals: ofKind('platform') },
    },
    {
      Sid: 'CrossTenantReadsByKey',
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:BatchGetItem'],
      Resource: table,
      Condition: { 'ForAllValues:StringLike': leadingKeys(['T#*']), StringEquals: ofKind(...CROSS_TENANT_READERS) },
    },
    {
      Sid: 'BureauQueriesOrganisations',
      Effect: 'Allow',
      Action: ['dynamodb:Query'],
      Resource: everywhere,
      Condition: { 'ForAllValues:StringLike': leadingKeys(['T#*']), StringEquals: ofKind('bureau') },
    },
    {
      Sid: 'CrossTenantWrites',
      Effect: 'Allow',
      Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
      Resource: table,
      Condition: {
        'ForAllValues:StringLike': leadingKeys(['T#*']),
        StringEquals: ofKind(...Object.keys(CROSS_TENANT_WRITERS)),
      },
    },
  ];
}

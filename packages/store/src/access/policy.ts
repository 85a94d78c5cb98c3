import { keyFamilies, patternsOf, REGION, ruleSetKeyFamilies } from './families.ts';

/**
 * The data-access role's statements, built from the key families (families.ts): the CDK role
 * (infra/lib/data-access.ts) is made of exactly these, and the policy tests evaluate exactly these
 * against the accesses of real flows. Plain IAM JSON, so the store needs no CDK.
 *
 * The session's tags (credentials.ts): `tenant` is the tenant a repository was built for; `kind` and
 * `region` (the city) come from that tenant's record. No statement grants Scan or table-level actions,
 * and none names another tenant's partition (`T#*`).
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

export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
export const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:BatchWriteItem',
];
const read = READ_ACTIONS;
const write = WRITE_ACTIONS;

const leadingKeys = (patterns: readonly string[]) => ({ 'dynamodb:LeadingKeys': [...patterns] });
const ofKind = (...kinds: string[]) => ({ 'aws:PrincipalTag/kind': kinds.length === 1 ? (kinds[0] as string) : kinds });

/**
 * No statement names another tenant's partition: the few use cases that must reach one go through
 * `TenantScope.across` with a named path (cross-tenant.ts), listed there with their reasons.
 */
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
  ];
}

/**
 * What the API function's own client reads, with its own grant, before a tenant is known or
 * without one: everything else it does runs as a tenant (the data-access role) or as a named
 * crossing (the crossing role). Reads by key of value-keyed families, and the published rule sets'
 * index; no write, no tenant's partition.
 */
export const FUNCTION_OWN_READS = {
  session: {
    family: keyFamilies.session,
    reason: 'A page session is found from its cookie’s secret, before the member is known.',
  },
  invitationToken: {
    family: keyFamilies.invitationToken,
    reason: 'An invitation link names its tenant and invitation, before the invitee has a tenant.',
  },
  regionBureau: {
    family: keyFamilies.regionBureau,
    reason: 'Which bureau reviews a region, when a contract is submitted to it.',
  },
  ruleSetGuard: {
    family: ruleSetKeyFamilies.guard,
    reason: 'A published rule-set version by its id: the guard says it exists.',
  },
} as const;

export function functionStatements(resources: DataResources): PolicyStatementJson[] {
  const byKey = Object.values(FUNCTION_OWN_READS).flatMap(({ family }) => family.patterns);
  return [
    {
      Sid: 'BeforeTenant',
      Effect: 'Allow',
      Action: ['dynamodb:GetItem'],
      Resource: [resources.table],
      Condition: { 'ForAllValues:StringLike': leadingKeys(byKey) },
    },
    {
      // Published policy, for every tenant alike: in force, history, one version by id.
      Sid: 'PublishedRuleSetsByRegion',
      Effect: 'Allow',
      Action: ['dynamodb:Query'],
      Resource: [...resources.indexes],
      Condition: { 'ForAllValues:StringLike': leadingKeys(ruleSetKeyFamilies.regionPartition.patterns) },
    },
  ];
}

import { crossingRoleStatements, dataAccessStatements, functionStatements } from '@shegong/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFunction, asArray, functionEnvironment, ofType, type Resource, type Synthesized, synth } from './synth.ts';

/**
 * The tenant-confined data-access role in the template (infra/lib/data-access.ts): who may assume
 * it and how, and that its statements are exactly those the store generates from its key families
 * (store/access/policy.ts), each with its action list, resources and conditions.
 */
describe('tenant-confined data access', () => {
  let s: Synthesized;
  let dataRoleId: string;
  let functionRoleId: string;
  let tableId: string;
  let crossingRoleId: string;
  let workerRoleId: string;
  let worker: Resource;
  beforeAll(() => {
    s = synth();
    [dataRoleId] = ofType(s.resources, 'AWS::IAM::Role').find(([, r]) =>
      String(r.Properties.Description ?? '').includes('tenant-confined data access'),
    )!;
    [crossingRoleId] = ofType(s.resources, 'AWS::IAM::Role').find(([, r]) =>
      String(r.Properties.Description ?? '').includes('named cross-tenant paths'),
    )!;
    const [, fn] = apiFunction(s.resources);
    functionRoleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    [tableId] = ofType(s.resources, 'AWS::DynamoDB::Table')[0]!;
    [, worker] = ofType(s.resources, 'AWS::Lambda::Function').find(([, r]) =>
      String(r.Properties.Description ?? '').includes('import worker'),
    )!;
    workerRoleId = (worker.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  });
  afterAll(() => s?.cleanUp());

  const policyOf = (roleId: string) =>
    ofType(s.resources, 'AWS::IAM::Policy')
      .filter(([, p]) => asArray(p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r).includes(roleId)))
      .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement);

  /** The role trusts these functions' roles alone, each for AssumeRole with exactly these session tag keys. */
  function expectAssumedBy(role: Resource, roleIds: string[], tagKeys: string[]) {
    const arns = roleIds.map((roleId) => ({ 'Fn::GetAtt': [roleId, 'Arn'] }));
    expect(role.Properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      // One statement: CDK merges statements that differ only in their principals.
      Statement: [
        {
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Principal: { AWS: arns.length === 1 ? arns[0] : arns },
          Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': tagKeys } },
        },
      ],
    });
  }

  it('may be assumed, with session tags, by the API function’s and the import worker’s roles alone, with our tag keys only', () => {
    const role = s.resources[dataRoleId] as Resource;
    expectAssumedBy(role, [functionRoleId, workerRoleId], ['tenant', 'kind', 'region']);
    expect(role.Properties.MaxSessionDuration).toBe(3600);
  });

  it('is the import worker’s only access to the table’s data: no grant of its own, not the crossing role', () => {
    const environment = (worker.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(environment.DATA_ROLE_ARN).toEqual({ 'Fn::GetAtt': [dataRoleId, 'Arn'] });
    expect(environment.CROSSING_ROLE_ARN).toBeUndefined();
    const statements = policyOf(workerRoleId);
    const assume = statements.filter((st) => JSON.stringify(st.Action).includes('sts:'));
    expect(assume).toEqual([
      expect.objectContaining({
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Resource: { 'Fn::GetAtt': [dataRoleId, 'Arn'] },
      }),
    ]);
    // What the stream's event source needs, and nothing that reads or writes an item.
    const dynamo = statements.flatMap((st) => asArray(st.Action as string[])).filter((a) => a.startsWith('dynamodb:'));
    expect([...new Set(dynamo)].sort()).toEqual(
      ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'].sort(),
    );
  });

  const generated = { table: 'TABLE', indexes: ['scope', 'status', 'review'].map((n) => `INDEX:${n}`) };

  /** The role's (or function's) statements with these Sids are exactly the generated ones. */
  function expectGenerated(actual: Record<string, unknown>[], expected: ReturnType<typeof dataAccessStatements>) {
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
    const indexArn = (name: string) => ({ 'Fn::Join': ['', [tableArn, `/index/${name}`]] });
    expect(actual.map((st) => st.Sid)).toEqual(expected.map((st) => st.Sid));
    for (const statement of expected) {
      const found = actual.find((st) => st.Sid === statement.Sid)!;
      expect(found.Effect, statement.Sid).toBe('Allow');
      // CDK sorts a statement's actions; the set is what matters.
      expect([...asArray(found.Action as string[])].sort(), statement.Sid).toEqual([...statement.Action].sort());
      expect(found.Condition, statement.Sid).toEqual(statement.Condition);
      const resources = statement.Resource.map((r) => (r === 'TABLE' ? tableArn : indexArn(r.replace('INDEX:', ''))));
      expect(asArray(found.Resource), statement.Sid).toEqual(expect.arrayContaining(resources));
      expect(asArray(found.Resource).length, statement.Sid).toBe(resources.length);
    }
  }

  it('has exactly the generated statements, each with its actions, resources and conditions', () => {
    expectGenerated(policyOf(dataRoleId), dataAccessStatements(generated));
  });

  it('has a crossing role, assumed by the function alone with the caller and target tags, made of the crossings’ generated statements', () => {
    expectAssumedBy(s.resources[crossingRoleId] as Resource, [functionRoleId], ['tenant', 'target']);
    const statements = policyOf(crossingRoleId);
    expectGenerated(statements, crossingRoleStatements(generated));
    // The two tenants of the session and no third: every tenant pattern is the caller's or the target's.
    for (const statement of statements) {
      expect(asArray(statement.Action as string[])).not.toContain('dynamodb:Scan');
      const patterns = (statement.Condition as Record<string, Record<string, string[]>>)['ForAllValues:StringLike']![
        'dynamodb:LeadingKeys'
      ]!;
      for (const pattern of patterns.filter((p) => p.startsWith('T#'))) {
        expect(pattern).toMatch(/^T#\$\{aws:PrincipalTag\/(tenant|target)\}(#[A-Z]+[^*]*(#\*)?)?$/);
      }
    }
  });

  it('leaves the function’s own grant only what it reads before a tenant is known: no write, no tenant’s partition', () => {
    const own = policyOf(functionRoleId).filter((st) =>
      asArray(st.Action as string[]).some((a) => a.startsWith('dynamodb:')),
    );
    expectGenerated(own, functionStatements(generated));
    for (const statement of own) {
      expect(
        asArray(statement.Action as string[]).every((a) => ['dynamodb:GetItem', 'dynamodb:Query'].includes(a)),
      ).toBe(true);
      const patterns = (statement.Condition as Record<string, Record<string, string[]>>)['ForAllValues:StringLike']![
        'dynamodb:LeadingKeys'
      ]!;
      expect(patterns.filter((p) => p.startsWith('T#'))).toEqual([]);
    }
  });

  it('confines the tenant’s own statement to its partitions, and grants no Scan and no wildcard resource', () => {
    const statements = policyOf(dataRoleId);
    const own = statements.find((st) => st.Sid === 'OwnTenant')!;
    expect(own.Condition).toEqual({
      'ForAllValues:StringLike': {
        'dynamodb:LeadingKeys': [`T#\${aws:PrincipalTag/tenant}`, `T#\${aws:PrincipalTag/tenant}#*`],
      },
    });
    for (const statement of statements) {
      expect(asArray(statement.Action as string[])).not.toContain('dynamodb:Scan');
      expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"|index\/\*/);
      expect(Object.keys(statement.Condition as object)).toContain('ForAllValues:StringLike');
    }
    // No statement names another tenant's partition (no `T#*`): crossings are named use cases
    // (store/access/cross-tenant.ts) on the function's own grant.
    const tenantPatterns = statements.flatMap((st) =>
      asArray(
        ((st.Condition as Record<string, Record<string, string[]>>)['ForAllValues:StringLike']?.[
          'dynamodb:LeadingKeys'
        ] ?? []) as string[],
      ).filter((p) => p.startsWith('T#')),
    );
    expect([...new Set(tenantPatterns)].sort()).toEqual(
      [`T#\${aws:PrincipalTag/tenant}`, `T#\${aws:PrincipalTag/tenant}#*`].sort(),
    );
    expect(statements.map((st) => st.Sid)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/CrossTenant|QueriesOrganisations/)]),
    );
    const bureau = statements.find((st) => st.Sid === 'BureauRegion')!;
    expect(bureau.Condition).toMatchObject({
      'ForAllValues:StringLike': {
        'dynamodb:LeadingKeys': expect.arrayContaining([`R#\${aws:PrincipalTag/region}#*`]),
      },
      StringEquals: { 'aws:PrincipalTag/kind': 'bureau' },
    });
  });

  it('tells the function both roles and lets its role assume them with tags', () => {
    expect(functionEnvironment(s.resources).DATA_ROLE_ARN).toEqual({ 'Fn::GetAtt': [dataRoleId, 'Arn'] });
    expect(functionEnvironment(s.resources).CROSSING_ROLE_ARN).toEqual({ 'Fn::GetAtt': [crossingRoleId, 'Arn'] });
    const assume = policyOf(functionRoleId).filter((st) => JSON.stringify(st.Action).includes('sts:AssumeRole'));
    expect(assume).toHaveLength(1);
    expect(assume[0]!.Action).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect(asArray(assume[0]!.Resource as unknown[])).toEqual(
      expect.arrayContaining([{ 'Fn::GetAtt': [dataRoleId, 'Arn'] }, { 'Fn::GetAtt': [crossingRoleId, 'Arn'] }]),
    );
  });

  it('reserves concurrency for the API function (and caps it there)', () => {
    const [, fn] = apiFunction(s.resources);
    expect(fn.Properties.ReservedConcurrentExecutions).toBe(100);
  });
});

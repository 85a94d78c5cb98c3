import { describe, expect, it } from 'vitest';
import { accessesOf } from './accesses.ts';
import { sessionTagsOf, TenantCredentials } from './credentials.ts';

describe('the leading keys IAM sees of a command', () => {
  it('reads an item command’s partition key, as the document client or the wire has it', () => {
    expect(accessesOf('GetCommand', { Key: { pk: 'T#a', sk: 'TENANT' } })).toEqual([
      { action: 'dynamodb:GetItem', leadingKeys: ['T#a'] },
    ]);
    expect(accessesOf('PutItemCommand', { Item: { pk: { S: 'EMAIL#x' }, sk: { S: 'EMAIL' } } })).toEqual([
      { action: 'dynamodb:PutItem', leadingKeys: ['EMAIL#x'] },
    ]);
  });

  it('authorizes each part of a transaction as its own item action', () => {
    const input = {
      TransactItems: [
        { Put: { Item: { pk: 'T#a', sk: '1' } } },
        { Update: { Key: { pk: 'R#450600#REGSUM', sk: '2' } } },
        { ConditionCheck: { Key: { pk: 'USCC#1', sk: 'USCC' } } },
        { Delete: { Key: { pk: 'T#a#IDEM', sk: 'k' } } },
      ],
    };
    expect(accessesOf('TransactWriteCommand', input).map((a) => [a.action, a.leadingKeys[0]])).toEqual([
      ['dynamodb:PutItem', 'T#a'],
      ['dynamodb:UpdateItem', 'R#450600#REGSUM'],
      ['dynamodb:ConditionCheckItem', 'USCC#1'],
      ['dynamodb:DeleteItem', 'T#a#IDEM'],
    ]);
  });

  it('keeps a batch’s keys together, as IAM evaluates them', () => {
    const input = {
      RequestItems: {
        t: {
          Keys: [
            { pk: 'T#a', sk: '1' },
            { pk: 'T#b', sk: '2' },
          ],
        },
      },
    };
    expect(accessesOf('BatchGetCommand', input)).toEqual([
      { action: 'dynamodb:BatchGetItem', leadingKeys: ['T#a', 'T#b'] },
    ]);
  });

  it('finds a Query’s partition value on the index it reads, through a name placeholder or not', () => {
    expect(
      accessesOf('QueryCommand', {
        IndexName: 'scope',
        KeyConditionExpression: '#p = :pk AND begins_with(gsi1sk, :s)',
        ExpressionAttributeNames: { '#p': 'gsi1pk' },
        ExpressionAttributeValues: { ':pk': 'R#450600#CONTRACT', ':s': '4506' },
      }),
    ).toEqual([{ action: 'dynamodb:Query', index: 'scope', leadingKeys: ['R#450600#CONTRACT'] }]);
    expect(
      accessesOf('QueryCommand', {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'T#a' },
      }),
    ).toEqual([{ action: 'dynamodb:Query', leadingKeys: ['T#a'] }]);
  });

  it('names a command it does not know with no key, so a policy check sees and refuses it', () => {
    expect(accessesOf('ScanCommand', { TableName: 't' })).toEqual([{ action: 'dynamodb:Scan', leadingKeys: [''] }]);
  });
});

describe('tenant credentials', () => {
  it('tags a session with the tenant, its kind and the city of its region (a bureau’s jurisdiction)', () => {
    expect(sessionTagsOf('t1', { kind: 'bureau', region: '450681' })).toEqual({
      tenant: 't1',
      kind: 'bureau',
      region: '450600',
    });
    expect(sessionTagsOf('t1')).toEqual({ tenant: 't1' });
  });

  it('keeps one client per tenant, the most recently used, up to its bound (no AWS call until one is used)', () => {
    const credentials = new TenantCredentials({
      roleArn: 'arn:aws:iam::111122223333:role/data',
      region: 'ap-southeast-1',
      tags: async (tenant) => ({ tenant }),
      maxTenants: 2,
    });
    const a = credentials.clientFor('a');
    expect(credentials.clientFor('a')).toBe(a);
    const b = credentials.clientFor('b');
    credentials.clientFor('a');
    const c = credentials.clientFor('c');
    // a was used after b, so b is the one dropped when c came.
    expect(credentials.clientFor('a')).toBe(a);
    expect(credentials.clientFor('c')).toBe(c);
    expect(credentials.clientFor('b')).not.toBe(b);
  });
});

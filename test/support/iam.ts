import type { DataAccess, DataResources, PolicyStatementJson, SessionTags } from '@shegong/store';

/**
 * A small IAM evaluator for the data-access policy (store/access/policy.ts) and the crossings'
 * (store/access/crossing-policy.ts), enough for the statements they build: Allow statements, Action and Resource lists, and the condition operators
 * `ForAllValues:StringLike` on `dynamodb:LeadingKeys` and `StringEquals` on a principal tag, with
 * `${aws:PrincipalTag/…}` variables. Like IAM: no statement allows it → denied; a variable whose tag
 * the session lacks makes that pattern match nothing; ForAllValues over the request's keys needs
 * every key to match one of the patterns.
 */
export const TABLE_ARN = 'arn:aws:dynamodb:ap-southeast-1:111122223333:table/shegong';
export const TEST_RESOURCES: DataResources = {
  table: TABLE_ARN,
  indexes: ['scope', 'status', 'review'].map((name) => `${TABLE_ARN}/index/${name}`),
};

function substitute(pattern: string, tags: SessionTags): string | undefined {
  let missing = false;
  const value = pattern.replace(/\$\{aws:PrincipalTag\/(\w+)\}/g, (_, key: string) => {
    const tag = (tags as unknown as Record<string, string | undefined>)[key];
    if (tag === undefined) missing = true;
    return tag ?? '';
  });
  return missing ? undefined : value;
}

/** IAM StringLike: `*` any run of characters, `?` one; everything else literal. */
export function stringLike(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(value);
}

const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

function conditionHolds(
  operator: string,
  clauses: Record<string, string | string[]>,
  tags: SessionTags,
  access: DataAccess,
): boolean {
  return Object.entries(clauses).every(([key, expected]) => {
    const patterns = asList(expected)
      .map((p) => substitute(p, tags))
      .filter((p) => p !== undefined);
    if (operator === 'ForAllValues:StringLike' && key === 'dynamodb:LeadingKeys') {
      return access.leadingKeys.every((k) => patterns.some((p) => stringLike(p, k)));
    }
    const tag = /^aws:PrincipalTag\/(\w+)$/.exec(key)?.[1];
    if (operator === 'StringEquals' && tag) {
      const actual = (tags as unknown as Record<string, string | undefined>)[tag];
      return actual !== undefined && patterns.includes(actual);
    }
    throw new Error(`the evaluator does not know ${operator} on ${key}: teach it before using it in the policy`);
  });
}

/** The statement that allows this access for a session with these tags, or undefined (denied). */
export function allowingStatement(
  statements: readonly PolicyStatementJson[],
  tags: SessionTags,
  access: DataAccess,
  resources: DataResources = TEST_RESOURCES,
): PolicyStatementJson | undefined {
  const resource = access.index ? `${resources.table}/index/${access.index}` : resources.table;
  return statements.find(
    (s) =>
      s.Effect === 'Allow' &&
      s.Action.includes(access.action) &&
      // `*`: a session policy's resource; the role's statements name the table and indexes.
      (s.Resource.includes(resource) || s.Resource.includes('*')) &&
      Object.entries(s.Condition).every(([operator, clauses]) => conditionHolds(operator, clauses, tags, access)),
  );
}

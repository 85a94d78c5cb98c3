import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { readJobs } from './jobs.ts';

const record = (image: Record<string, { S: string }>) => ({
  eventName: 'INSERT' as const,
  dynamodb: { NewImage: image },
});

describe('readJobs', () => {
  it('takes the tenant and import from the job’s own key, and only jobs that are ready to write', () => {
    const event = {
      Records: [
        record({
          pk: { S: 'T#org-1' },
          sk: { S: 'IMPORT#job-1' },
          itemType: { S: 'ImportJob' },
          status: { S: 'writing' },
          createdBy: { S: 'u-1' },
        }),
        record({
          pk: { S: 'T#org-1' },
          sk: { S: 'IMPORT#job-2' },
          itemType: { S: 'ImportJob' },
          status: { S: 'invalid' },
          createdBy: { S: 'u-1' },
        }),
        record({
          pk: { S: 'T#org-2#IMPORT#job-3' },
          sk: { S: 'CHUNK#0001' },
          itemType: { S: 'ImportChunk' },
          status: { S: 'writing' },
          createdBy: { S: 'u-2' },
        }),
      ],
    } as unknown as DynamoDBStreamEvent;
    expect(readJobs(event)).toEqual([{ tenantId: 'org-1', importId: 'job-1', createdBy: 'u-1' }]);
  });
});

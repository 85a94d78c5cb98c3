import type { DynamoDBStreamEvent } from 'aws-lambda';

export interface StreamedJob {
  tenantId: string;
  importId: string;
  createdBy: string;
}

/** The import jobs in a stream batch that are ready to write (the filter in infra should pass no others). */
export function readJobs(event: DynamoDBStreamEvent): StreamedJob[] {
  return event.Records.flatMap((record) => {
    const image = record.dynamodb?.NewImage;
    const pk = /^T#([^#]+)$/.exec(image?.pk?.S ?? '')?.[1];
    const importId = /^IMPORT#(.+)$/.exec(image?.sk?.S ?? '')?.[1];
    const createdBy = image?.createdBy?.S;
    const ready = image?.itemType?.S === 'ImportJob' && image?.status?.S === 'writing';
    return ready && pk && importId && createdBy ? [{ tenantId: pk, importId, createdBy }] : [];
  });
}

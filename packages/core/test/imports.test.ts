import { randomUUID } from 'node:crypto';
import { ROSTER_COLUMNS } from '@shegong/sheets/light';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getImport, InProcessImportRunner, peopleChoices, startImport, type UseCaseContext } from '../src/index.ts';
import { CoreWorld, certificateNumber, idCardNumber, personInput } from './fixtures.ts';

/** Roster imports of an organisation in 港口区: a csv in the template's columns, run in this process. */
let world: CoreWorld;
let runner: InProcessImportRunner;

beforeAll(async () => {
  world = await CoreWorld.open('imports');
  runner = new InProcessImportRunner(world.store);
});

afterAll(() => world?.close());

/** One roster row in the template's columns (a contract social worker with an assistant certificate). */
function row(name: string, change: Record<string, string> = {}): string[] {
  const values: Record<string, string> = {
    姓名: name,
    身份证号: idCardNumber(),
    手机号: '13812345678',
    学历: '本科',
    '社工专业(是/否)': '是',
    用工形式: '合同制',
    '月薪(元)': '4200',
    证书等级: '助理社会工作师',
    证书编号: certificateNumber(),
    取得日期: '2020-11-01',
    本单位入职日期: '2021-07-01',
    ...change,
  };
  return ROSTER_COLUMNS.map((c) => values[c.zh] ?? '');
}

/** The rows under the template's headings, as a csv (no field here needs quoting). */
const csv = (rows: string[][]) =>
  Buffer.from([ROSTER_COLUMNS.map((c) => c.zh), ...rows].map((r) => r.join(',')).join('\r\n'), 'utf-8');

async function hrOfNewOrg(): Promise<UseCaseContext> {
  return world.as(await world.tenant('org', '450602'), 'hr');
}

const deps = () => ({ store: world.store, importRunner: runner });

describe('startImport', () => {
  it('writes a valid roster’s people after answering the upload, once per key', async () => {
    const hr = await hrOfNewOrg();
    const upload = { fileName: '人员名册.csv', bytes: csv([row('李明'), row('王芳')]), kind: 'csv' as const };
    const key = randomUUID();
    const first = await startImport(hr, deps(), upload, key);
    expect(first).toMatchObject({ replayed: false, job: { status: 'writing', fileName: '人员名册.csv', rows: 2 } });
    await runner.settled();
    expect(await getImport(hr, first.job.id)).toMatchObject({ status: 'done', written: 2, errorCount: 0 });
    expect((await peopleChoices(hr)).map((p) => p.name)).toEqual(['李明', '王芳']);
    // A retry answers as the first try did; the job, taken once, writes no one twice.
    const retry = await startImport(hr, deps(), upload, key);
    expect(retry).toEqual({ ...first, replayed: true });
    await runner.settled();
    expect(await peopleChoices(hr)).toHaveLength(2);
  });

  it('keeps a roster with errors as invalid, naming row and column, and writes no one', async () => {
    const hr = await hrOfNewOrg();
    const existing = await hr.repos.people.create(personInput());
    const clash = csv([row('李明'), row('赵六', { 身份证号: existing.idCardNumber })]);
    const { job } = await startImport(hr, deps(), { fileName: 'clash.csv', bytes: clash, kind: 'csv' });
    expect(job).toMatchObject({ status: 'invalid', rows: 2, errorCount: 1 });
    expect(job.errors).toEqual([
      {
        row: 3,
        column: '身份证号',
        message: '本机构已有这个身份证号的人员',
        messageEn: 'someone in this organisation already has this ID number',
      },
    ]);
    const unreadable = csv([row('钱七', { 身份证号: '4506021990010112' })]);
    const second = await startImport(hr, deps(), { fileName: 'bad.csv', bytes: unreadable, kind: 'csv' });
    expect(second.job.status).toBe('invalid');
    expect(second.job.errors.map((e) => [e.row, e.column])).toEqual([[2, '身份证号']]);
    await runner.settled();
    expect((await peopleChoices(hr)).map((p) => p.id)).toEqual([existing.id]);
  });

  it('refuses an empty file as Invalid on /file, writing nothing', async () => {
    const hr = await hrOfNewOrg();
    const refusal = await world.refusedWithoutWriting(() =>
      startImport(hr, deps(), { fileName: 'empty.csv', bytes: Buffer.alloc(0), kind: 'csv' }),
    );
    expect(refusal).toMatchObject({ kind: 'invalid', message: 'The file is empty' });
    expect(refusal.fields).toEqual([{ path: '/file', message: 'is empty', code: 'empty' }]);
  });
});

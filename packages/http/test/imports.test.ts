import { type InProcessImportRunner, importRunner } from '@shegong/core';
import { idCardCheckCharacter } from '@shegong/domain';
import { csvLine, parseRoster, ROSTER_COLUMNS, sheetText, XLSX_TYPE } from '@shegong/sheets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../../../test/support/world.ts';

const world = await World.create('imports', { pages: false });
const runner = () => importRunner(world.deps) as InProcessImportRunner;

beforeAll(async () => {
  await world.seed();
});
afterAll(async () => {
  await runner().settled();
  await world.dispose();
});

/** A valid ID number: 港口区, born 1990-01-01 plus `n` days' worth of sequence, check digit computed. */
function idNumber(n: number): string {
  const first17 = `450602${1960 + Math.floor(n / 900)}0101${String(n % 900).padStart(3, '0')}`;
  return first17 + idCardCheckCharacter(first17);
}

/** A roster of people `from`…`to`-1 as csv with a BOM, as Excel saves "CSV UTF-8". */
function roster(from: number, to: number, change: (n: number, row: string[]) => void = () => {}): Buffer {
  const lines = [csvLine(ROSTER_COLUMNS.map((c) => c.zh))];
  for (let n = from; n < to; n++) {
    const row = [
      `员工${n}`,
      idNumber(n),
      `139${String(n).padStart(8, '0')}`,
      '本科',
      '是',
      '合同制',
      '4200.50',
      '社会工作师',
      `IMP${String(n).padStart(7, '0')}`,
      '2020-11-01',
      '2021-03-01',
      '2024-03-01', // 3 years on (N-4)
      '2021-07-01',
      '',
      '',
      '',
    ];
    change(n, row);
    lines.push(csvLine(row));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}`);
}

const orgA = () => world.user('orgA', 'hr');

async function upload(file: Buffer, as = orgA(), type = 'text/csv') {
  return world.request('POST', '/v1/imports', { as, body: file, headers: { 'Content-Type': type } });
}

async function peopleOf(label: 'orgA' | 'orgB') {
  const tenant = world.tenant(label);
  return world.store.tenant({ tenantId: tenant.id, userId: 'test' }).people.listAll();
}

/** Polls the job until it stops writing (the worker runs after the response). */
async function untilFinished(location: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await (await world.request('GET', location, { as: orgA() })).json()) as {
      status: string;
      rows: number;
      written: number;
    };
    if (job.status !== 'writing') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the import did not finish');
}

describe('POST /v1/imports', () => {
  it('takes a valid 60-row roster with 202 and a Location, then writes all 60 people after the response', async () => {
    const before = (await peopleOf('orgA')).length;
    const response = await upload(roster(0, 60));
    expect(response.status).toBe(202);
    const job = (await response.json()) as { id: string; status: string; rows: number };
    expect(job).toMatchObject({ status: 'writing', rows: 60 });
    expect(response.headers.get('Location')).toBe(`/v1/imports/${job.id}`);

    const finished = await untilFinished(`/v1/imports/${job.id}`);
    expect(finished).toMatchObject({ status: 'done', rows: 60, written: 60 });
    const people = await peopleOf('orgA');
    expect(people.length - before).toBe(60);
    // 4 200.50 yuan is 420 050 fen; the employer of 本单位入职日期 is the organisation itself.
    const one = people.find((p) => p.idCardNumber === idNumber(7))!;
    expect(one).toMatchObject({ name: '员工7', monthlyPay: 420050 });
    expect(one.employment).toEqual([
      { employer: world.tenant('orgA').name, region: '450602', start: '2021-07-01', socialWork: true },
    ]);
  });

  it('refuses a roster with one bad row with 422 naming the row and column, and writes no one', async () => {
    const before = (await peopleOf('orgA')).length;
    const file = roster(100, 110, (n, row) => {
      if (n === 104) row[1] = `${row[1]!.slice(0, 17)}${row[1]!.endsWith('1') ? '2' : '1'}`; // wrong check digit
    });
    const response = await upload(file);
    expect(response.status).toBe(422);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as {
      importId: string;
      rowErrors: { row: number; column: string; message: string }[];
      errors: { path: string }[];
    };
    // Person 104 is the fifth person, so row 6 (the headings are row 1).
    expect(problem.rowErrors).toEqual([
      expect.objectContaining({ row: 6, column: '身份证号', message: expect.stringContaining('不是有效的身份证号') }),
    ]);
    expect(problem.errors[0]!.path).toBe('/rows/6/身份证号');

    const job = (await (await world.request('GET', `/v1/imports/${problem.importId}`, { as: orgA() })).json()) as {
      status: string;
      written: number;
      errors: unknown[];
    };
    expect(job).toMatchObject({ status: 'invalid', written: 0, errorCount: 1 });
    expect(job.errors).toHaveLength(1);
    expect((await peopleOf('orgA')).length).toBe(before);
  });

  it('refuses a registration expiry that is not the term’s, and part-time staff without a working time (issue 10)', async () => {
    const before = (await peopleOf('orgA')).length;
    // Registered 2021-03-01 under FANGCHENGGANG_2023: valid 3 years, through 2024-03-01, not 2028.
    const file = roster(300, 303, (n, row) => {
      if (n === 300) row[11] = '2028-02-28';
      if (n === 302) row[5] = '非全日制';
    });
    const response = await upload(file);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { rowErrors: { row: number; column: string; message: string }[] };
    expect(problem.rowErrors).toEqual([
      expect.objectContaining({
        row: 2,
        column: '登记有效期至',
        message: '应为 2024-03-01：登记自登记之日起有效 3 年（N-4）',
      }),
      expect.objectContaining({
        row: 4,
        column: '工作时间(%)',
        message: '非全日制人员必填工作时间（占全日制的百分比）',
      }),
    ]);
    expect((await peopleOf('orgA')).length).toBe(before);
  });

  it('refuses people the registry already holds (ID number, certificate number) with 422, writing no one', async () => {
    const before = (await peopleOf('orgA')).length;
    // Rows 2–3 are new; row 4 repeats person 5's ID number, row 5 person 6's certificate number.
    const file = roster(200, 204, (n, row) => {
      if (n === 202) row[1] = idNumber(5);
      if (n === 203) row[8] = 'IMP0000006';
    });
    const response = await upload(file);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { rowErrors: { row: number; column: string; message: string }[] };
    expect(problem.rowErrors.map((e) => [e.row, e.column, e.message])).toEqual([
      [4, '身份证号', '本机构已有这个身份证号的人员'],
      [5, '证书编号', '这个证书编号已经登记过'],
    ]);
    expect((await peopleOf('orgA')).length).toBe(before);
  });

  it('answers a retry with the same Idempotency-Key as the first time, importing once', async () => {
    const file = roster(300, 305);
    const headers = { 'Content-Type': 'text/csv', 'Idempotency-Key': 'import-retry-0001' };
    const first = await world.request('POST', '/v1/imports', { as: orgA(), body: file, headers });
    const again = await world.request('POST', '/v1/imports', { as: orgA(), body: file, headers });
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    const [a, b] = [(await first.json()) as { id: string }, (await again.json()) as { id: string }];
    expect(b.id).toBe(a.id);
    expect(await untilFinished(`/v1/imports/${a.id}`)).toMatchObject({ status: 'done', written: 5 });
  });

  it('takes a multipart upload and an xlsx, and refuses what is neither', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(roster(400, 402))], { type: 'text/csv' }), '名册.csv');
    const multipart = await world.app.request('/v1/imports', {
      method: 'POST',
      headers: { Authorization: `Bearer ${await world.token(orgA())}` },
      body: form,
    });
    expect(multipart.status).toBe(202);
    expect(((await multipart.json()) as { fileName: string }).fileName).toBe('名册.csv');
    const pdf = await upload(Buffer.from('%PDF-1.4'), orgA(), 'application/pdf');
    expect(pdf.status).toBe(415);
  });

  it('is for the organisation’s admin and hr only', async () => {
    expect((await upload(roster(500, 501), world.user('orgA', 'finance'))).status).toBe(403);
    expect((await upload(roster(500, 501), world.user('bureauA'))).status).toBe(403);
  });
});

describe('GET /v1/imports', () => {
  it('lists my organisation’s jobs, and another organisation cannot read one (404)', async () => {
    const list = (await (await world.request('GET', '/v1/imports', { as: orgA() })).json()) as {
      items: { id: string; status: string }[];
    };
    expect(list.items.length).toBeGreaterThanOrEqual(3);
    const id = list.items[0]!.id;
    const other = await world.request('GET', `/v1/imports/${id}`, { as: world.user('orgB', 'hr') });
    expect(other.status).toBe(404);
    const theirs = (await (await world.request('GET', '/v1/imports', { as: world.user('orgB', 'hr') })).json()) as {
      items: { id: string }[];
    };
    const ours = new Set(list.items.map((j) => j.id));
    expect(theirs.items.filter((j) => ours.has(j.id))).toEqual([]);
  });
});

describe('downloads', () => {
  it('gives the template as xlsx, with the headings an upload needs', async () => {
    const response = await world.request('GET', '/v1/imports/template', { as: world.user('orgA', 'staff') });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(XLSX_TYPE);
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment;/);
    const file = Buffer.from(await response.arrayBuffer());
    expect((await sheetText(file, '人员名册'))[0]).toEqual(ROSTER_COLUMNS.map((c) => c.zh));
    // The empty template is a well-formed roster with nobody in it.
    expect((await parseRoster(file, 'xlsx')).errors.map((e) => e.message)).toEqual(['没有人员数据']);
  });

  it('exports the staff list: ID numbers in full for hr, masked for finance', async () => {
    const hr = await world.request('GET', '/v1/people/export', { as: orgA() });
    expect(hr.status).toBe(200);
    expect(hr.headers.get('Content-Type')).toBe(XLSX_TYPE);
    const rows = await sheetText(Buffer.from(await hr.arrayBuffer()));
    expect(rows[0]!.slice(0, 3)).toEqual(['姓名', '身份证号', '手机号']);
    expect(rows[1]!.slice(0, 3)).toEqual(['Name', 'ID card number', 'Mobile phone']);
    const person7 = rows.find((r) => r[0] === '员工7')!;
    expect(person7[1]).toBe(idNumber(7));
    expect(person7[9]).toBe('4200.5');

    const finance = await world.request('GET', '/v1/people/export', { as: world.user('orgA', 'finance') });
    const masked = (await sheetText(Buffer.from(await finance.arrayBuffer()))).find((r) => r[0] === '员工7')!;
    expect(masked[1]).toBe(`450602********${idNumber(7).slice(-4)}`);
    expect((await world.request('GET', '/v1/people/export', { as: world.user('orgA', 'staff') })).status).toBe(403);
  });

  it('exports the ladder as xlsx (empty before a ladder is saved)', async () => {
    const response = await world.request('GET', '/v1/ladder/export', { as: orgA() });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(XLSX_TYPE);
    const rows = await sheetText(Buffer.from(await response.arrayBuffer()));
    expect(rows[0]!.slice(0, 3)).toEqual(['顺序', '职级编号', '职级名称']);
  });
});

describe('a 5 000-row roster', () => {
  it('is accepted without holding the request open for the writes, and all 5 000 people are written', async () => {
    const file = roster(10_000, 15_000);
    const before = (await peopleOf('orgB')).length;
    const started = performance.now();
    const response = await upload(file, world.user('orgB', 'hr'));
    const answered = performance.now() - started;
    expect(response.status).toBe(202);
    const job = (await response.json()) as { id: string; rows: number };
    expect(job.rows).toBe(5000);
    console.info(`5 000-row roster (${(file.length / 1024).toFixed(0)} kB csv): 202 after ${answered.toFixed(0)} ms`);

    let finished: { status: string; written: number } | undefined;
    for (let i = 0; i < 1200 && finished?.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      finished = (await (
        await world.request('GET', `/v1/imports/${job.id}`, { as: world.user('orgB', 'hr') })
      ).json()) as { status: string; written: number };
      if (finished.status === 'failed') break;
    }
    console.info(`5 000-row roster: ${finished?.status} after ${(performance.now() - started).toFixed(0)} ms`);
    expect(finished).toMatchObject({ status: 'done', written: 5000 });
    expect((await peopleOf('orgB')).length - before).toBe(5000);
  }, 300_000);
});

import { idCardCheckCharacter } from '@shegong/domain';
// The test package does not depend on @shegong/sheets; its source is read where it lives.
import { csvLine, parseRoster, ROSTER_COLUMNS } from '../../packages/sheets/src/index.ts';

/** A roster of `count` valid people as csv (with Excel's BOM). */
export function benchRoster(count: number): Buffer {
  const lines = [csvLine(ROSTER_COLUMNS.map((c) => c.zh))];
  for (let n = 0; n < count; n++) {
    const first17 = `450602${1960 + Math.floor(n / 900)}0101${String(n % 900).padStart(3, '0')}`;
    lines.push(
      csvLine([
        `员工${n}`,
        first17 + idCardCheckCharacter(first17),
        `139${String(n).padStart(8, '0')}`,
        '本科',
        '是',
        '合同制',
        '4200.50',
        '社会工作师',
        `BENCH${String(n).padStart(7, '0')}`,
        '2020-11-01',
        '2021-03-01',
        '2024-03-01',
        '2021-07-01',
        '450681:2018-03-01:2021-06-30',
        '2025-04-12:6:防城港市社会工作协会:个案督导',
        '',
      ]),
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}`);
}

/**
 * Reading and checking a 5 000-row roster (every cell, the schema, duplicates), as the upload
 * request does before it answers: the median of `runs`, in ms. No DynamoDB involved.
 */
export async function parseFiveThousand(runs: number): Promise<{ median: number; bytes: number }> {
  const file = benchRoster(5000);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { rows, errors } = await parseRoster(file, 'csv', {
      employer: '基准',
      region: '450602',
      today: '2026-01-15',
    });
    times.push(performance.now() - started);
    if (rows.length !== 5000 || errors.length) throw new Error(`bench roster did not parse: ${errors[0]?.message}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, bytes: file.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { median, bytes } = await parseFiveThousand(5);
  console.log(`parse+validate 5 000-row roster (${(bytes / 1024).toFixed(0)} KB csv): median ${median.toFixed(1)} ms`);
}

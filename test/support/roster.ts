import { idCardCheckCharacter } from '@shegong/domain';

/** The import template's headings (packages/sheets), as a person filling it in types them. */
const HEADINGS = [
  '姓名',
  '身份证号',
  '手机号',
  '学历',
  '社工专业(是/否)',
  '用工形式',
  '月薪(元)',
  '证书等级',
  '证书编号',
  '取得日期',
  '登记日期',
  '登记有效期至',
  '本单位入职日期',
  '之前社工工作(地区代码:起:止;…)',
  '继续教育(日期:学时:机构:主题;…)',
  '工作时间(%)',
];

const idOf = (n: number) => {
  const first17 = `45060219950505${String(100 + n)}`;
  return first17 + idCardCheckCharacter(first17);
};

/**
 * Four new people as a csv an HR officer saves from Excel (with a BOM); with `broken`, the third
 * has a wrong check digit. The first holds the assistant certificate at ¥3,800 a month.
 */
export function roster(broken: boolean): Buffer {
  const rows = [0, 1, 2, 3].map((n) => {
    const id = idOf(n);
    const badId = `${id.slice(0, 17)}${id.endsWith('1') ? '2' : '1'}`;
    return [
      `导入测试${n + 1}`,
      broken && n === 2 ? badId : id,
      `1370000${String(n).padStart(4, '0')}`,
      '本科',
      '是',
      '合同制',
      '3800',
      n === 0 ? '助理社会工作师' : '',
      n === 0 ? `BRW${Date.now()}` : '',
      n === 0 ? '2022-06-19' : '',
      '',
      '',
      '2024-03-01',
      '',
      '',
      '',
    ].join(',');
  });
  return Buffer.from(`\uFEFF${[HEADINGS.join(','), ...rows].join('\r\n')}`);
}

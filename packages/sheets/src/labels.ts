import {
  CERT_LEVEL_LABELS,
  CERTIFICATE_LEVELS,
  type CertificateLevel,
  type EducationLevel,
  type EmploymentType,
  type Lang,
} from '@shegong/domain';

/**
 * The Chinese labels a roster uses for enumerated values, and their English. A spreadsheet holds
 * the label (what an HR officer types or picks from the drop-down); the record holds the code.
 */
export const EDUCATION_LABELS: Record<EducationLevel, { zh: string; en: string }> = {
  secondary: { zh: '高中及以下', en: 'Secondary school or below' },
  vocational: { zh: '中专', en: 'Vocational secondary' },
  associate: { zh: '大专', en: 'Associate degree' },
  bachelor: { zh: '本科', en: "Bachelor's degree" },
  master: { zh: '硕士', en: "Master's degree" },
  doctorate: { zh: '博士', en: 'Doctorate' },
};

export const EMPLOYMENT_LABELS: Record<EmploymentType, { zh: string; en: string }> = {
  civil_servant: { zh: '在编公务员', en: 'Civil servant on establishment' },
  public_institution: { zh: '事业编制', en: 'Public-institution establishment' },
  contract: { zh: '合同制', en: 'Contract' },
  part_time: { zh: '非全日制', en: 'Part-time' },
};

/** The domain's labels of some codes (its one home of them) as the Chinese–English pairs a sheet uses. */
export function labelPairs<K extends string>(
  labels: Record<Lang, Record<K, string>>,
  codes: readonly K[],
): Record<K, { zh: string; en: string }> {
  return Object.fromEntries(codes.map((code) => [code, { zh: labels['zh-CN'][code], en: labels.en[code] }])) as Record<
    K,
    { zh: string; en: string }
  >;
}

export const CERTIFICATE_LABELS: Record<CertificateLevel, { zh: string; en: string }> = labelPairs(
  CERT_LEVEL_LABELS,
  CERTIFICATE_LEVELS,
);

export const YES_NO = { yes: { zh: '是', en: 'Yes' }, no: { zh: '否', en: 'No' } } as const;

/** Label → code, for reading a cell. */
export function codeOf<T extends string>(labels: Record<T, { zh: string; en: string }>, label: string): T | undefined {
  for (const [code, l] of Object.entries(labels) as [T, { zh: string; en: string }][]) {
    if (l.zh === label || l.en.toLowerCase() === label.toLowerCase() || code === label) return code;
  }
  return undefined;
}

export function zhLabels(labels: Record<string, { zh: string }>): string[] {
  return Object.values(labels).map((l) => l.zh);
}

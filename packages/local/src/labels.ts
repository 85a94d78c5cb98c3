import type { Role, TenantKind } from '@shegong/domain';

/** How roles and tenant kinds are named to people, Chinese first. */
export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  platform_admin: { zh: '平台管理员', en: 'Platform administrator' },
  admin: { zh: '管理员', en: 'Administrator' },
  auditor: { zh: '审计员', en: 'Auditor' },
  reviewer: { zh: '评审员', en: 'Reviewer' },
  operator: { zh: '运营专员', en: 'Operator' },
  finance: { zh: '财务', en: 'Finance' },
  project_manager: { zh: '项目主管', en: 'Project manager' },
  hr: { zh: '人事', en: 'HR' },
  staff: { zh: '社工', en: 'Social worker' },
};

export const KIND_LABELS: Record<TenantKind, { zh: string; en: string }> = {
  platform: { zh: '平台', en: 'Platform' },
  bureau: { zh: '民政局', en: 'Civil-affairs bureau' },
  incubator: { zh: '孵化基地', en: 'Incubation base' },
  org: { zh: '社会组织', en: 'Organisation' },
};

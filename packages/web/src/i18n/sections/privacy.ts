/** Messages of a person's personal data (PIPL, issue 14): the export and the erasure. */
export const privacyZh = {
  title: '个人信息',
  lead: '依据《个人信息保护法》，可导出本系统保存的此人的全部信息（含操作记录），或删除其个人信息。',
  ownLead: '您可以导出本系统保存的与您有关的全部信息（含操作记录）。',
  exportJson: '导出 JSON',
  exportXlsx: '导出 Excel',
  erase: '删除个人信息',
  erased: '已删除',
  erasedOn: (date: string) => `个人信息已于 ${date} 删除，记录中只保留化名。`,
  eraseTitle: (name: string) => `删除个人信息：${name}`,
  warning: '此操作不能撤销。',
  removed:
    '将删除：姓名、身份证号、手机号、证书编号（改为化名“已删除人员 #…”）；解除与成员账号的关联并停用该账号；释放身份证号、证书编号和邮箱，之后可再次登记。',
  kept: '将保留（财务与会计档案须保存）：合同岗位与工资记录、考试费用、奖励申请与奖励台账中的金额、日期和状态，以及操作记录。',
  refusedWhileOpen: '此人有尚未办结的奖励申请时不能删除：请等待支付、退回或撤回后再删除。',
  reason: '删除原因',
  reasonHint: '例如：本人申请删除（离职）。原因会写入操作记录，请不要填写个人信息。',
  reasonRequired: '请填写删除原因（至少 2 个字）',
  confirm: '确认删除个人信息',
  cancel: '取消',
  done: '个人信息已删除。',
  alreadyErased: '此人的个人信息已经删除。',
  openClaim: '此人有尚未办结的奖励申请，暂不能删除。',
  self: '不能删除与您自己账号关联的人员信息，请由另一位管理员操作。',
};

export const privacyEn: typeof privacyZh = {
  title: 'Personal data',
  lead: 'Under the Personal Information Protection Law: export everything Shegong holds about this person (with the audit trail), or erase their personal data.',
  ownLead: 'You can export everything Shegong holds about you (with the audit trail).',
  exportJson: 'Export JSON',
  exportXlsx: 'Export Excel',
  erase: 'Erase personal data',
  erased: 'Erased',
  erasedOn: (date: string) => `Personal data erased on ${date}; the record keeps a pseudonym only.`,
  eraseTitle: (name: string) => `Erase personal data: ${name}`,
  warning: 'This cannot be undone.',
  removed:
    'Removed: name, ID-card number, phone, certificate numbers (replaced by a pseudonym “已删除人员 #…”); the member account is unlinked and disabled; the ID-card number, certificate numbers and e-mail are freed for use again.',
  kept: 'Kept (financial and accounting records must be kept): contract posts and payroll, exam costs, award claims and the award ledger — amounts, dates and statuses — and the audit trail.',
  refusedWhileOpen:
    'A person with an award claim still open cannot be erased: wait until it is paid, refused or withdrawn.',
  reason: 'Reason',
  reasonHint:
    'For example: the person asked (left the organisation). It goes into the audit trail: name no personal data.',
  reasonRequired: 'Give the reason (at least 2 characters)',
  confirm: 'Erase personal data',
  cancel: 'Cancel',
  done: 'Personal data erased.',
  alreadyErased: 'This person’s personal data was erased already.',
  openClaim: 'This person has an open award claim and cannot be erased yet.',
  self: 'You cannot erase the person linked to your own account; ask another admin.',
};

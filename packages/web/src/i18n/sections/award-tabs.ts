/** The tabs of the incentives' pages (issue 13): 奖励申领 and 奖励审批. Chinese first; English has the same keys. */
export const awardTabsZh = {
  orgLabel: '奖励申领',
  bureauLabel: '奖励审批',
  org: { claims: '水平提升奖励', examCosts: '考试费用报销', internships: '见习补贴', recognitions: '机构表彰' },
  bureau: {
    claims: '奖励申领审批',
    internships: '见习补贴审批',
    recognitions: '机构表彰奖励',
    history: '历史发放记录',
    totals: '统计与导出',
  },
};

export const awardTabsEn: typeof awardTabsZh = {
  orgLabel: 'Award claims',
  bureauLabel: 'Award approvals',
  org: {
    claims: 'Level awards',
    examCosts: 'Exam costs',
    internships: 'Internship subsidies',
    recognitions: 'Recognitions',
  },
  bureau: {
    claims: 'Level-award claims',
    internships: 'Internship claims',
    recognitions: 'Organisation recognitions',
    history: 'Awards paid before',
    totals: 'Totals and export',
  },
};

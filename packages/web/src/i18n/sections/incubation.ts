import { INCUBATION_STAGE_LABELS } from '@shegong/domain';

/** Messages of the incubation base's own work (issue 12), Chinese first; English has the same keys. */
export const incubationZh = {
  cardTitle: '孵化工作',
  waiting: (n: number) => (n ? `${n} 份入驻申请待审核` : '没有待审核的入驻申请'),
  byStage: '入驻机构（按阶段）',
  stage: '阶段',
  count: '机构数',
  none: '还没有入驻机构。',
  stages: INCUBATION_STAGE_LABELS['zh-CN'],
  tabs: { label: '孵化档案', overview: '概况', support: '支持记录', milestones: '里程碑与出壳' },
};

export const incubationEn: typeof incubationZh = {
  cardTitle: 'Incubation',
  waiting: (n: number) =>
    n ? `${n} application${n === 1 ? '' : 's'} to join waiting for review` : 'No applications waiting for review',
  byStage: 'Organisations admitted, by stage',
  stage: 'Stage',
  count: 'Organisations',
  none: 'No organisation admitted yet.',
  stages: INCUBATION_STAGE_LABELS.en,
  tabs: {
    label: 'Incubation record',
    overview: 'Overview',
    support: 'Support given',
    milestones: 'Milestones and graduation',
  },
};

/**
 * What each policy rule says, in one short sentence, keyed by its id (POLICY.md): the text behind
 * every rule-id badge on every page. Chinese first; the English object must have the same keys.
 */
export const policyRulesZh = {
  'P-W1':
    '工资与社保（P-W1）：在编人员按国家规定发放工资，不按指导标准检查；社会保险和住房公积金按规定缴纳，缴费基数取月薪，低于下限按下限、高于上限按上限。',
  'P-W2': '成本核算（P-W2）：购买服务的预算以成本核算为基础，社会工作者人力成本是主要依据。',
  'P-W3':
    '薪酬指导标准（P-W3）：承接购买服务的机构参照当地薪酬指导标准支付社会工作者薪酬；此处按证书等级的月薪下限检查。',
  'P-C1':
    '岗位与证书（P-C1）：初级专业岗位至少需要助理社会工作师证书，中级需要社会工作师证书，高级需要高级社会工作师证书。',
  'P-C2': '职级体系（P-C2）：职级主要按专业知识技能和从业年限划分，越高的职级要求不应越低。',
  'P-R2': '继续教育（P-R2）：每名社会工作者每年不少于规定学时。',
  'P-S1': '服务内容（P-S1）：购买的服务须出自 17 类服务及志愿者管理的目录。',
  'P-A2': '专业水平提升奖励（P-A2）：取得证书的一次性奖励，金额按证书等级由规则设定。',
  'P-A3': '连续从业（P-A3）：在本地区连续从事社会工作满 2 年方可申请专业水平提升奖励；中断即重新计算。',
  'P-A4': '2022 年及以前取得的证书（P-A4）：只按所持最高等级奖励一次；此后取得的证书每个等级各奖励一次。',
  'P-A5': '只补差额（P-A5）：同一人不重复奖励；晋升等级时只发放与更高等级奖励的差额，累计不超过所持最高等级的奖励。',
  'P-A6': '在职在编公务员（P-A6）不享受专业水平提升奖励。',
  'P-A1':
    '考试费用（P-A1）：自规则设定的起始年份（默认 2023 年）起参加考试的，由所在单位报销报名费、教材费和往返交通费（按出差待遇）。',
  'P-A8':
    '机构表彰奖励（P-A8）：被国家民政部门评为先进单位或认定为社会工作人才培养基地的本地社会工作机构一次性奖励 2 万元，被自治区民政部门评定的奖励 1 万元（金额由规则设定）；同一表彰只奖励一次。',
  'P-A9':
    '见习补贴（P-A9）：经人力资源社会保障部门认定的见习基地，吸纳毕业年度全日制在校生或毕业 2 年内的毕业生见习的，按月享受见习补贴和意外伤害/工伤保险补贴；标准由民政局在规则中公布。',
  'P-A7': '统计汇总（P-A7）：由各级民政部门统计汇总申领情况，并从预算中发放。',
  'P-T1': '孵化基地覆盖（P-T1）：到 2025 年，每个县级行政区都建有社会组织孵化基地；市级基地服务全市，不计入县级覆盖。',
  'P-T2':
    '社区专业社工（P-T2）：到 2025 年，每个城市社区至少配备 2 名、每个农村社区至少 1 名社会工作专业人才（持证或社工专业大专以上学历）。',
  'P-T3':
    '登记社工机构（P-T3）：到 2025 年，每个县级行政区至少有 1 家在民政部门登记的社会工作服务机构；未登记的不计入。',
  'P-T4': '社工站（P-T4）：到 2023 年，每个乡镇（街道）建有社会工作服务站。',
  'P-T5': '持证社工（P-T5）：到 2025 年，持证社会工作者人数比 2022 年翻一番。',
  'P-T6': '人才基地（P-T6）：到 2025 年，全市至少有 1 个社会工作人才培育基地和 2 个实习（见习）基地。',
  'P-T7': '社区社工岗位（P-T7）：每个城乡社区至少有 1 个由持证社会工作者担任的社会工作岗位。',
  'N-1': '合同期限（N-1）：购买服务合同一般不超过 1 年；服务稳定、经常性且资金有保障的，可签 3 年以内。',
  'N-3': '按节点付款（N-3）：按合同约定的节点和购买主体的绩效监管付款，各节点金额合计应等于合同金额。',
  'N-4': '证书登记（N-4）：登记有效期 3 年，有效期届满前 3 个月内办理续期。',
  'N-5': '继续教育（N-5）：每个 3 年登记周期，助理社会工作师不少于 72 学时，社会工作师、高级社会工作师不少于 90 学时。',
  'N-6': '评估等级（N-6）：按分数评为优秀、良好、合格、不合格，并每年抽查一定比例的在执行项目。',
  'N-7': '管理费上限（N-7）：管理费不得超过当地规则设定的合同金额比例。',
};

export const policyRulesEn: typeof policyRulesZh = {
  'P-W1':
    'Pay and social insurance (P-W1): establishment staff are paid by state rules, not checked against the guideline; social insurance and housing fund are paid as the rules require, on a base of the monthly pay held between the floor and the cap.',
  'P-W2':
    'Cost accounting (P-W2): a purchased service is budgeted on a cost accounting whose principal basis is the labour cost of its social workers.',
  'P-W3':
    'Pay guideline (P-W3): contractors of purchased services pay social workers with reference to the local pay guideline; checked here as a monthly floor per certificate level.',
  'P-C1':
    'Posts and certificates (P-C1): a junior professional post needs at least the assistant certificate, an intermediate post the social-worker certificate, a senior post the senior certificate.',
  'P-C2':
    'Career ladder (P-C2): levels depend mainly on professional knowledge and skill and years of practice; a higher level should not ask for less.',
  'P-R2': 'Continuing education (P-R2): each social worker needs at least the local hours every year.',
  'P-S1': 'Services (P-S1): the services bought come from the catalogue of 17 kinds plus volunteer management.',
  'P-A2':
    'Level-improvement award (P-A2): a one-off award for a certificate, its amount per level set by the rule set.',
  'P-A3':
    'Unbroken practice (P-A3): 2 consecutive years of social work in the jurisdiction before an award can be claimed; a break starts the count again.',
  'P-A4':
    'Certificates from 2022 or before (P-A4): one award, at the highest level held; each level obtained later earns its own award.',
  'P-A5':
    'The difference only (P-A5): never paid twice; on moving up a level only the difference to the higher award is paid, and in total no more than the award of the highest level held.',
  'P-A6': 'Civil servants on active establishment (P-A6) receive no level-improvement award.',
  'P-A1':
    'Exam costs (P-A1): for exams from the rule set’s first year (2023 by default) the employer reimburses the registration fee, textbooks and round-trip travel, as for a business trip.',
  'P-A8':
    'Organisation awards (P-A8): a local social-work organisation named an advanced unit or a talent training base by the national civil-affairs authority gets a one-off ¥20,000, by the regional one ¥10,000 (rule-set amounts); the same recognition pays once.',
  'P-A9':
    'Internship subsidies (P-A9): an internship base recognised by the human-resources authority hosting full-time students in their graduation year, or graduates within 2 years of graduating, receives an internship and an accident / work-injury insurance subsidy per intern-month at the rates the bureau publishes.',
  'P-A7': 'Totals (P-A7): the civil-affairs bureaus collect and total the claims, and pay them from the budget.',
  'P-T1':
    'Incubation bases (P-T1): by 2025 every county-level region has a social-organisation incubation base; a city-level base serves the whole city and counts for no county.',
  'P-T2':
    'Professionals per community (P-T2): by 2025 every urban community has at least 2 social-work professionals and every rural community at least 1 (certified, or a social-work degree from associate level).',
  'P-T3':
    'Registered organisations (P-T3): by 2025 every county-level region has at least 1 social-work service organisation registered with civil affairs; unregistered ones do not count.',
  'P-T4': 'Stations (P-T4): by 2023 every township or street has a social-work station.',
  'P-T5': 'Certified social workers (P-T5): by 2025 twice as many as in 2022.',
  'P-T6': 'Talent bases (P-T6): by 2025 at least 1 talent cultivation base and 2 internship bases city-wide.',
  'P-T7':
    'Community posts (P-T7): every urban and rural community has at least 1 social-work post held by a certified social worker.',
  'N-1':
    'Term (N-1): a purchase contract runs at most 1 year; up to 3 years where the service is stable and recurring and its funding secure.',
  'N-3':
    "Payment by milestones (N-3): payment follows the contract's milestones and the buyer's monitoring; the milestones add up to the contract value.",
  'N-4': 'Registration (N-4): valid 3 years; renew in the 3 months before it expires.',
  'N-5':
    'Continuing education (N-5): per 3-year registration period at least 72 hours for assistant social workers, 90 for social workers and senior social workers.',
  'N-6':
    'Evaluation grades (N-6): projects are graded excellent, good, pass or fail by score, and a share of running projects is spot-checked each year.',
  'N-7': 'Management cap (N-7): the management fee may not exceed the local share of the contract value.',
};

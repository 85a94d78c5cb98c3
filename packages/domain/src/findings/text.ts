import { tenthsToHours as hours, formatMoney as money, formatPercent as percent } from '../money/money.ts';
import { formatDate, formatMonth } from '../text/dates.ts';
import {
  BUDGET_LINE_LABELS,
  CERT_LEVEL_LABELS,
  EDUCATION_LEVEL_LABELS,
  LADDER_REQUIREMENT_LABELS,
  POST_CLASS_LABELS,
} from '../text/labels.ts';
import type { Lang } from '../text/lang.ts';
import type { FloorBinding } from './contract.ts';
import type { Finding, FindingFacts, FindingOf } from './finding.ts';

/**
 * Why a price floor is the smallest value (COSTING.md, P-W2): the conditions that fail one fen
 * below it. The price-floor calculator and the below-floor finding both say it this way. With the
 * labour cost given, a floor set by the share alone says that L itself fits: the pay is not the cause.
 */
export function floorBindingText(binding: FloorBinding | undefined, lang: Lang, labourCost?: number): string {
  const zh = lang === 'zh-CN';
  if (binding === 'both')
    return zh
      ? '两个条件同时起作用：再少一分钱，人员经费既付不起岗位，也达不到最低比例。'
      : 'Both conditions bind: one fen less, and the personnel line neither pays the posts nor reaches the minimum share.';
  if (binding === 'labourCost')
    return zh
      ? '起决定作用的是人力成本：再少一分钱，人员经费就付不起这些岗位。'
      : 'The labour cost sets it: one fen less, and the personnel line cannot pay these posts.';
  if (binding === 'labourShare') {
    const fits = labourCost === undefined ? undefined : money(labourCost);
    return zh
      ? `起决定作用的是人员经费比例：再少一分钱，人员经费就达不到当地最低比例${fits ? `（人力成本 ${fits} 本身付得起，原因不在薪酬）` : ''}。`
      : `The personnel share sets it: one fen less, and the personnel line falls below the local minimum share${fits ? ` (the labour cost of ${fits} itself fits: pay is not the cause)` : ''}.`;
  }
  return zh ? '没有岗位和固定费用，最低合同价为零。' : 'With no posts and no fixed costs, the price floor is zero.';
}

/**
 * Every finding in the reader's language: the one wording of each kind, used by the pages, the
 * sheets and the API (a finding's `message` is this text in English, written by its builder).
 */
export function findingText(finding: Finding | FindingFacts, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (finding.kind) {
    case 'payBelowFloor':
      return payBelowFloorText(finding.amounts, lang);
    case 'personnelBelowLabourCost': {
      const a = finding.amounts;
      const [personnel, labour, short] = [money(a.personnel), money(a.labourCost), money(a.shortfall)];
      return zh
        ? `人员经费 ${personnel} 低于人力成本 ${labour}，差 ${short}。`
        : `The personnel line of ${personnel} is below the labour cost of ${labour}: ${short} short.`;
    }
    case 'labourShareBelowMin': {
      const a = finding.amounts;
      const [personnel, share, min, required] = [
        money(a.personnel),
        percent(a.shareBp),
        percent(a.minLabourShare),
        money(a.required),
      ];
      return zh
        ? `人员经费 ${personnel} 仅占合同金额的 ${share}，低于当地下限 ${min}：至少需要 ${required}。`
        : `The personnel line of ${personnel} is only ${share} of the contract value, below the local minimum of ${min}: it needs at least ${required}.`;
    }
    case 'managementOverCap': {
      const a = finding.amounts;
      const [management, cap, allowed] = [money(a.management), percent(a.maxManagementShare), money(a.allowed)];
      return zh
        ? `管理费 ${management} 超过当地上限（合同金额的 ${cap}）：最多 ${allowed}。`
        : `The management line of ${management} is above the local cap of ${cap} of the value: at most ${allowed}.`;
    }
    case 'taxUnderBudgeted': {
      const a = finding.amounts;
      const [tax, rate, expected] = [money(a.tax), percent(a.taxRate), money(a.expected)];
      return zh
        ? `税费 ${tax} 低于合同金额的 ${rate}（${expected}）。`
        : `The tax line of ${tax} is below ${rate} of the contract value (${expected}).`;
    }
    case 'budgetUnbalanced': {
      const a = finding.amounts;
      const [total, value, over] = [money(a.linesTotal), money(a.value), a.difference > 0];
      return zh
        ? `各预算科目合计 ${total}，${over ? '多于' : '少于'}合同金额 ${value}。`
        : `The budget lines add up to ${total}, ${over ? 'more' : 'less'} than the contract value of ${value}.`;
    }
    case 'belowPriceFloor': {
      const a = finding.amounts;
      const [value, floor, short] = [money(a.value), money(a.priceFloor), money(a.shortfall)];
      const why = a.bindsOn ? floorBindingText(a.bindsOn, lang, a.labourCost) : undefined;
      if (why)
        return zh
          ? `合同金额 ${value} 低于最低合同价 ${floor}，差 ${short}。${why}`
          : `The contract value of ${value} is below the price floor of ${floor}: ${short} short. ${why}`;
      return zh
        ? `合同金额 ${value} 低于最低合同价 ${floor}，差 ${short}：按指导标准支付这些岗位需要更高的合同金额。`
        : `The contract value of ${value} is below the price floor of ${floor} (${short} short): these posts cannot be paid at the guideline for less.`;
    }
    case 'noPriceFloor':
      return zh
        ? '按当地规则，任何合同金额都无法按指导标准支付这些岗位（管理费、税费与人员比例之和过高）。'
        : 'No contract value pays these posts at the guideline under the local rules (management, tax and the labour share add up too high).';
    case 'termTooLong': {
      const { months, limit } = finding.amounts;
      return zh
        ? `合同期限 ${months} 个月，超过任何购买服务合同的上限 ${limit} 个月。`
        : `A term of ${months} months is longer than the ${limit} months any purchase contract may run.`;
    }
    case 'termNeedsStableMark': {
      const { months, limit } = finding.amounts;
      return zh
        ? `合同期限 ${months} 个月，超过 ${limit} 个月：仅服务稳定、经常性且资金有保障时允许，请勾选该项或缩短期限。`
        : `A term of ${months} months is longer than ${limit} months: allowed only for a stable, recurring service with secure funding. Tick that box or shorten the term.`;
    }
    case 'noMilestones':
      return zh ? '合同还没有付款节点。' : 'The contract has no payment milestones.';
    case 'milestonesUnbalanced': {
      const a = finding.amounts;
      const [total, value, over] = [money(a.milestonesTotal), money(a.value), a.difference > 0];
      return zh
        ? `付款节点合计 ${total}，${over ? '多于' : '少于'}合同金额 ${value}。`
        : `The milestones add up to ${total}, ${over ? 'more' : 'less'} than the contract value of ${value}.`;
    }
    case 'actualOverBudget': {
      const a = finding.amounts;
      const [line, actual, budget, excess] = [
        BUDGET_LINE_LABELS[lang][a.line],
        money(a.actual),
        money(a.budget),
        money(a.excess),
      ];
      return zh
        ? `${line}已支出 ${actual}，超出预算 ${budget}，超出 ${excess}`
        : `${line} has spent ${actual}, over its budget of ${budget} by ${excess}`;
    }
    case 'projectedOverBudget': {
      const a = finding.amounts;
      const [line, projected, budget, excess] = [
        BUDGET_LINE_LABELS[lang][a.line],
        money(a.projected),
        money(a.budget),
        money(a.excess),
      ];
      const within = finding.severity === 'info' && a.tolerance !== undefined ? money(a.tolerance) : undefined;
      if (within)
        return zh
          ? `${line}按目前进度预计全期支出 ${projected}，略超预算 ${budget}（超出 ${excess}，在提示阈值 ${within} 之内，仅作提示）`
          : `${line} may end slightly over budget: at this rate ${projected} by the end of the term, ${excess} over its budget of ${budget} (within the ${within} tolerance: a note, not a warning)`;
      return zh
        ? `${line}按目前进度预计全期支出 ${projected}，将超出预算 ${budget}，超出 ${excess}`
        : `${line} is heading over budget: at this rate ${projected} by the end of the term, ${excess} over its budget of ${budget}`;
    }
    case 'bandBelowFloor': {
      const a = finding.amounts;
      const [min, cert, floor, short] = [
        money(a.min),
        CERT_LEVEL_LABELS[lang][a.certLevel],
        money(a.floor),
        money(a.shortfall),
      ];
      return zh
        ? `月薪下限 ${min} 低于${cert}的指导标准 ${floor}，差 ${short}`
        : `Minimum ${min} is below the ${cert} floor of ${floor}, short by ${short}`;
    }
    case 'levelBelowPostClass': {
      const a = finding.amounts;
      const certs = CERT_LEVEL_LABELS[lang];
      const postClass = POST_CLASS_LABELS[lang][a.postClass];
      return zh
        ? `${postClass}至少需要${certs[a.needed]}证书，这里只要求“${certs[a.has]}”`
        : `A ${postClass.toLowerCase()} needs at least the ${certs[a.needed]} certificate; this asks only for “${certs[a.has]}”`;
    }
    case 'duplicateLevelId':
      return zh
        ? `代码 ${finding.amounts.id} 已被前面的职级使用`
        : `The id ${finding.amounts.id} is used by an earlier level`;
    case 'levelBelowPrevious': {
      const [has, below] = lowerRequirementValues(finding.amounts, lang);
      const field = LADDER_REQUIREMENT_LABELS[lang][finding.amounts.requirement];
      return zh
        ? `要求的${field}（${has}）低于下一级（${below}）`
        : `Asks for less ${field} (${has}) than the level below (${below})`;
    }
    case 'ladderUnchecked': {
      const { region } = finding.amounts;
      const date = formatDate(finding.amounts.date, lang);
      return zh
        ? `${date} 地区 ${region} 没有生效的规则，薪酬区间和证书要求没有检查`
        : `No rule set is in force for region ${region} on ${date}: pay bands and certificates were not checked`;
    }
    case 'registrationExpired': {
      const { number } = finding.amounts;
      const date = formatDate(finding.amounts.expiresOn, lang);
      return zh
        ? `证书 ${number} 的登记已于 ${date} 到期，请尽快办理。`
        : `The registration of certificate ${number} expired on ${date}.`;
    }
    case 'registrationExpiring': {
      const { number, daysLeft } = finding.amounts;
      const date = formatDate(finding.amounts.expiresOn, lang);
      return zh
        ? `证书 ${number} 的登记将于 ${date} 到期（还有 ${daysLeft} 天），请办理续期。`
        : `The registration of certificate ${number} expires on ${date} (${daysLeft} days left): renew it now.`;
    }
    case 'registrationOverdue': {
      const { number } = finding.amounts;
      const [obtained, by] = [
        formatDate(finding.amounts.obtainedOn, lang),
        formatDate(finding.amounts.registerBy, lang),
      ];
      return zh
        ? `证书 ${number} 于 ${obtained} 取得，应在 ${by} 前首次登记，至今未登记。`
        : `Certificate ${number}, obtained on ${obtained}, should have been registered by ${by} and is not.`;
    }
    case 'ceHoursShort': {
      const a = finding.amounts;
      const [done, required, short] = [hours(a.tenthHours), hours(a.requiredTenthHours), hours(a.shortfallTenthHours)];
      return zh
        ? `${a.year} 年继续教育 ${done} 学时，要求 ${required} 学时，还差 ${short} 学时。`
        : `Continuing education in ${a.year}: ${done} of ${required} hours, ${short} short.`;
    }
    case 'cePeriodShort': {
      const a = finding.amounts;
      const [done, required, short] = [hours(a.tenthHours), hours(a.requiredTenthHours), hours(a.shortfallTenthHours)];
      return zh
        ? `本登记周期继续教育 ${done} 学时，要求 ${required} 学时，还差 ${short} 学时。`
        : `Continuing education this registration period: ${done} of ${required} hours, ${short} short.`;
    }
    default:
      return unknownKind(finding);
  }
}

/**
 * P-W3 is one finding for three figures, and each page has long said it its own way: a month's
 * payroll row names the month and the person; a person in the registry (who carries a name but no
 * month) and a planned post (neither) read as a monthly pay against the guideline.
 */
function payBelowFloorText(a: FindingOf<'payBelowFloor'>['amounts'], lang: Lang): string {
  const [pay, floor, short] = [money(a.pay), money(a.floor), money(a.shortfall)];
  const zh = lang === 'zh-CN';
  if (a.month !== undefined) {
    const month = formatMonth(a.month, lang);
    return zh
      ? `${month}：${a.name ?? ''} 的应发工资 ${pay} 低于该证书等级的指导标准 ${floor}，差 ${short}`
      : `${month}: ${a.name ?? ''} was paid ${pay}, below the guideline floor of ${floor} for their level by ${short}`;
  }
  if (a.ftePercent !== undefined)
    return zh
      ? `月薪 ${pay} 低于按工作时间 ${a.ftePercent}% 折算的指导标准 ${floor}，每月差 ${short}。`
      : `Pay ${pay} is below the floor ${floor} for ${a.ftePercent} % of full time: ${short} short each month.`;
  if (zh) return `月薪 ${pay} 低于指导标准 ${floor}，每月差 ${short}。`;
  return a.name !== undefined
    ? `Pay ${pay} is below the floor ${floor}: ${short} short each month.`
    : `Pay of ${pay} a month is below the guideline of ${floor}: ${short} short each month.`;
}

/** The two values a `levelBelowPrevious` compares, named as the requirement names them. */
function lowerRequirementValues(a: FindingOf<'levelBelowPrevious'>['amounts'], lang: Lang): [string, string] {
  switch (a.requirement) {
    case 'minCertificate':
      return [CERT_LEVEL_LABELS[lang][a.has], CERT_LEVEL_LABELS[lang][a.below]];
    case 'minEducation':
      return [EDUCATION_LEVEL_LABELS[lang][a.has], EDUCATION_LEVEL_LABELS[lang][a.below]];
    case 'minYearsPractice':
      return [String(a.has), String(a.below)];
  }
}

/** Reached only if a kind is missing above: the `never` makes TypeScript refuse to compile. */
function unknownKind(finding: never): never {
  throw new Error(`no text for finding kind ${(finding as { kind?: unknown }).kind}`);
}

/** A builder's last step: the finding with its English message, so the two never disagree. */
export function worded<F extends FindingFacts>(facts: F): F & { message: string } {
  return { ...facts, message: findingText(facts, 'en') };
}

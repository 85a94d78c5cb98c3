/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { QueuedContract } from '@shegong/core';
import { regionLevel } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatDate, formatMoney } from '../../i18n/index.ts';
import { Card, Notice, Pager, Table, Tag } from '../../layout/components.tsx';
import { regionName } from '../../layout/labels.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { Flags } from '../contracts/views.tsx';
import { bureauContractHref, REVIEWS } from './paths.ts';

/**
 * 合同审核: the contracts waiting for review in the jurisdiction, oldest first within each county.
 * The city's queue holds its counties' too, each labelled with the bureau that decides it.
 */
export function ReviewQueuePage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  items: readonly QueuedContract[];
  waiting: number;
  cursor?: string | undefined;
  paged: boolean;
}) {
  const { c, who } = props;
  const m = c.var.m;
  const r = m.reviews;
  const lang = c.var.lang;
  const columns = [
    r.colCounty,
    r.colOrganisation,
    r.colNumber,
    r.colTitle,
    r.colValue,
    r.colSubmitted,
    r.colFindings,
    r.colBureau,
  ];
  // A city bureau's queue holds its counties' contracts too: say who decides them.
  const cityNote = regionLevel(who.tenant.region) === 'city' ? r.cityNote : undefined;
  return (
    <Shell c={c} who={who} title={r.title} lead={r.lead}>
      {cityNote ? <Notice tone="info">{cityNote}</Notice> : null}
      <Card title={r.waitingCount(props.waiting)} id="queue">
        <Table caption={r.title} columns={columns} empty={props.items.length ? undefined : r.empty}>
          {props.items.map(({ organisationId, contract, decides }) => (
            <tr>
              <td data-label={r.colCounty}>{regionName(contract.purchaser.region, lang)}</td>
              <td data-label={r.colOrganisation}>{contract.review?.organisation ?? '—'}</td>
              <td data-label={r.colNumber} class="mono">
                <a href={bureauContractHref(organisationId, contract.id)}>{contract.number}</a>
              </td>
              <td data-label={r.colTitle}>{contract.title}</td>
              <td data-label={r.colValue} class="num">
                {formatMoney(contract.value)}
              </td>
              <td data-label={r.colSubmitted}>
                {contract.review ? formatDate(contract.review.submittedAt, lang) : '—'}
              </td>
              <td data-label={r.colFindings}>
                <Flags k={m.contracts} rules={m.policyRules} contract={contract} />
              </td>
              <td data-label={r.colBureau}>
                {contract.review?.bureau.name ?? '—'}{' '}
                {decides ? <Tag tone="blue">{r.yours}</Tag> : <Tag tone="grey">{r.readOnly}</Tag>}
              </td>
            </tr>
          ))}
        </Table>
        <Pager
          m={m}
          label={r.pagerLabel}
          first={props.paged ? REVIEWS : undefined}
          next={props.cursor ? `${REVIEWS}?cursor=${encodeURIComponent(props.cursor)}` : undefined}
        />
      </Card>
    </Shell>
  );
}

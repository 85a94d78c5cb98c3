/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { BUDGET_LINES, type BudgetLine, type ContractVersion } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import { formatMoney, type Lang } from '../../i18n/index.ts';
import { Card, Table, Tag } from '../../layout/components.tsx';
import type { PolicyRules } from '../../layout/rule-badge.tsx';
import {
  type ContractMessages,
  type Costing,
  FindingsSummary,
  findingsAt,
  LineFigures,
  PostFigures,
  Totals,
  ValueFigures,
} from './costing.tsx';
import { floorHref } from './paths.ts';

/** A saved version's costing, read only: the same pieces the editor shows beside its inputs, in tables. */

interface TableProps {
  k: ContractMessages;
  rules: PolicyRules;
  lang: Lang;
  costing: Costing;
}

/** Every post with its steps 1–5 and findings. */
function PostCostsTable(props: TableProps & { posts: readonly { title: string; role: string }[] }) {
  const { k, rules, costing } = props;
  const a = costing.assessment;
  return (
    <Table
      caption={k.costing.postsTitle}
      columns={[k.editor.postTitle, k.editor.role, k.editor.certLevel, k.costing.figures]}
      empty={a.costing.posts.length ? undefined : k.costing.noPosts}
    >
      {a.costing.posts.map((cost, i) => {
        const post = props.posts[i];
        return (
          <tr id={`post-${i}`}>
            <td data-label={k.editor.postTitle}>{post?.title ?? ''}</td>
            <td data-label={k.editor.role}>
              {post ? (k.roles[post.role as keyof ContractMessages['roles']] ?? post.role) : ''}
            </td>
            <td data-label={k.editor.certLevel}>
              <Tag tone="blue">{k.certLevels[cost.certLevel]}</Tag>
            </td>
            <td data-label={k.costing.figures} class="cell-figures">
              <PostFigures
                k={k}
                rules={rules}
                lang={props.lang}
                cost={cost}
                post={costing.costedPosts[i]}
                findings={findingsAt(a.findings, `/plan/posts/${i}`)}
              />
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

/** Every budget line with what it is checked against. */
function LineChecksTable(props: TableProps & { lines: Record<BudgetLine, number> }) {
  const { k } = props;
  return (
    <Table caption={k.costing.linesTitle} columns={[k.editor.line, k.editor.amount, k.costing.check]}>
      {BUDGET_LINES.map((line) => (
        <tr id={`line-${line}`}>
          <td data-label={k.editor.line}>{k.lines[line]}</td>
          <td data-label={k.editor.amount}>{formatMoney(props.lines[line])}</td>
          <td data-label={k.costing.check} class="cell-figures">
            <LineFigures
              k={k}
              rules={props.rules}
              lang={props.lang}
              line={line}
              assessment={props.costing.assessment}
            />
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** A version's costing, read only: the findings at the top, every post and line, the price floor. */
export function CostingCard(props: {
  c: Context<PageEnv>;
  /** The organisation's own contract: links to the price-floor calculator prefilled from it. */
  contractId?: string;
  version: ContractVersion;
  title: string;
}) {
  const { c, version } = props;
  const { plan, terms } = version.draft;
  const k = c.var.m.contracts;
  const rules = c.var.m.policyRules;
  const costing = { assessment: version.assessment, costedPosts: version.costedPosts, ruleSet: version.ruleSet };
  const tables = { k, rules, lang: c.var.lang, costing };
  return (
    <Card title={props.title} id="costing">
      <FindingsSummary k={k} rules={rules} costing={costing} lang={c.var.lang} links={false} />
      <div class="costing-tables">
        <PostCostsTable {...tables} posts={plan.posts} />
        <LineChecksTable {...tables} lines={plan.lines} />
        <div class="costing-tables-totals">
          <Totals
            k={k}
            rules={rules}
            costing={costing}
            value={terms.value}
            floorHref={props.contractId ? floorHref(props.contractId) : undefined}
          />
          <ValueFigures rules={rules} lang={c.var.lang} assessment={costing.assessment} />
        </div>
      </div>
    </Card>
  );
}

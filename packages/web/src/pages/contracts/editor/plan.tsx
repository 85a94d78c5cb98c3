/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { BUDGET_LINES, CERT_LEVELS, ITEMISED_LINES, POST_ROLES } from '@shegong/domain';
import { Card, optionsOf } from '../../../layout/components.tsx';
import { personOptions } from '../../../layout/labels.tsx';
import type { EditorValues } from '../form.ts';
import { type FieldsProps, Row, RowsSection, type SectionProps, Select, Text } from './fields.tsx';
import { Slot } from './slots.tsx';

/** The plan the value pays for: the posts with their costing beside each, the budget lines, the items. */

export function StaffingSection(props: SectionProps & { people: readonly { id: string; name: string }[] }) {
  const { k, errors, values: v } = props;
  const f = { m: props.m, k, errors };
  const e = k.editor;
  return (
    <RowsSection {...f} list="post" count={v.posts.length}>
      {v.posts.map((p, i) => (
        <Row {...f} list="post" index={i} aside={<Slot id={`costing-post-${i}`} slots={props.slots} />}>
          <Text {...f} name={`post-${i}-title`} label={e.postTitle} value={p.title} />
          <Select
            {...f}
            name={`post-${i}-role`}
            label={e.role}
            value={p.role}
            options={optionsOf(POST_ROLES, (r) => k.roles[r])}
          />
          <Select
            {...f}
            name={`post-${i}-certLevel`}
            label={e.certLevel}
            value={p.certLevel}
            options={optionsOf(CERT_LEVELS, (l) => k.certLevels[l])}
          />
          <Text
            {...f}
            name={`post-${i}-ftePercent`}
            label={e.ftePercent}
            hint={e.fteHint}
            value={p.ftePercent}
            width="short"
          />
          <Text {...f} name={`post-${i}-months`} label={e.months} value={p.months} width="short" />
          <Text
            {...f}
            name={`post-${i}-monthlyPay`}
            label={e.monthlyPay}
            hint={e.monthlyPayHint}
            value={p.monthlyPay}
            width="short"
          />
          <Select
            {...f}
            name={`post-${i}-personId`}
            label={e.person}
            value={p.personId}
            options={personOptions(props.people)}
            placeholder={e.noPerson}
          />
        </Row>
      ))}
    </RowsSection>
  );
}

/** Each budget line's amount with the threshold it is checked against beside it. */
export function BudgetLinesSection(props: SectionProps) {
  const { k, errors, values: v } = props;
  const f = { m: props.m, k, errors };
  return (
    <Card title={k.editor.budgetTitle} id="budget">
      <p class="hint">{k.editor.budgetHint}</p>
      <div class="contract-lines">
        {BUDGET_LINES.map((line) => (
          <div class="contract-line">
            <Text {...f} name={`line-${line}`} label={k.lines[line]} value={v.lines[line]} width="short" />
            <Slot id={`costing-line-${line}`} slots={props.slots} />
          </div>
        ))}
      </div>
    </Card>
  );
}

export function BudgetItemsSection(props: FieldsProps & { values: EditorValues }) {
  const { k, errors, values: v } = props;
  const f = { m: props.m, k, errors };
  const e = k.editor;
  return (
    <RowsSection {...f} list="item" count={v.items.length}>
      {v.items.map((it, i) => (
        <Row {...f} list="item" index={i}>
          <Select
            {...f}
            name={`item-${i}-line`}
            label={e.line}
            value={it.line}
            options={optionsOf(ITEMISED_LINES, (l) => k.lines[l])}
          />
          <Text {...f} name={`item-${i}-category`} label={e.category} value={it.category} />
          <Text
            {...f}
            name={`item-${i}-unitPrice`}
            label={e.unitPrice}
            hint={e.yuanHint}
            value={it.unitPrice}
            width="short"
          />
          <Text {...f} name={`item-${i}-unit`} label={e.unit} value={it.unit} width="short" />
          <Text {...f} name={`item-${i}-quantity`} label={e.quantity} value={it.quantity} width="short" />
          <Text {...f} name={`item-${i}-note`} label={e.note} value={it.note} />
        </Row>
      ))}
    </RowsSection>
  );
}

/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { SERVICES } from '@shegong/domain';
import type { Lang } from '../../../i18n/index.ts';
import { Card, Choices, errorFor, optionsOf } from '../../../layout/components.tsx';
import { regionOptions } from '../../../layout/labels.tsx';
import type { EditorValues } from '../form.ts';
import { type FieldsProps, Row, RowsSection, type SectionProps, Select, Text } from './fields.tsx';
import { Slot } from './slots.tsx';

/** The terms of the contract: the purchaser and the service, the term, the value, what is delivered and paid when. */

/** One yes/no box, not a list of Choices: ticked, the term may run past 12 months (N-1). */
function StableRecurringField(props: FieldsProps & { checked: boolean }) {
  const { m, k, errors } = props;
  const error = errorFor(errors, 'stableRecurring');
  return (
    <div class={`field${error ? ' field-has-error' : ''}`}>
      {error ? (
        <p class="field-error" id="stableRecurring-error">
          <span class="visually-hidden">{m.errors.prefix}</span>
          {error}
        </p>
      ) : null}
      <div class="choice">
        <input
          class="choice-input"
          type="checkbox"
          id="stableRecurring"
          name="stableRecurring"
          value="1"
          checked={props.checked}
          aria-describedby="stableRecurring-hint"
        />
        <label class="choice-label" for="stableRecurring">
          {k.editor.stableRecurring}
          <span class="choice-hint" id="stableRecurring-hint">
            {k.editor.stableRecurringHint}
          </span>
        </label>
      </div>
    </div>
  );
}

export function TermsSection(props: SectionProps & { lang: Lang }) {
  const { m, k, errors, values: v } = props;
  const f = { m, k, errors };
  const e = k.editor;
  return (
    <Card title={e.termsTitle} id="terms">
      <div class="contract-grid">
        <Text {...f} name="purchaserName" label={e.purchaserName} hint={e.purchaserNameHint} value={v.purchaserName} />
        <Select
          {...f}
          name="purchaserRegion"
          label={e.purchaserRegion}
          value={v.purchaserRegion}
          options={regionOptions(props.lang)}
        />
        <Text {...f} name="number" label={e.number} value={v.number} width="medium" />
        <Text {...f} name="title" label={e.title} value={v.title} />
      </div>
      <Choices
        m={m}
        type="checkbox"
        name="services"
        legend={e.services}
        hint={e.servicesHint}
        error={errorFor(errors, 'services')}
        choices={optionsOf(SERVICES, (s) => k.services[s])}
        selected={v.services}
        inline
      />
      <Text {...f} name="serviceArea" label={e.serviceArea} hint={e.serviceAreaHint} value={v.serviceArea} />
      <div class="contract-grid">
        <Text {...f} name="startDate" label={e.startDate} hint={e.dateHint} value={v.startDate} width="short" />
        <Text {...f} name="endDate" label={e.endDate} hint={e.dateHint} value={v.endDate} width="short" />
      </div>
      <Slot id="costing-term" slots={props.slots} />
      <StableRecurringField {...f} checked={v.stableRecurring} />
      <Text {...f} name="value" label={e.value} hint={e.yuanHint} value={v.value} width="short" />
      <Slot id="costing-value" slots={props.slots} />
    </Card>
  );
}

export function DeliverablesSection(props: FieldsProps & { values: EditorValues }) {
  const { k, errors, values: v } = props;
  const f = { m: props.m, k, errors };
  const e = k.editor;
  return (
    <RowsSection {...f} list="deliverable" count={v.deliverables.length}>
      {v.deliverables.map((d, i) => (
        <Row {...f} list="deliverable" index={i}>
          <Text {...f} name={`deliverable-${i}-name`} label={e.deliverableName} value={d.name} />
          <Text {...f} name={`deliverable-${i}-indicator`} label={e.indicator} value={d.indicator} />
          <Text {...f} name={`deliverable-${i}-target`} label={e.target} value={d.target} width="short" />
          <Text {...f} name={`deliverable-${i}-unit`} label={e.unit} value={d.unit} width="short" />
        </Row>
      ))}
    </RowsSection>
  );
}

/** The payment milestones, their sum checked against the value (N-3) under the list. */
export function MilestonesSection(props: SectionProps) {
  const { k, errors, values: v } = props;
  const f = { m: props.m, k, errors };
  const e = k.editor;
  return (
    <RowsSection
      {...f}
      list="milestone"
      count={v.milestones.length}
      after={<Slot id="costing-milestones" slots={props.slots} />}
    >
      {v.milestones.map((ms, i) => (
        <Row {...f} list="milestone" index={i}>
          <Text {...f} name={`milestone-${i}-name`} label={e.milestoneName} value={ms.name} />
          <Text
            {...f}
            name={`milestone-${i}-dueDate`}
            label={e.dueDate}
            hint={e.dateHint}
            value={ms.dueDate}
            width="short"
          />
          <Text
            {...f}
            name={`milestone-${i}-amount`}
            label={e.amount}
            hint={e.yuanHint}
            value={ms.amount}
            width="short"
          />
          <Text {...f} name={`milestone-${i}-condition`} label={e.condition} value={ms.condition} />
        </Row>
      ))}
    </RowsSection>
  );
}

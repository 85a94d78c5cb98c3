/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { TenantRecord } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import type { Flash } from '../../flash/flash.ts';
import { formatDate } from '../../i18n/index.ts';
import type { FieldError } from '../../layout/components.tsx';
import { DescriptionList } from '../../layout/components.tsx';
import { Icon } from '../../layout/icons.tsx';
import { PublicPage } from '../../layout/shell.tsx';
import { ApplicationForm, type ApplicationValues } from './application-form.tsx';
import { applyPath } from './paths.ts';

/** The public link's pages (no sign-in): the application form under the base's name, and the receipt. */

export type PublicBase = Pick<TenantRecord, 'id' | 'name' | 'nameEn'>;

const baseName = (c: Context<PageEnv>, base: Pick<PublicBase, 'name' | 'nameEn'>) =>
  c.var.lang === 'en' && base.nameEn ? base.nameEn : base.name;

export function ApplyPage(props: {
  c: Context<PageEnv>;
  base: PublicBase;
  values: ApplicationValues;
  errors: readonly FieldError[];
  formKey: string;
}) {
  const { c, base } = props;
  const a = c.var.m.incubationPages.apply;
  const title = a.title(baseName(c, base));
  return (
    <PublicPage c={c} title={title} here={applyPath(base.id)} wide>
      <div class="card">
        <div class="card-body">
          <h1>{title}</h1>
          <p class="lead">{a.lead}</p>
          <ApplicationForm
            c={c}
            action={applyPath(base.id)}
            values={props.values}
            errors={props.errors}
            formKey={props.formKey}
            submit={a.submit}
            honeypot
          />
        </div>
      </div>
    </PublicPage>
  );
}

export function ReceivedPage(props: { c: Context<PageEnv>; receipt: Extract<Flash, { t: 'applied' }> }) {
  const { c, receipt } = props;
  const a = c.var.m.incubationPages.apply;
  return (
    <PublicPage c={c} title={a.receivedTitle}>
      <div class="status-page">
        <div class="panel-success" role="status">
          <span class="result-icon" aria-hidden="true">
            <Icon name="check" class="result-svg" />
          </span>
          <h1>{a.receivedTitle}</h1>
          <p>{a.received(receipt.incubatorName)}</p>
        </div>
        <DescriptionList
          items={[
            [a.reference, <span class="mono">{receipt.id}</span>],
            [a.base, receipt.incubatorName],
            [a.submittedAt, formatDate(receipt.submittedAt, c.var.lang)],
          ]}
        />
        <p class="hint">{a.keep}</p>
      </div>
    </PublicPage>
  );
}

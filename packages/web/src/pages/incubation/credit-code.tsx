/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { TenantRecord } from '@shegong/domain';
import type { Context } from 'hono';
import type { PageEnv } from '../../env.ts';
import {
  Card,
  CsrfInput,
  ErrorSummary,
  errorFor,
  type FieldError,
  Notice,
  TextField,
} from '../../layout/components.tsx';
import { Shell, type SignedIn } from '../../layout/shell.tsx';
import { CREDIT_CODE_PAGE } from './paths.ts';

/**
 * Where an organisation a base admitted 未登记 records its unified social credit code once it is
 * registered (its admin); a registered organisation sees its code, which does not change.
 */
export function CreditCodePage(props: {
  c: Context<PageEnv>;
  who: SignedIn;
  tenant: TenantRecord;
  uscc: string;
  errors: readonly FieldError[];
}) {
  const { c, tenant, errors } = props;
  const m = c.var.m;
  const k = m.incubationPages.creditCode;
  return (
    <Shell c={c} who={props.who} title={k.title} lead={k.lead} here={CREDIT_CODE_PAGE}>
      <Card>
        {tenant.toBeRegistered ? (
          <>
            <ErrorSummary m={m} errors={errors} />
            <form class="form" method="post" action={CREDIT_CODE_PAGE} novalidate>
              <CsrfInput token={c.var.csrfToken} />
              <input type="hidden" name="version" value={String(tenant.version)} />
              <TextField
                m={m}
                id="uscc"
                name="uscc"
                label={k.uscc}
                hint={k.usccHint}
                value={props.uscc}
                error={errorFor(errors, 'uscc')}
                width="medium"
                maxlength={18}
                autocomplete="off"
              />
              <button type="submit" class="btn btn-primary">
                {k.submit}
              </button>
            </form>
          </>
        ) : (
          <Notice tone="success">{k.done(tenant.uscc ?? '')}</Notice>
        )}
        <div class="actions">
          <a class="btn" href="/org">
            {k.back}
          </a>
        </div>
      </Card>
    </Shell>
  );
}

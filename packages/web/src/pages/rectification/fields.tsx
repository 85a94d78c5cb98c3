/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Messages } from '../../i18n/index.ts';

/** A field that takes sentences: a textarea with its label, hint and error (GOV.UK's pattern). */
export function TextAreaField(props: {
  m: Messages;
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value?: string | undefined;
  rows?: number;
}) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field${props.error ? ' field-has-error' : ''}`}>
      <label class="label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p class="field-error" id={`${props.id}-error`}>
          <span class="visually-hidden">{props.m.errors.prefix}</span>
          {props.error}
        </p>
      ) : null}
      <textarea
        class="textarea"
        id={props.id}
        name={props.id}
        rows={props.rows ?? 4}
        aria-describedby={describedBy || undefined}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { assetUrl } from '../assets/index.ts';
import type { Messages } from '../i18n/index.ts';

/**
 * The HTML document around every page: language, viewport, the one stylesheet and the one
 * script (both self-served, so the CSP can stay `default-src 'self'`).
 */
export function Document(props: {
  m: Messages;
  title: string;
  bodyClass?: string;
  refreshTo?: string;
  children: Child;
}) {
  const { m } = props;
  return (
    <html lang={m.meta.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.refreshTo ? <meta http-equiv="refresh" content={`0;url=${props.refreshTo}`} /> : null}
        <title>{`${props.title} · ${m.app.titleSuffix}`}</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <link rel="icon" type="image/svg+xml" href={assetUrl('icon.svg')} />
        <script src={assetUrl('app.js')} defer />
      </head>
      <body class={props.bodyClass}>
        <a class="skip-link" href="#main">
          {m.app.skipLink}
        </a>
        {props.children}
      </body>
    </html>
  );
}

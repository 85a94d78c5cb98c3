/**
 * The sign-in page's stylesheet and script, served by the issuer at <issuer>/assets/…: the app's
 * Content-Security-Policy forbids inline styles and scripts, and nothing may come from a CDN.
 */
export const SIGNIN_CSS = `
:root {
  /* The app's palette (packages/web), so signing in does not feel like leaving Shegong. */
  --ink: #1f1f1f; --muted: #595959; --line: #e5e7eb; --paper: #ffffff; --ground: #f5f7fa;
  --brand: #0958d9; --brand-dark: #003eb3; --brand-soft: #e6f4ff;
  --danger: #b42318; --danger-soft: #fef3f2; --note: #8a5a00; --note-soft: #fff8e6;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--ground); color: var(--ink);
  font: 15px/1.6 -apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", Roboto, sans-serif;
}
.shell {
  max-width: 1120px; margin: 0 auto; padding: 48px 24px;
  display: grid; gap: 24px; grid-template-columns: minmax(300px, 380px) 1fr; align-items: start;
}
.signin { position: sticky; top: 24px; }
.card {
  background: var(--paper); border: 1px solid var(--line); border-radius: 12px;
  padding: 28px; box-shadow: 0 1px 2px rgba(16, 24, 40, .04), 0 4px 16px rgba(16, 24, 40, .04);
}
.en { color: var(--muted); font-weight: normal; font-size: .86em; margin-left: .35em; }
.brand { display: flex; gap: 12px; align-items: center; margin-bottom: 24px; }
.mark {
  width: 40px; height: 40px; border-radius: 10px; background: var(--brand); color: #fff;
  display: grid; place-items: center; font-size: 20px; font-weight: 700;
}
.brand-text { display: flex; flex-direction: column; line-height: 1.3; }
.brand-text span { color: var(--muted); font-size: 13px; }
h1 { font-size: 22px; margin: 0 0 16px; }
h2 { font-size: 18px; margin: 0 0 8px; }
p { margin: 0 0 12px; }
.muted { color: var(--muted); font-size: 14px; }
.signin-form { display: grid; gap: 6px; margin-bottom: 20px; }
label { font-weight: 600; font-size: 14px; margin-top: 10px; }
input[type=email], input[type=password] {
  width: 100%; padding: 10px 12px; font: inherit; color: inherit;
  border: 1px solid #8c8c8c; border-radius: 8px; background: #fff;
}
input:focus-visible, button:focus-visible, a:focus-visible {
  outline: 3px solid #1d4ed8; outline-offset: 2px;
}
button[type=submit], .button {
  margin-top: 18px; padding: 11px 16px; font: inherit; font-weight: 600; color: #fff; cursor: pointer;
  background: var(--brand); border: 0; border-radius: 8px; text-decoration: none; display: inline-block; text-align: center;
}
button[type=submit]:hover, .button:hover { background: var(--brand-dark); }
button[type=submit] .en, .button .en { color: rgba(255, 255, 255, .85); }
.error {
  background: var(--danger-soft); color: var(--danger); border: 1px solid #fecdca;
  border-radius: 8px; padding: 10px 12px; font-size: 14px;
}
.error .en { color: var(--danger); opacity: .85; }
.notice {
  background: var(--note-soft); color: var(--note); border: 1px solid #f5dfa6;
  border-radius: 8px; padding: 10px 12px; font-size: 13px; margin: 0;
}
.notice .en { display: block; margin: 4px 0 0; color: var(--note); opacity: .9; }
code.password {
  white-space: nowrap;
  font: 600 14px/1 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  background: var(--brand-soft); color: var(--brand-dark); padding: 3px 8px; border-radius: 6px;
}
.table-wrap { overflow-x: auto; margin-top: 12px; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { font-size: 13px; color: var(--muted); background: #f8fafc; white-space: nowrap; }
tr.tenant th { padding-top: 18px; font-size: 15px; border-bottom-color: #c5ced8; }
tr.tenant .en { display: block; margin: 0; font-size: 12px; }
.kind {
  margin-left: 8px; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600;
  color: var(--brand-dark); background: var(--brand-soft); vertical-align: 1px;
}
td .en { font-size: 12px; }
tbody tr:not(.tenant):hover { background: #f8fafc; }
button.fill {
  font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--brand-dark);
  background: none; border: 0; padding: 0; cursor: pointer; text-align: left; overflow-wrap: anywhere;
}
button.fill:hover { text-decoration: underline; }
@media (max-width: 820px) {
  .shell { grid-template-columns: 1fr; padding: 16px 12px; gap: 16px; }
  .card { padding: 20px; }
  .signin { position: static; }
  td .en { display: block; margin: 0; }
}
`;

/** Clicking a demo address fills in the form; the page works without it. */
export const SIGNIN_JS = `
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('button.fill');
  if (!button) return;
  var form = document.querySelector('form.signin-form');
  if (!form) return;
  form.elements.email.value = button.getAttribute('data-email');
  form.elements.password.value = button.getAttribute('data-password');
  form.querySelector('button[type=submit]').focus();
});
`;

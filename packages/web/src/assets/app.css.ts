/**
 * The one stylesheet, hand-written and served from /assets/app.css (no CDN, no web fonts: the
 * system's Chinese fonts). Colours are chosen for WCAG AA: body text and links ≥ 4.5:1 on their
 * backgrounds, input borders ≥ 3:1, and a focus ring on everything that takes focus.
 */
export const appCss = /* css */ `
:root {
  --primary: #0958d9;
  --primary-hover: #003eb3;
  --primary-bg: #e6f4ff;
  --text: #1f1f1f;
  --text-2: #595959;
  --border: #d9d9d9;
  --border-input: #8c8c8c;
  --divider: #f0f0f0;
  --bg: #f5f7fa;
  --surface: #ffffff;
  --error: #b42318;
  --error-bg: #fff1f0;
  --success: #237804;
  --success-bg: #f6ffed;
  --warning: #ad4e00;
  --warning-bg: #fff7e6;
  --focus: #1d4ed8;
  --radius: 8px;
  --topbar: 56px;
  font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  font-size: 14px;
  line-height: 1.6;
  color: var(--text);
  background: var(--bg);
  -webkit-text-size-adjust: 100%;
}

*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
h1, h2, h3 { line-height: 1.35; margin: 0; font-weight: 600; }
p { margin: 0 0 12px; }
a { color: var(--primary); text-underline-offset: 2px; }
a:hover { color: var(--primary-hover); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
main:focus { outline: none; }

.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}
.skip-link {
  position: absolute; left: 8px; top: -48px; z-index: 100; padding: 8px 16px;
  background: var(--surface); color: var(--primary); border-radius: 6px; font-weight: 600;
}
.skip-link:focus { top: 8px; }

/* Top bar */
.topbar {
  position: sticky; top: 0; z-index: 20; height: var(--topbar);
  background: var(--surface); border-bottom: 1px solid var(--divider);
  box-shadow: 0 1px 4px rgba(0, 21, 41, 0.06);
}
.topbar-inner { height: 100%; display: flex; align-items: center; gap: 16px; padding: 0 24px; position: relative; }
.brand { display: inline-flex; align-items: center; gap: 10px; color: var(--text); text-decoration: none; font-size: 17px; font-weight: 600; white-space: nowrap; }
.brand:hover { color: var(--text); }
.brand-mark {
  display: inline-grid; place-items: center; width: 30px; height: 30px; border-radius: 8px;
  background: linear-gradient(135deg, #1677ff, #0958d9); color: #fff; font-size: 16px;
}
.topbar-tenant {
  color: var(--text-2); padding-left: 16px; border-left: 1px solid var(--border);
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0;
}
.topbar-right { margin-left: auto; display: flex; align-items: center; gap: 16px; white-space: nowrap; }
.lang-switch {
  display: inline-flex; align-items: center; gap: 4px; min-height: 32px; padding: 0 10px;
  border: 1px solid var(--border); border-radius: 16px; color: var(--text); text-decoration: none; font-size: 13px;
}
.lang-switch:hover { border-color: var(--primary); color: var(--primary); }
.lang-globe { font-size: 11px; color: var(--text-2); }
.topbar-user { display: inline-flex; align-items: center; gap: 8px; }
.avatar {
  display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 50%;
  background: var(--primary-bg); color: var(--primary); font-weight: 600; font-size: 13px;
}
.signout { margin: 0; }
.mobile-account { display: none; }

/* Menu: a sider on wide screens, a disclosure under the top bar on phones */
.layout { flex: 1; display: grid; grid-template-columns: 232px minmax(0, 1fr); }
.sider { background: var(--surface); border-right: 1px solid var(--divider); padding: 12px 0; }
.menu ul { list-style: none; margin: 0; padding: 0; }
.menu-item {
  display: flex; align-items: center; gap: 10px; min-height: 40px; margin: 2px 8px; padding: 0 16px;
  border-radius: 6px; color: var(--text); text-decoration: none;
}
.menu-item:hover { background: #f5f5f5; color: var(--text); }
.menu-item.is-active { background: var(--primary-bg); color: var(--primary); font-weight: 600; }
.menu-item .icon { flex: none; }
.menu-label { flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.menu-count { flex: none; min-width: 20px; text-align: center; font-size: 12px; line-height: 20px; padding: 0 6px; border-radius: 10px; background: #cf1322; color: #fff; font-weight: 600; }
.menu-soon { flex: none; white-space: nowrap; font-size: 11px; line-height: 18px; padding: 0 6px; border-radius: 9px; background: #f0f0f0; color: var(--text-2); font-weight: 400; }
.subnav { border-bottom: 1px solid var(--divider); margin-bottom: 16px; overflow-x: auto; }
.subnav ul { list-style: none; display: flex; gap: 4px; margin: 0; padding: 0; }
.subnav-item { display: block; padding: 10px 16px; color: var(--text-2); text-decoration: none; white-space: nowrap; border-bottom: 2px solid transparent; }
.subnav-item:hover { color: var(--primary); }
.subnav-item.is-active { color: var(--primary); border-bottom-color: var(--primary); font-weight: 600; }
.chain-hash { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; word-break: break-all; }
.steps-list { list-style: none; margin: 0; padding: 0; }
.steps-list li { padding: 8px 0; border-bottom: 1px solid var(--border, #f0f0f0); overflow-wrap: anywhere; }
.steps-list .step-head { font-weight: 600; }
/* Incubation intake (issue 12): founder rows side by side where they fit; a rule badge above its field. */
.founder-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 0 16px; }
.badge-above { margin-bottom: 4px; }
.service-tags .tag { white-space: normal; max-width: 100%; }
.mobile-nav { display: none; }
.mobile-nav-toggle {
  display: inline-flex; align-items: center; gap: 6px; min-height: 40px; padding: 0 10px;
  border: 1px solid var(--border); border-radius: 6px; cursor: pointer; list-style: none; user-select: none;
}
.mobile-nav-toggle::-webkit-details-marker { display: none; }
.mobile-nav[open] .mobile-nav-toggle { background: var(--primary-bg); border-color: var(--primary); color: var(--primary); }
.mobile-panel {
  position: absolute; left: 0; right: 0; top: var(--topbar); padding: 8px 0; max-height: calc(100vh - var(--topbar)); overflow-y: auto;
  background: var(--surface); border-bottom: 1px solid var(--divider); box-shadow: 0 8px 16px rgba(0, 0, 0, 0.08);
}

/* Content */
.content { padding: 24px; min-width: 0; max-width: 1280px; width: 100%; }
.page-header { margin-bottom: 20px; }
.breadcrumbs ol { list-style: none; display: flex; flex-wrap: wrap; margin: 0 0 8px; padding: 0; color: var(--text-2); }
.breadcrumbs li + li::before { content: "/"; margin: 0 8px; color: #8c8c8c; }
.breadcrumbs a { color: var(--text-2); text-decoration: none; }
.breadcrumbs a:hover { color: var(--primary); text-decoration: underline; }
.breadcrumbs [aria-current] { color: var(--text); }
.page-header-main { display: flex; align-items: center; justify-content: space-between; gap: 16px; flex-wrap: wrap; }
.page-title { font-size: 22px; }
.page-actions { display: flex; gap: 8px; flex-wrap: wrap; }
.lead { color: var(--text-2); margin: 6px 0 0; max-width: 720px; }

.card { background: var(--surface); border: 1px solid var(--divider); border-radius: var(--radius); margin-bottom: 16px; }
.card-head { display: flex; align-items: center; justify-content: space-between; gap: 12px; min-height: 56px; padding: 12px 24px; border-bottom: 1px solid var(--divider); flex-wrap: wrap; }
.card-title { font-size: 16px; }
.card-extra { color: var(--text-2); }
.card-body { padding: 20px 24px; }
.card-body > :last-child { margin-bottom: 0; }
.card-flush .card-body { padding: 0; }
.grid-2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; align-items: start; }
.grid-2 > .card { margin-bottom: 0; }
.stack > * + * { margin-top: 16px; }

.descriptions { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 16px 24px; margin: 0; }
.descriptions-item { min-width: 0; }
.descriptions dt { color: var(--text-2); margin-bottom: 2px; }
.descriptions dd { margin: 0; font-weight: 500; overflow-wrap: anywhere; }
.mono, .input-mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }

/* Tags */
.tags { display: inline-flex; flex-wrap: wrap; gap: 4px; }
.tag { display: inline-block; padding: 0 8px; font-size: 12px; line-height: 20px; border: 1px solid; border-radius: 4px; white-space: nowrap; }
.tag-blue { color: #0958d9; background: #e6f4ff; border-color: #91caff; }
.tag-green { color: #237804; background: #f6ffed; border-color: #b7eb8f; }
.tag-red { color: #a8071a; background: #fff1f0; border-color: #ffa39e; }
.tag-amber { color: #ad4e00; background: #fff7e6; border-color: #ffd591; }
.tag-grey { color: #434343; background: #fafafa; border-color: #d9d9d9; }
.tag-purple { color: #531dab; background: #f9f0ff; border-color: #d3adf7; }
.tag-cyan { color: #006d75; background: #e6fffb; border-color: #87e8de; }

/* Tables */
.table-wrap { width: 100%; overflow-x: auto; }
.table { width: 100%; border-collapse: collapse; }
.table th { background: #fafafa; color: var(--text); font-weight: 600; text-align: left; padding: 12px 16px; border-bottom: 1px solid var(--divider); white-space: nowrap; }
.table td { padding: 12px 16px; border-bottom: 1px solid var(--divider); vertical-align: middle; }
.table tbody tr:hover td { background: #fafafa; }
.table tbody tr:last-child td { border-bottom: 0; }
.table .cell-actions { white-space: nowrap; }
/* A name column of a wide table keeps a readable width; the table scrolls sideways (.table-wrap) instead */
.table .cell-name { min-width: 11em; }
.table .cell-actions form { display: inline; margin: 0; }
.table .cell-actions .btn-link { padding: 0; }
.empty { padding: 32px 16px; text-align: center; color: var(--text-2); margin: 0; }
.pager { display: flex; justify-content: flex-end; gap: 16px; padding: 12px 16px; border-top: 1px solid var(--divider); }
.muted { color: var(--text-2); }

/* Buttons */
.btn {
  display: inline-flex; align-items: center; justify-content: center; gap: 6px; min-height: 36px; padding: 0 16px;
  font: inherit; font-weight: 500; color: var(--text); background: var(--surface);
  border: 1px solid var(--border); border-radius: 6px; cursor: pointer; text-decoration: none; white-space: nowrap;
}
.btn:hover { color: var(--primary); border-color: var(--primary); }
.btn-primary { color: #fff; background: var(--primary); border-color: var(--primary); }
.btn-primary:hover { color: #fff; background: var(--primary-hover); border-color: var(--primary-hover); }
.btn-danger { color: var(--error); border-color: #ffa39e; }
.btn-danger:hover { color: #fff; background: var(--error); border-color: var(--error); }
.btn-large { min-height: 44px; padding: 0 24px; font-size: 16px; }
.btn-small { min-height: 28px; padding: 0 10px; font-size: 13px; }
.btn-link { font: inherit; color: var(--primary); background: none; border: 0; padding: 4px 2px; cursor: pointer; text-decoration: underline; text-underline-offset: 2px; }
.btn-link:hover { color: var(--primary-hover); }
.btn-link-danger { color: var(--error); }
.actions { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; margin-top: 8px; }

/* Forms (GOV.UK's practice: label, hint, error, input, in that order) */
.form { max-width: 640px; }
.field { margin-bottom: 24px; }
.fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.label { display: block; font-weight: 600; font-size: 15px; margin-bottom: 4px; padding: 0; }
.hint { color: var(--text-2); margin: 0 0 8px; }
.field-has-error { border-left: 4px solid var(--error); padding-left: 14px; }
.field-error { color: var(--error); font-weight: 600; margin: 0 0 8px; }
.input, .select {
  display: block; height: 40px; padding: 0 12px; font: inherit; font-size: 15px; color: var(--text);
  background: var(--surface); border: 1px solid var(--border-input); border-radius: 6px;
}
.input:focus, .select:focus { border-color: var(--primary); outline: 3px solid var(--focus); outline-offset: 0; box-shadow: none; }
.field-has-error .input, .field-has-error .select { border: 2px solid var(--error); }
.input-full { width: 100%; max-width: 480px; }
.input-medium { width: 100%; max-width: 320px; }
.input-short { width: 100%; max-width: 200px; }
.select { width: 100%; max-width: 320px; padding-right: 8px; }
.input[readonly] { background: #fafafa; }
.choices { display: grid; gap: 10px; }
.choices-inline { display: flex; flex-wrap: wrap; gap: 10px 24px; }
.choice { display: flex; align-items: flex-start; gap: 10px; }
.choice-input { flex: none; width: 20px; height: 20px; margin: 2px 0 0; accent-color: var(--primary); cursor: pointer; }
.choice-label { cursor: pointer; }
.choice-hint { display: block; color: var(--text-2); font-size: 13px; }
.copy-row { display: flex; gap: 8px; align-items: stretch; max-width: 640px; }
.copy-row .input { max-width: none; flex: 1; min-width: 0; }

/* Messages */
.error-summary { border: 3px solid var(--error); border-radius: 6px; background: var(--surface); padding: 16px 20px; margin-bottom: 24px; }
.error-summary:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
.error-summary-title { font-size: 17px; margin-bottom: 8px; }
.error-summary-list { margin: 0; padding-left: 20px; }
.error-summary-list a { color: var(--error); font-weight: 600; }
.notice { padding: 12px 16px; border: 1px solid; border-radius: 6px; margin-bottom: 16px; }
.notice-success { background: var(--success-bg); border-color: #b7eb8f; }
.notice-error { background: var(--error-bg); border-color: #ffa39e; color: #820014; }
.notice-info { background: var(--primary-bg); border-color: #91caff; }
.notice-warning { background: var(--warning-bg); border-color: #ffd591; }
.panel-success { text-align: center; padding: 28px 24px; border-radius: var(--radius); background: var(--success-bg); border: 1px solid #b7eb8f; margin-bottom: 20px; }
.panel-success h2 { font-size: 20px; color: var(--success); }
.panel-success p { margin: 8px 0 0; }
.result-icon { display: inline-grid; place-items: center; width: 48px; height: 48px; border-radius: 50%; background: var(--success); color: #fff; font-size: 26px; font-weight: 700; margin-bottom: 12px; }
.result-svg { width: 28px; height: 28px; stroke-width: 2.6; }
.result-icon-warn { background: var(--warning); }
.result-icon-error { background: var(--error); }
.coming-soon { text-align: center; padding: 48px 24px; }
.coming-soon .tag { font-size: 13px; padding: 2px 12px; margin-bottom: 12px; }

/* Public pages: landing, invitations, errors */
.public-main { width: 100%; max-width: 640px; margin: 48px auto; padding: 0 16px; flex: 1; }
.public-wide { max-width: 960px; }
.hero { background: var(--surface); border: 1px solid var(--divider); border-radius: 12px; padding: 40px; }
.hero-title { font-size: 30px; margin-bottom: 12px; }
.hero-lead { font-size: 16px; color: var(--text-2); max-width: 560px; }
.hero-points { list-style: none; padding: 0; margin: 24px 0; display: grid; gap: 10px; }
.hero-points li { display: flex; gap: 10px; align-items: flex-start; }
.hero-points li::before {
  content: ""; flex: none; width: 6px; height: 11px; margin: 0 4px 0 2px;
  border: solid var(--success); border-width: 0 2px 2px 0; margin-top: 4px; transform: rotate(45deg);
}
.hero-note { color: var(--text-2); margin-top: 20px; }
.status-page { background: var(--surface); border: 1px solid var(--divider); border-radius: 12px; padding: 32px; }
.status-page h1 { font-size: 22px; margin-bottom: 12px; }
.divider { border: 0; border-top: 1px solid var(--divider); margin: 24px 0; }
.section-title { font-size: 18px; margin-bottom: 16px; }
.status-code { display: block; font-size: 40px; font-weight: 700; color: #bfbfbf; line-height: 1; margin-bottom: 8px; }

.footer { display: flex; flex-wrap: wrap; gap: 8px 24px; justify-content: space-between; padding: 16px 24px; color: var(--text-2); font-size: 12px; border-top: 1px solid var(--divider); background: var(--surface); }
.footer a { color: var(--text-2); }

/* Tablets and phones */
@media (max-width: 900px) {
  .layout { grid-template-columns: minmax(0, 1fr); }
  .sider { display: none; }
  .mobile-nav { display: block; }
  .topbar-inner { padding: 0 12px; gap: 10px; }
  .content { padding: 16px; }
}
@media (max-width: 600px) {
  :root { font-size: 15px; }
  .topbar-tenant, .topbar-user, .topbar-right .signout, .lang-globe, .mobile-nav-toggle span { display: none; }
  .mobile-account {
    display: flex; align-items: center; justify-content: space-between; gap: 12px; flex-wrap: wrap;
    margin: 8px 8px 0; padding: 12px 16px 4px; border-top: 1px solid var(--divider);
  }
  .mobile-account-name { color: var(--text-2); min-width: 0; overflow-wrap: anywhere; }
  .brand-name { font-size: 15px; }
  .topbar-right { gap: 10px; }
  .input, .select { font-size: 16px; height: 44px; }
  .btn { min-height: 44px; }
  .btn-small { min-height: 36px; }
  .card-head, .card-body { padding-left: 16px; padding-right: 16px; }
  .page-title { font-size: 20px; }
  .page-actions, .page-actions .btn { width: 100%; }
  .hero, .status-page { padding: 24px 20px; }
  .hero-title { font-size: 24px; }
  .public-main { margin: 24px auto; }
  .copy-row { flex-direction: column; }
  /* Tables become stacked cards, each cell saying its column */
  .table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .table, .table tbody, .table tfoot, .table tr, .table td { display: block; width: 100%; }
  .table tr { padding: 8px 16px; border-bottom: 1px solid var(--divider); }
  .table tbody tr:last-child { border-bottom: 0; }
  .table td { display: flex; justify-content: space-between; gap: 12px; padding: 6px 0; border: 0; text-align: right; }
  .table td::before { content: attr(data-label); color: var(--text-2); text-align: left; flex: none; }
  .table tbody tr:hover td { background: none; }
  .table .tags { justify-content: flex-end; }
  /* A cell holding a sentence, not a value: its label above it, the sentence the full width */
  .table td.cell-note { flex-direction: column; gap: 2px; text-align: left; }
  .list-tool { flex: 1 1 40%; }
  .list-tool-search { flex-basis: 100%; }
  .list-tool .select { width: 100%; }
}

/* Rule sets: a rule id badge beside a figure, opening to its meaning (no script) */
.rule-badge { display: inline-block; vertical-align: baseline; }
.rule-badge > summary { display: inline-block; white-space: nowrap; cursor: pointer; list-style: none; font: 600 11px/18px ui-monospace, Menlo, Consolas, monospace; padding: 0 6px; border-radius: 4px; color: #006d75; background: #e6fffb; border: 1px solid #87e8de; }
.rule-badge > summary::-webkit-details-marker { display: none; }
.rule-badge-text { display: block; margin-top: 4px; font-weight: 400; font-size: 13px; color: var(--text-2); }
.rule-fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 8px 24px; }
.rule-field { min-width: 0; }
.rule-illustrative { display: inline-flex; gap: 6px; align-items: center; margin-top: 6px; color: var(--text-2); font-size: 13px; }
.rule-note { margin-top: 12px; }
/* The local parameters, then the national ones apart (N-1 … N-6) */
.rule-scope { margin-bottom: 24px; }
.rule-scope > .hint { margin-top: -8px; margin-bottom: 16px; }
.rule-scope-national { padding-top: 20px; border-top: 1px solid var(--divider); }
.rule-diff-summary { font-weight: 600; margin: 0 0 16px; }
.rule-change-name { min-width: 0; overflow-wrap: anywhere; }
.pre-line { white-space: pre-line; }
.textarea { width: 100%; font: inherit; padding: 6px 11px; border: 1px solid #8c8c8c; border-radius: 6px; }

/* Career ladder: one fieldset per level in the editor; findings beside the level they concern */
.form-wide { max-width: none; }
.ladder-note { padding: 12px 24px 0; margin: 0; }
.ladder-level { border: 1px solid var(--divider); border-radius: var(--radius); padding: 12px 16px 4px; margin: 0 0 16px; min-width: 0; }
.ladder-level-error { border-left: 4px solid var(--error); }
.ladder-level-title { font-weight: 600; padding: 0 4px; }
.ladder-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 0 16px; }
.ladder-grid .field { margin-bottom: 16px; }
.ladder-level .choices { margin-bottom: 12px; }
.findings, .missing-list { margin: 0; padding: 0; list-style: none; }
.finding { margin: 2px 0; }
.finding-error { color: var(--error); }
.finding-warning { color: #ad4e00; }
.finding-info { color: #595959; }
.missing-list li { margin: 2px 0; }
.checklist { margin: 0; padding: 0; list-style: none; }
.checklist li { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 8px 0; border-top: 1px solid var(--border); }
.checklist li:first-child { border-top: 0; }
.checklist-done > span:not(.tag) { color: #8c8c8c; text-decoration: line-through; }
.checklist-action { margin-left: auto; }

/* Staff registry: figures with their rule badge, counts, the filter row, the P-A3 run */
.rule-badge-red > summary { color: var(--error); background: var(--error-bg); border-color: #ffa39e; }
.rule-badge-amber > summary { color: var(--warning); background: var(--warning-bg); border-color: #ffd591; }
.rule-badge-green > summary { color: var(--success); background: var(--success-bg); border-color: #b7eb8f; }
.rule-badge-grey > summary { color: var(--text-2); background: #fafafa; border-color: var(--border); }
.rule-badge[open] { display: block; max-width: 320px; }
.rule-badge-figure { display: block; margin-top: 4px; color: var(--text); font-weight: 600; }
.figure { display: inline-flex; flex-wrap: wrap; align-items: baseline; gap: 4px 8px; }
.text-error { color: var(--error); }
.text-warning { color: var(--warning); }
.nowrap { white-space: nowrap; }
.staff-rules { margin: 0 0 12px; font-size: 13px; }
.staff-counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 12px; padding: 0; list-style: none; }
.staff-count { display: inline-block; padding: 6px 12px; border-radius: var(--radius); border: 1px solid var(--border); background: var(--surface); color: var(--text-2); text-decoration: none; }
.staff-count-error { color: var(--error); background: var(--error-bg); border-color: #ffa39e; font-weight: 600; }
.staff-count-warning { color: var(--warning); background: var(--warning-bg); border-color: #ffd591; font-weight: 600; }
.staff-count[aria-current] { outline: 2px solid currentColor; outline-offset: 1px; }
.filter-row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 0 0 16px; }
.filter-label { color: var(--text-2); }
.filter { padding: 4px 12px; border-radius: 999px; border: 1px solid var(--border); background: var(--surface); text-decoration: none; color: var(--text); }
.filter.is-active { background: var(--primary); border-color: var(--primary); color: #fff; }
/* Lists: search and sort above, sortable column headers (lists.tsx) */
.list-tools { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 12px; margin: 0 0 16px; }
.list-tool { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.list-tool .label { margin: 0; }
.list-hint { color: var(--text-2); font-size: 13px; }
.list-tool-search { flex: 1 1 240px; }
.list-tool-search .input { width: 100%; }
.list-tool-actions { flex-direction: row; align-items: center; gap: 12px; }
.sort-link { color: inherit; text-decoration: none; display: inline-flex; align-items: center; gap: 4px; }
.sort-link:hover, .sort-link:focus-visible { color: var(--primary); }
.sort-mark { color: var(--text-2); font-size: 11px; }
th[aria-sort] .sort-mark { color: var(--primary); }
.finding { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px; padding: 4px 0; }
.row-highlight td { background: var(--success-bg); }
.ce-totals { list-style: none; margin: 0; padding: 12px 16px; display: grid; gap: 6px; }

/* Contracts: the editor's rows with their costing beside them, the findings summary, versions */
.contract-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 0 16px; }
.contract-grid .field { margin-bottom: 16px; }
.contract-grid .input, .contract-grid .select { max-width: none; }
.contract-row { border: 1px solid var(--divider); border-radius: var(--radius); padding: 12px 16px; margin: 0 0 16px; min-width: 0; }
.contract-row-error { border-left: 4px solid var(--error); }
.contract-row-title { font-weight: 600; padding: 0 4px; }
.contract-row-body { display: grid; gap: 16px; }
.contract-row-costed .contract-row-body { grid-template-columns: minmax(0, 1fr) minmax(260px, 320px); }
.contract-row-aside { background: #fafafa; border-radius: 6px; padding: 12px; min-width: 0; }
.contract-lines { display: grid; gap: 0 24px; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); }
.contract-line { min-width: 0; margin-bottom: 8px; }
.contract-line .field { margin-bottom: 8px; }
.contract-subtitle { font-size: 15px; margin: 20px 0 8px; }
.contract-actions { position: sticky; bottom: 0; background: var(--bg); padding: 12px 0; z-index: 5; }
.costing-slot:empty { display: none; }
.costing-slot { min-width: 0; }
.costing-slot .findings { margin-top: 4px; }
.costing-slot .finding, .costing-tables .finding, .findings-summary .finding { flex-wrap: nowrap; }
.costing-slot .finding > span, .costing-tables .finding > span, .findings-summary .finding > :last-child { flex: 1; min-width: 0; }
.costing-figures { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 0; align-items: baseline; }
.costing-figure { display: contents; }
.costing-figures dt { color: var(--text-2); font-size: 13px; }
.costing-figures dd { margin: 0; text-align: right; display: flex; flex-wrap: wrap; gap: 4px 6px; justify-content: flex-end; align-items: baseline; font-variant-numeric: tabular-nums; }
.costing-totals { max-width: 480px; }
.costing-calculator { margin: 8px 0 0; }
.costing-named { font-size: 13px; margin: 0 0 4px; }
.costing-threshold { display: flex; gap: 8px; align-items: baseline; margin: 0 0 4px; font-size: 13px; color: var(--text-2); }
.costing-threshold > span { flex: 1; min-width: 0; }
.costing-line { margin-bottom: 12px; }
.costing-tables .table-wrap { margin-bottom: 16px; }
.costing-tables .cell-figures { min-width: 280px; }
.costing-tables-totals { padding: 0 16px 16px; }
.findings-summary { border: 3px solid var(--error); border-radius: 6px; background: var(--surface); padding: 16px 20px; margin-bottom: 16px; }
.findings-summary-warning { border-color: #ffd591; }
.findings-summary-ok { border-color: #b7eb8f; background: var(--success-bg); }
.findings-summary-pending { border-color: var(--border); }
.findings-summary-title { font-size: 16px; font-weight: 600; margin: 0 0 8px; }
.findings-summary .finding a { color: inherit; font-weight: 600; }
.findings-summary > :last-child { margin-bottom: 0; }
.status-actions { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-end; margin-top: 12px; }
.status-action { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; margin: 0; }
.status-date .label { font-size: 13px; font-weight: 400; color: var(--text-2); }
.status-history { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 8px 0 0; padding-left: 20px; }
.change-list { margin: 0; padding-left: 18px; }
.dashboard-contracts { margin: 0 0 12px; padding-left: 18px; display: grid; gap: 6px; }
.change-before { color: var(--text-2); text-decoration: line-through; }
@media (max-width: 1100px) {
  .contract-row-costed .contract-row-body { grid-template-columns: minmax(0, 1fr); }
}
@media (max-width: 600px) {
  .contract-grid, .contract-lines { grid-template-columns: minmax(0, 1fr); }
  .costing-tables .cell-figures { min-width: 0; display: block; text-align: left; }
  .costing-tables .cell-figures::before { display: block; margin-bottom: 4px; }
  .status-action, .status-action .btn { width: 100%; }
}

/* Actuals: budget against actual, its chart above the table, and the monthly entry form */
.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.row-total td { font-weight: 600; }
.table .row-total td { border-top: 2px solid var(--border); }
.card-pad { padding: 16px 24px; }
.actuals-note { margin: 12px 0 0; font-size: 13px; }
.card-flush .actuals-note { padding: 12px 24px 16px; margin: 0; }
/* The base's template: each milestone's name and its "required" box on one row, rows divided. */
.template-row { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 8px 24px; padding: 12px 0; border-bottom: 1px solid var(--divider); }
.template-row .field { margin-bottom: 0; flex: 1 1 260px; max-width: 480px; }
.template-row .choice { margin: 0 0 10px; }
/* The base's intake card spans the dashboard's columns: its two charts sit side by side when there is room. */
.grid-2 > #incubation { grid-column: 1 / -1; }
.incubation-charts .chart-figure { padding-left: 0; padding-right: 0; }
.chart-figure { margin: 0; padding: 16px 24px 0; min-width: 0; max-width: 820px; }
.chart { display: block; width: 100%; height: auto; }
.chart-label { font-size: 13px; fill: var(--text); }
.chart-bar-budget { fill: #bfbfbf; }
.chart-bar-actual { fill: #0958d9; }
.chart-bar-projected { fill: #91caff; }
.chart-bar-over { fill: #b42318; }
.chart-bar-heading { fill: #ad4e00; }
.chart-budget-mark { stroke: #1f1f1f; stroke-width: 2; }
.chart-legend { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; margin: 8px 0 16px; font-size: 13px; color: var(--text-2); }
.chart-swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.chart-swatch-budget { background: #bfbfbf; }
.chart-swatch-actual { background: #0958d9; }
.chart-swatch-projected { background: #91caff; }
.chart-swatch-over { background: #b42318; }
.chart-swatch-heading { background: #ad4e00; }
.month-picker { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.month-picker .select { width: auto; }
.actual-row { border: 1px solid var(--divider); border-radius: var(--radius); padding: 12px 16px 8px; margin: 0 0 16px; min-width: 0; }
.actual-row-error { border-left: 4px solid var(--error); }
.actual-row-title { font-weight: 600; padding: 0 4px; }
.actual-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 0 16px; }
.actual-grid .field { margin-bottom: 16px; }
.actions-rows { margin: 0 0 24px; }
@media (max-width: 600px) {
  .card-pad, .chart-figure { padding-left: 16px; padding-right: 16px; }
  .table .row-total td { border-top: 0; }
  .table tr.row-total { border-top: 2px solid var(--border); }
  .table .cell-empty { display: none; }
  /* The chart shrinks to the phone's width: larger text in its own units stays readable. */
  .chart-label { font-size: 20px; }
}

/* The price-floor calculator (/org/price-floor) */
/* The result is reached by #result after a calculation: keep its title clear of the sticky top bar. */
#result { scroll-margin-top: 72px; }
.price-floor-figure { margin: 8px 0 16px; }
.price-floor-figure dt { color: var(--text-2); }
.price-floor-figure dd { margin: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; }
.price-floor-value { font-size: 30px; font-weight: 700; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.price-floor-subtitle { font-size: 16px; margin: 20px 0 8px; }
.price-floor-at { font-weight: 600; margin: 0 0 4px; }
.price-floor-why { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr)); gap: 12px 16px; margin-bottom: 8px; }

/* The API reference page (/v1/docs) */
.docs-main { max-width: 1040px; margin: 0 auto; padding: 32px 24px; width: 100%; }
.docs-main h1 { font-size: 26px; margin-bottom: 8px; }
.docs-main h1 small { font-size: 15px; color: var(--text-2); font-weight: 400; }
.docs-tag { margin-top: 32px; }
.docs-tag > h2 { font-size: 19px; padding-bottom: 8px; border-bottom: 1px solid var(--border); margin-bottom: 12px; }
.op { background: var(--surface); border: 1px solid var(--divider); border-radius: var(--radius); margin-bottom: 12px; }
.op > summary { display: flex; align-items: center; gap: 12px; padding: 10px 16px; cursor: pointer; flex-wrap: wrap; }
.op-method { display: inline-block; min-width: 64px; text-align: center; border-radius: 4px; padding: 2px 8px; font-weight: 700; font-size: 12px; color: #fff; }
.op-get { background: #0958d9; }
.op-post { background: #237804; }
.op-patch, .op-put { background: #ad4e00; }
.op-delete { background: #a8071a; }
.op-path { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 600; overflow-wrap: anywhere; }
.op-summary { color: var(--text-2); }
.op-body { padding: 4px 16px 16px; border-top: 1px solid var(--divider); }
.op-body h3 { font-size: 14px; margin: 12px 0 6px; }
.op-body table { border-collapse: collapse; width: 100%; }
.op-body th, .op-body td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--divider); vertical-align: top; }
.op-body code { font-family: ui-monospace, Menlo, Consolas, monospace; background: #f5f5f5; padding: 0 4px; border-radius: 3px; }

/* Incubation: the register's stage counts on the bureau's list of bases, the dashboard's quarter chart */
.stage-counts { list-style: none; margin: 0; padding: 0; }
.chart-bar-graduated { fill: #237804; }
.chart-swatch-graduated { background: #237804; }
.figures-note { margin: 12px 0 0; }

/* Print (a register, a dashboard): the page's content only, its tables whole, no menus or forms. */
@media print {
  .topbar, .sider, .footer, .mobile-nav, .skip-link, .list-tools, .pager, .page-actions, .breadcrumbs { display: none !important; }
  .layout, .content { display: block; margin: 0; padding: 0; }
  body { background: #fff; }
  .card { border: 0; box-shadow: none; }
  .table-wrap { overflow: visible; }
  .table { font-size: 10pt; }
  .rule-badge-text { display: none; }
  a { color: inherit; text-decoration: none; }
}
.grade { white-space: nowrap; }
.total-row th { text-align: left; }
.indicator-row { display: flex; flex-wrap: wrap; gap: 0 16px; align-items: flex-end; }
.indicator-row > .field:first-child { flex: 1 1 220px; }
.impact-subtitle { font-size: 15px; margin: 16px 0 8px; }
/* What a bureau files on paper (an evaluation report): the page without the shell around it. */
@media print {
  .topbar, .sider, .mobile-nav, .breadcrumbs, .no-print, .page-actions, .lang-switch, .notice, footer { display: none !important; }
  .layout, .content { display: block; padding: 0; margin: 0; }
  .card { border: none; box-shadow: none; }
  .rule-badge summary { border: 1px solid #000; }
  body { background: #fff; color: #000; font-size: 12pt; }
  a { color: #000; text-decoration: none; }
}

/* Targets (issue 13): a card per target, its list behind the number, the charts' status colours, the printable view. */
.target-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 440px), 1fr)); gap: 16px; align-items: start; margin-bottom: 16px; }
.target-cards > .card { margin-bottom: 0; min-width: 0; }
.target-value { font-size: 15px; margin: 0 0 4px; }
.target-value strong { font-size: 28px; }
.target-gaps > summary { cursor: pointer; color: var(--primary, #0958d9); margin: 8px 0; }
.target-summary p { margin: 0 0 8px; }
.target-open { list-style: none; padding: 0; margin: 12px 0 0; display: grid; gap: 6px; }
.target-summary .tags { list-style: none; display: flex; flex-wrap: wrap; gap: 8px 16px; padding: 0; margin: 0; }
.chart-track { fill: #f0f0f0; }
.chart-bar-met { fill: #237804; }
.chart-bar-not_met { fill: #ad6800; }
.chart-bar-overdue { fill: #b42318; }
.chart-bar-no_data { fill: #8c8c8c; }
.chart-heading { font-weight: 600; }
.chart-small { font-size: 12px; }
.chart-axis { stroke: #8c8c8c; stroke-width: 1; }
.chart-line-baseline { stroke: #595959; stroke-width: 2; stroke-dasharray: 6 4; }
.chart-line-goal { stroke: #237804; stroke-width: 2; }
.print-sheet { max-width: 1100px; margin: 0 auto; padding: 24px 16px; background: #fff; }
.print-sheet h1 { font-size: 22px; margin: 0 0 8px; }
.print-sheet h2 { font-size: 16px; margin: 24px 0 8px; }
.print-actions { display: flex; gap: 16px; align-items: center; }
@media print {
  .print-sheet { padding: 0; max-width: none; }
  .print-gaps { break-inside: auto; }
  .print-sheet h2 { break-after: avoid; }
}
`;

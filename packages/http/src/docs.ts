/**
 * A small API reference page that reads /v1/openapi.json with the page's own script. No CDN:
 * Shegong must work inside networks that reach nothing else.
 */
export function docsPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Shegong API 文档 · Reference</title><link rel="stylesheet" href="/assets/app.css"></head>
<body class="docs"><main class="docs-main"><h1>Shegong API 参考 <small>Reference</small></h1>
<p>OpenAPI 3.1: <a href="/v1/openapi.json">/v1/openapi.json</a></p><div id="ops">加载中… Loading…</div></main>
<script src="/assets/docs.js" defer></script></body></html>`;
}

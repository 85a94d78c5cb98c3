/**
 * The script of the API reference page (/v1/docs, written in packages/http): reads
 * /v1/openapi.json and lists the operations by tag. Built with DOM calls and textContent only:
 * nothing from the document is ever parsed as HTML.
 */
export const docsJs = /* js */ `(() => {
  'use strict';
  const root = document.getElementById('ops');
  if (!root) return;

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  };

  const schemaName = (schema) => {
    if (!schema) return '—';
    if (schema.$ref) return schema.$ref.split('/').pop();
    if (schema.type === 'array') return schemaName(schema.items) + '[]';
    return schema.type || 'object';
  };

  const contentSchema = (content) => {
    if (!content) return null;
    const first = Object.entries(content)[0];
    return first ? { type: first[0], schema: first[1].schema } : null;
  };

  const table = (head, rows) =>
    el('table', {}, el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell) => el('td', {}, cell))))));

  const operation = (method, path, op) => {
    const summary = el('summary', {},
      el('span', { class: 'op-method op-' + method }, method.toUpperCase()),
      el('span', { class: 'op-path' }, path),
      el('span', { class: 'op-summary' }, op.summary || ''));
    const body = el('div', { class: 'op-body' });
    if (op.description) body.append(el('p', {}, op.description));
    const params = op.parameters || [];
    if (params.length) {
      body.append(el('h3', {}, '参数 Parameters'));
      body.append(table(['名称 Name', '位置 In', '必填 Required', '类型 Type'],
        params.map((p) => [el('code', {}, p.name), p.in, p.required ? '是 yes' : '否 no', schemaName(p.schema)])));
    }
    const request = op.requestBody && contentSchema(op.requestBody.content);
    if (request) {
      body.append(el('h3', {}, '请求体 Request body'));
      body.append(el('p', {}, el('code', {}, schemaName(request.schema)), ' (' + request.type + ')'));
    }
    const responses = Object.entries(op.responses || {});
    if (responses.length) {
      body.append(el('h3', {}, '响应 Responses'));
      body.append(table(['状态 Status', '说明 Description', '内容 Body'],
        responses.map(([code, r]) => {
          const content = contentSchema(r.content);
          return [el('code', {}, code), r.description || '', content ? schemaName(content.schema) : '—'];
        })));
    }
    return el('details', { class: 'op' }, summary, body);
  };

  const render = (spec) => {
    const groups = new Map();
    for (const [path, item] of Object.entries(spec.paths || {})) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const tag = (op.tags && op.tags[0]) || 'other';
        if (!groups.has(tag)) groups.set(tag, []);
        groups.get(tag).push(operation(method, (spec.servers && spec.servers[0] ? spec.servers[0].url : '') + path, op));
      }
    }
    const sections = [];
    if (spec.info) {
      sections.push(el('p', { class: 'muted' }, (spec.info.title || '') + ' · ' + (spec.info.version || '')));
      if (spec.info.description) sections.push(el('p', {}, spec.info.description));
    }
    for (const [tag, ops] of groups) sections.push(el('section', { class: 'docs-tag' }, el('h2', {}, tag), ...ops));
    root.replaceChildren(...sections);
  };

  fetch('/v1/openapi.json', { headers: { Accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then(render)
    .catch((error) => {
      root.replaceChildren(el('p', { class: 'notice notice-error' }, '无法加载 API 描述 · Could not load the API description (' + error.message + ')'));
    });
})();
`;

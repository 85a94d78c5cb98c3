import { createHash } from 'node:crypto';
import { appCss } from './app.css.ts';
import { appJs } from './app.js.ts';
import { contractEditorJs } from './contract-editor.js.ts';
import { docsJs } from './docs.js.ts';

/** The brand mark as the favicon: no image files, no requests elsewhere. */
const iconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0958d9"/><text x="16" y="22.5" font-size="18" text-anchor="middle" fill="#fff" font-family="PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif">社</text></svg>`;

export interface Asset {
  body: string;
  type: string;
  /** A short hash of the content: pages link `?v=<hash>`, so a new release is fetched at once. */
  hash: string;
}

function asset(body: string, type: string): Asset {
  return { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) };
}

export const ASSETS = {
  'app.css': asset(appCss, 'text/css; charset=utf-8'),
  'app.js': asset(appJs, 'text/javascript; charset=utf-8'),
  'contract-editor.js': asset(contractEditorJs, 'text/javascript; charset=utf-8'),
  'docs.js': asset(docsJs, 'text/javascript; charset=utf-8'),
  'icon.svg': asset(iconSvg, 'image/svg+xml'),
} as const;

export type AssetName = keyof typeof ASSETS;

export function assetUrl(name: AssetName): string {
  return `/assets/${name}?v=${ASSETS[name].hash}`;
}

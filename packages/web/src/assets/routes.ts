import { Hono } from 'hono';
import type { PageEnv } from '../env.ts';
import { pageAccess } from '../session/access.ts';
import { ASSETS, type AssetName } from './index.ts';

const PUBLIC = { public: true, reason: 'static assets hold no tenant data' } as const;

/** Each asset at its own path; with the current `?v=` hash the browser may keep it for a year. */
export const assetRoutes = new Hono<PageEnv>();

for (const name of Object.keys(ASSETS) as AssetName[]) {
  const asset = ASSETS[name];
  assetRoutes.get(`/assets/${name}`, pageAccess(PUBLIC), (c) => {
    const etag = `"${asset.hash}"`;
    const versioned = c.req.query('v') === asset.hash;
    c.header('Cache-Control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    c.header('ETag', etag);
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    return c.body(asset.body, 200, { 'Content-Type': asset.type });
  });
}

import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, freePort, type LocalSystem, startLocalSystem } from '@shegong/local';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './chromium.ts';
import { copyDemoData } from './demo-template.ts';

/** What every browser journey stands on: the whole local system with demo data, and chromium. */
export interface BrowserWorld {
  readonly system: LocalSystem;
  readonly browser: Browser;
  /** Where journeys leave screenshots for people to look at (.data/screenshots, git-ignored). */
  readonly shots: string;
  /** The demo invitation's link token (as its admin was shown it when the demo data was seeded). */
  readonly invitationToken?: string;
  /** This file's table (in the run's DynamoDB Local), for a journey that sets up what no page writes yet. */
  readonly tableName: string;
}

/**
 * Starts the system (on a free port, with its own table in the run's DynamoDB Local, filled with
 * a copy of the run's demo data: demo-template.ts) and chromium for this file, and stops both
 * after. `pnpm start`'s own DynamoDB Local and seed are packages/local's tests.
 */
export function useBrowserWorld(options: { issuerShape?: 'local' | 'keycloak' } = {}): BrowserWorld {
  const world = { shots: join(import.meta.dirname, '..', '..', '.data', 'screenshots') } as {
    system: LocalSystem;
    browser: Browser;
    shots: string;
    invitationToken?: string;
    tableName: string;
  };
  beforeAll(async () => {
    const tableName = `browser-${randomUUID()}`;
    world.tableName = tableName;
    const { invitationToken } = await copyDemoData(inject('dynamoEndpoint'), tableName);
    if (invitationToken) world.invitationToken = invitationToken;
    world.system = await startLocalSystem({
      port: await freePort(),
      dynamoEndpoint: inject('dynamoEndpoint'),
      tableName,
      // The copy holds the seed's marker: starting with seed would only confirm every part is there.
      seed: true,
      quiet: true,
      ...(options.issuerShape ? { issuerShape: options.issuerShape } : {}),
    });
    world.browser = await launchChromium();
    mkdirSync(world.shots, { recursive: true });
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.system?.stop();
  });
  return world;
}

/** Fills the local issuer's sign-in form on the current page and waits to be back in the app. */
export async function fillSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel(/邮箱|E-mail/).fill(email);
  await page.getByLabel(/密码|Password/).fill(password);
  await Promise.all([
    // Off the issuer's pages: the local shape's /local-idp, or Keycloak's /realms/<realm>.
    page.waitForURL((url) => !/^\/(local-idp|realms)\//.test(url.pathname)),
    page.getByRole('button', { name: /登录/ }).click(),
  ]);
}

/** Signs a demo user in through the app's own sign-in, landing on `next`. */
export async function signInAt(page: Page, baseUrl: string, email: string, next = '/'): Promise<void> {
  await page.goto(`${baseUrl}/auth/login?next=${encodeURIComponent(next)}`);
  await fillSignIn(page, email);
}

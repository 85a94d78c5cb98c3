import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's chromium, driven by playwright-core; never a downloaded browser (TOOLCHAIN.md).
 * Playwright gives each launch a fresh profile directory of its own.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

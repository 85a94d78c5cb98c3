import type { Page } from 'playwright-core';

/** Uploads a roster on the import page and waits for its job page. */
export async function uploadRoster(page: Page, baseUrl: string, file: Buffer): Promise<void> {
  await page.goto(`${baseUrl}/org/staff/import`);
  await page.locator('#file').setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: file });
  await Promise.all([
    page.waitForURL(/\/org\/staff\/import\/[0-9a-f-]{36}$/),
    page.getByRole('button', { name: /上传并检查/ }).click(),
  ]);
}

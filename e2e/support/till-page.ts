import { expect, type Page } from "@playwright/test";
import { demoPassword, type StoreServer } from "./store-server.js";

/** Logs in to the till as a demo user and waits until the catalogue is fully synced. */
export async function logInAndSync(page: Page, store: StoreServer, username: string) {
  await page.goto(store.url);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();
  await waitForCatalogue(page);
}

/** Waits until the "Syncing catalogue" bar shows every record stored. */
export async function waitForCatalogue(page: Page): Promise<void> {
  const progress = page.getByRole("progressbar", { name: "Syncing catalogue" });
  await expect(progress).toBeVisible();
  // Both attributes in one read, so the bar cannot change between them.
  await expect(async () => {
    const value = await progress.evaluate((bar) => [
      bar.getAttribute("aria-valuenow"),
      bar.getAttribute("aria-valuemax"),
    ]);
    expect(value[0]).not.toBeNull();
    expect(value[0]).toBe(value[1]);
  }).toPass({ timeout: 60_000 });
}

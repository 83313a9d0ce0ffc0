import { defineConfig } from "@playwright/test";
import { chromiumFlags, chromiumPath } from "./support/chromium.js";

// One worker: the machine has two cores and each test starts its own store server.
export default defineConfig({
  testDir: "./tests",
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  outputDir: "../.tmp/e2e-results",
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: chromiumPath(), args: chromiumFlags },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
});

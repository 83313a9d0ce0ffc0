import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { demoPassword, StoreServer } from "../support/store-server.js";

const licenceCli = fileURLToPath(
  new URL("../../packages/licence/dist/service/cli.js", import.meta.url),
);
const licenceData = mkdtempSync(join(tmpdir(), "pos-e2e-licences-"));
let licenceService: ChildProcess;
let store: StoreServer;

/** Runs a licence CLI command on the test's data folder and returns what it printed. */
function runLicenceCli(args: string[]): string {
  const run = spawnSync(process.execPath, [licenceCli, ...args, "--data", licenceData], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`licence ${args[0]} failed: ${run.stderr}`);
  return run.stdout;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

test.beforeAll(async () => {
  runLicenceCli(["keygen"]);
  const issued = runLicenceCli(["issue", "--registers", "2", "--days", "30"]);
  const licenceKey = /POSL(-[0-9A-Z]{5}){4}/.exec(issued)?.[0];
  if (licenceKey === undefined) throw new Error(`no licence key in: ${issued}`);
  const publicKeys = runLicenceCli(["public-keys"]).trim();

  const port = await freePort();
  licenceService = spawn(
    process.execPath,
    [licenceCli, "serve", "--data", licenceData, "--host", "127.0.0.1", "--port", String(port)],
    { stdio: "ignore" },
  );
  const serviceUrl = `http://127.0.0.1:${port}`;
  await expect
    .poll(() =>
      fetch(`${serviceUrl}/v1/public-keys`).then(
        (r) => r.ok,
        () => false,
      ),
    )
    .toBe(true);

  // The store server activates LICENCE_KEY against the service when it starts.
  process.env["LICENCE_SERVICE_URL"] = serviceUrl;
  process.env["LICENCE_PUBLIC_KEYS"] = publicKeys;
  process.env["LICENCE_KEY"] = licenceKey;
  try {
    store = await StoreServer.launch();
  } finally {
    delete process.env["LICENCE_SERVICE_URL"];
    delete process.env["LICENCE_PUBLIC_KEYS"];
    delete process.env["LICENCE_KEY"];
  }
});

test.afterAll(async () => {
  await store.dispose();
  licenceService.kill("SIGTERM");
  rmSync(licenceData, { recursive: true, force: true });
});

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto(store.url);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Log in" }).click();
}

async function openAbout(page: Page) {
  await page.getByRole("button", { name: "About" }).click();
  return page.getByRole("dialog", { name: "About this till" });
}

test("shows the licence the till verified, and a tampered one", async ({ page, browser }) => {
  await logIn(page, "manager");
  await expect(page.getByRole("searchbox", { name: "Search products" })).toBeVisible();

  let about = await openAbout(page);
  await expect(about.getByLabel("Licence status")).toHaveText("Valid");
  await expect(about.getByText("Registers allowed")).toBeVisible();
  await expect(about.getByText(/is valid for 2 registers at http:\/\/127\.0\.0\.1:/)).toBeVisible();
  await about.getByRole("button", { name: "Close" }).click();

  // A second register fits in the licence's 2.
  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await logIn(secondPage, "cashier");
  await expect(secondPage.getByRole("searchbox", { name: "Search products" })).toBeVisible();
  await second.close();

  // Someone raises the register count in the stored document: the signature no longer matches.
  const database = new Database(join(store.dataDir, "store.sqlite"));
  const row = database.prepare("select value from licence_state where key = 'document'").get() as {
    value: string;
  };
  const document = JSON.parse(row.value) as { payload: { registers: number } };
  document.payload.registers = 50;
  database
    .prepare("update licence_state set value = ? where key = 'document'")
    .run(JSON.stringify(document));
  database.close();

  about = await openAbout(page);
  await expect(about.getByLabel("Licence status")).toHaveText("Tampered");
  await expect(about.getByText(/invalid signature/)).toBeVisible();
  await about.getByRole("button", { name: "Close" }).click();

  // With the licence void the store allows 1 register, and two are signed in: a third is refused.
  const third = await browser.newContext();
  const thirdPage = await third.newPage();
  await logIn(thirdPage, "cashier");
  const refusal = thirdPage.getByRole("alert");
  await expect(refusal).toContainText("This register cannot sign in. The community edition");
  await expect(refusal).toContainText("allows 1 register at once, and 2 are signed in");
  // Each signed-in register is named once by the receipt prefix its till sent at login, with its
  // user and when it was last active, as the Staff and devices list shows it.
  const signedIn =
    /\bR[A-Z0-9]{1,4} \((Morgan Manager|Casey Cashier), last active [\d-]+ [\d:]+ UTC\)/g;
  await expect(refusal).toContainText(signedIn);
  expect((await refusal.innerText()).match(signedIn)).toHaveLength(2);
  await expect(refusal).toContainText(/Register "R[A-Z0-9]{1,4}" can sign in/);
  await expect(refusal).not.toContainText("register-");
  await expect(refusal).toContainText(
    "a manager or administrator can log in on this device and sign one of them out",
  );
  // A cashier's login is not offered the takeover.
  await expect(thirdPage.getByRole("button", { name: /^Sign out / })).toHaveCount(0);
  expect((await refusal.innerText()).match(/cannot sign in/g)).toHaveLength(1);
  await third.close();
});

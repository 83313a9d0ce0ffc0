import { readFile, mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import type { Bench } from "./page/outbox-page.js";
import { checkStore, openOutboxStore, type StoreCheck } from "./outbox-store.js";

const { values } = parseArgs({
  options: {
    sales: { type: "string", default: "500" },
  },
});
const salesCount = Number(values.sales);
if (!Number.isInteger(salesCount) || salesCount < 1) {
  throw new Error(`--sales is "${values.sales}": give a whole number of sales, such as 500`);
}

/** The goal: 500 queued sales reach the store within 10 s of the outbox starting. */
const targetSeconds = 10;
const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const pageScript = fileURLToPath(new URL("./outbox-page.js", import.meta.url));
const log = (line: string) => process.stdout.write(`${line}\n`);

const script = await readFile(pageScript, "utf8");
const pageHtml =
  '<!doctype html><title>outbox bench</title><link rel="icon" href="data:,">' +
  `<script>${script}</script>`;
const store = await openOutboxStore(pageHtml, salesCount);
// A persistent profile keeps IndexedDB on disk, as on a till.
const profileDir = await mkdtemp(path.join(tmpdir(), "pos-bench-outbox-profile-"));
const browser = await chromium.launchPersistentContext(profileDir, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: chromiumFlags,
});

try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on("console", (message) => log(`page: ${message.text()}`));
  await page.goto(`${store.baseUrl}/bench/outbox/`);
  type Window = { bench: Bench };
  const bench = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
    page.evaluate(
      ([method, params]) =>
        ((window as unknown as Window).bench[method] as (...values: unknown[]) => Promise<unknown>)(
          ...params,
        ),
      [name, args] as const,
    ) as Promise<Awaited<ReturnType<Bench[K]>>>;

  await bench("login", store.cashier.username, store.cashier.password);
  log(`queueing ${salesCount} offline cash sales…`);
  const queueMs = await bench("queueSales", salesCount, store.skus);
  const loadBefore = loadavg();
  log("draining the outbox to the store server…");
  const drain = await bench("drain", 120_000);
  const loadAfter = loadavg();
  const check = await checkStore(store, salesCount);

  printReport({
    chromium: browser.browser()?.version() ?? "unknown",
    queueMs,
    drain,
    check,
    load: [loadBefore, loadAfter],
  });
  if (!check.ok || drain.sent !== salesCount) process.exitCode = 1;
} finally {
  await browser.close();
  await store.close();
  await rm(profileDir, { recursive: true, force: true });
}

interface Report {
  chromium: string;
  queueMs: number;
  drain: Awaited<ReturnType<Bench["drain"]>>;
  check: StoreCheck;
  load: [number[], number[]];
}

function printReport({ chromium: version, queueMs, drain, check, load }: Report): void {
  const seconds = drain.drainMs / 1000;
  const verdict = drain.sent === salesCount && seconds <= targetSeconds ? "PASS" : "FAIL";
  const loads = load.map((figures) => figures.map((figure) => figure.toFixed(2)).join(" "));
  log(
    `Outbox benchmark: ${salesCount} sales; ${cpus().length} CPUs, Chromium ${version}, ` +
      `Node.js ${process.version}, SQLite store`,
  );
  log(`queue ${salesCount} sales offline (till's checkout)   ${(queueMs / 1000).toFixed(2)} s`);
  log(
    `drain to the store (target <= ${targetSeconds} s)          ${seconds.toFixed(2)} s  ` +
      `${(drain.sent / seconds).toFixed(1)} orders/s  ${verdict}`,
  );
  log(
    `  of which waiting for the store's responses       ${(drain.orderRequestMs / 1000).toFixed(2)} s`,
  );
  log(
    `outbox after the drain: sent ${drain.sent}, pending ${drain.pending}, parked ${drain.parked}`,
  );
  log(`store: ${check.summary}`);
  log(`load average (1, 5, 15 min): before the drain ${loads[0]}; after ${loads[1]}`);
}

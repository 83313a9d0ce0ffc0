import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium, type CDPSession } from "playwright-core";
import { startBenchServer } from "./bench-server.js";
import { benchUser, logIn } from "./load-catalogue.js";
import { prepareStore } from "./prepare-store.js";
import { changeProducts } from "./change-products.js";
import { printReport, type BenchFigures } from "./print-report.js";
import type { Bench } from "./page/bench-page.js";

const { values } = parseArgs({
  options: {
    products: { type: "string", default: "100000" },
    variations: { type: "string", default: "10000" },
    customers: { type: "string", default: "20000" },
    seed: { type: "string", default: "20261204" },
    // Unset, the seed uses the page size the till's worker uses (createCatalogPull's default).
    "page-size": { type: "string" },
    "skip-woo": { type: "boolean", default: false },
    // Writes a CPU profile of the page during the pos/v1 seed to this file (.cpuprofile).
    profile: { type: "string" },
    // Stops after the pos/v1 seed and prints its figures alone, for profiling the seed.
    "seed-only": { type: "boolean", default: false },
  },
});
const size = {
  products: Number(values.products),
  variations: Number(values.variations),
  customers: Number(values.customers),
};
const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--enable-precise-memory-info",
];
const newRegularPrice = "123.45";
const log = (line: string) => process.stdout.write(`${line}\n`);
/** Thrown to skip the rest of the run after the seed when `--seed-only` is set. */
const seedOnlyDone = new Error("seed only");
const cacheDir = fileURLToPath(new URL("./cache", import.meta.url));

const prepared = await prepareStore(cacheDir, Number(values.seed), size, log);
if (prepared.loadMs !== null) log(`loaded the store in ${(prepared.loadMs / 1000).toFixed(1)} s`);
const server = await startBenchServer(prepared.dataDir);
// A persistent profile keeps IndexedDB on disk, as on a till; a plain context keeps it in memory.
const profileDir = await mkdtemp(path.join(tmpdir(), "pos-bench-profile-"));
const browser = await chromium.launchPersistentContext(profileDir, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: chromiumFlags,
});

try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on("console", (message) => log(`page: ${message.text()}`));
  const cdp = await browser.newCDPSession(page);
  await page.goto(`${server.baseUrl}/bench/`);
  type Window = { bench: Bench };
  const bench = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
    page.evaluate(
      ([method, params]) =>
        ((window as unknown as Window).bench[method] as (...values: unknown[]) => Promise<unknown>)(
          ...params,
        ),
      [name, args] as const,
    ) as Promise<Awaited<ReturnType<Bench[K]>>>;

  await bench("login", benchUser.username, benchUser.password);
  log("seeding through pos/v1…");
  const pageSize = values["page-size"] === undefined ? undefined : Number(values["page-size"]);
  if (values.profile) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 1000 });
    await cdp.send("Profiler.start");
  }
  const seed = await bench("seedPos", "bench-catalog-pos", pageSize);
  if (values.profile) {
    const { profile } = await cdp.send("Profiler.stop");
    await writeFile(values.profile, JSON.stringify(profile));
    log(`wrote the seed's CPU profile to ${values.profile}`);
  }
  log(`seeded in ${(seed.totalMs / 1000).toFixed(2)} s`);
  if (values["seed-only"]) {
    log(JSON.stringify(seed, null, 2));
    throw seedOnlyDone;
  }

  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");

  const ids = await bench("productIds", 1000);
  const samples = await bench("sampleQueries", 300);
  const token = await logIn(server.app);
  await bench("startFollow", 1000);

  log("measuring idle polls…");
  await sleep(2500);
  const idleBytesBefore = server.meter.totalBytes();
  const idleRequestsBefore = sumRequests(server.meter.requestCounts());
  await sleep(10_000);
  const idleBytes = server.meter.totalBytes() - idleBytesBefore;
  const idleRequests = sumRequests(server.meter.requestCounts()) - idleRequestsBefore;

  log("changing 1,000 products while searching…");
  await bench("watchPrices", ids, newRegularPrice);
  const queries = bench("queries", samples.texts, samples.barcodes);
  const writes = await changeProducts(server.app, token, ids, newRegularPrice);
  let follow = await bench("followState");
  const deadlineMs = Date.now() + 60_000;
  while (follow.reachedAtMs === null && Date.now() < deadlineMs) {
    await sleep(50);
    follow = await bench("followState");
  }
  const queryResult = await queries;
  const prices = await bench("regularPrices", ids);
  const arrived = prices.filter((price) => price === newRegularPrice).length;
  await bench("stopFollow");
  const searchComparison = await bench("compareSearch", samples.texts);

  log("measuring the heap of the search index…");
  const heldHeap = async (kind: "index" | "records") => {
    const before = await settledHeapBytes(cdp);
    await bench("holdForHeap", kind);
    const after = await settledHeapBytes(cdp);
    await bench("dropHeld");
    return after - before;
  };
  const indexHeap = {
    indexBytes: await heldHeap("index"),
    recordsBytes: await heldHeap("records"),
  };

  log("raw IndexedDB puts of the same records…");
  const raw = await bench("rawPuts");

  let woo = null;
  if (!values["skip-woo"]) {
    log("seeding through wc/v3 paging at per_page=100 (the WooCommerce path)…");
    await bench("release");
    woo = await bench("seedWoo", "bench-catalog-woo");
  }

  const version = browser.browser()?.version() ?? "unknown";
  const figures: BenchFigures = {
    machine: { cpus: cpus().length, memoryGb: totalmem() / 2 ** 30, chromium: version },
    size,
    seed,
    raw,
    woo,
    heapUsedBytes: heap.usedSize,
    indexHeap,
    idle: { bytes: idleBytes, requests: idleRequests },
    change: {
      count: ids.length,
      arrived,
      afterLastWriteMs: follow.reachedAtMs === null ? null : follow.reachedAtMs - writes.endedAtMs,
      afterFirstWriteMs:
        follow.reachedAtMs === null ? null : follow.reachedAtMs - writes.startedAtMs,
      errors: follow.errors,
    },
    queries: queryResult,
    searchComparison,
  };
  printReport(figures, log);
} catch (error) {
  if (error !== seedOnlyDone) throw error;
} finally {
  await browser.close();
  await server.close();
  await rm(prepared.dataDir, { recursive: true, force: true });
  await rm(profileDir, { recursive: true, force: true });
}

async function settledHeapBytes(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  return (await cdp.send("Runtime.getHeapUsage")).usedSize;
}

function sumRequests(counts: Map<string, number>): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import http from "node:http";
import os from "node:os";
import { openBenchStore } from "./bench-store.js";
import type { BenchDialect, BenchStore } from "./bench-store.js";

/**
 * WooCommerce 11.0.1 on this kind of machine (loopback, 2 cores, no object cache), in ms per
 * request, as measured for the project; the list figure is the middle of 165–194 ms.
 */
const wooCommerceMs = { listPage: (165 + 194) / 2, oneLineOrder: 52, threeLineOrder: 154 };
const goalRatio = 20;

interface Measure {
  name: string;
  wooMs: number;
  run: (store: BenchStore, index: number) => Promise<void>;
  count: number;
}

const measures: Measure[] = [
  {
    name: "list page (per_page=100)",
    wooMs: wooCommerceMs.listPage,
    count: 200,
    run: async (store, index) => {
      const page = (index % 20) + 1;
      await send(
        store,
        "GET",
        `/wp-json/wc/v3/products?per_page=100&page=${page}&orderby=id&order=asc`,
      );
    },
  },
  {
    name: "order, one line",
    wooMs: wooCommerceMs.oneLineOrder,
    count: 300,
    run: async (store, index) => {
      const productId = store.productIds[index % store.productIds.length] ?? 0;
      await send(store, "POST", "/wp-json/wc/v3/orders", {
        line_items: [{ product_id: productId, quantity: 1 }],
      });
    },
  },
  {
    name: "order, 3 lines + coupon + set_paid",
    wooMs: wooCommerceMs.threeLineOrder,
    count: 300,
    run: async (store, index) => {
      const ids = store.productIds;
      await send(store, "POST", "/wp-json/wc/v3/orders", {
        set_paid: true,
        coupon_lines: [{ code: "pos10" }],
        line_items: [0, 1, 2].map((offset) => ({
          product_id: ids[(index * 3 + offset * 7) % ids.length] ?? 0,
          quantity: 1 + offset,
        })),
      });
    },
  },
];

/**
 * The client's one keep-alive connection, as a load tool such as `ab -k` keeps it. It uses
 * `node:http` because `fetch` runs in this same process, and its CPU (18% of the samples in a
 * profile of the order run) would count as the server's time.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function send(store: BenchStore, method: string, url: string, body?: unknown): Promise<void> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${store.baseUrl}${url}`,
      {
        method,
        agent,
        headers: {
          authorization: store.authorization,
          ...(payload === undefined
            ? {}
            : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          if (status >= 300) {
            const text = Buffer.concat(chunks).toString("utf8");
            reject(new Error(`${method} ${url} failed with HTTP ${status}: ${text}`));
          } else resolve();
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

/** Runs each measure one request after another (as the WooCommerce figures were taken). */
async function benchDialect(dialect: BenchDialect): Promise<string[]> {
  const store = await openBenchStore(dialect);
  const rows: string[] = [];
  try {
    for (const measure of measures) {
      for (let index = 0; index < 20; index++) await measure.run(store, index);
      const started = performance.now();
      for (let index = 0; index < measure.count; index++) await measure.run(store, index + 20);
      const msEach = (performance.now() - started) / measure.count;
      const ratio = measure.wooMs / msEach;
      rows.push(
        [
          dialect.padEnd(8),
          measure.name.padEnd(36),
          `${msEach.toFixed(2)} ms`.padStart(10),
          `${(1000 / msEach).toFixed(0)}/s`.padStart(8),
          `${measure.wooMs.toFixed(1)} ms`.padStart(10),
          `${ratio.toFixed(1)}×`.padStart(8),
          ratio >= goalRatio ? "goal met" : `goal ${goalRatio}× missed`,
        ].join("  "),
      );
    }
  } finally {
    await store.close();
  }
  return rows;
}

async function main(): Promise<void> {
  const dialects = (process.env["BENCH_DIALECTS"] ?? "sqlite,postgres").split(
    ",",
  ) as BenchDialect[];
  const cpus = os.cpus();
  process.stdout.write(
    `Store server benchmark: Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? "cpu"}, ` +
      `load average ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(" ")}\n` +
      "one client on one keep-alive connection, one request at a time, over loopback http;\n" +
      "WooCommerce 11 figures for comparison\n\n",
  );
  process.stdout.write(
    `${"database".padEnd(8)}  ${"request".padEnd(36)}  ${"ours".padStart(10)}  ${"rate".padStart(8)}  ` +
      `${"Woo".padStart(10)}  ${"Woo/ours".padStart(8)}\n`,
  );
  for (const dialect of dialects) {
    for (const row of await benchDialect(dialect)) process.stdout.write(`${row}\n`);
  }
  agent.destroy();
}

await main();

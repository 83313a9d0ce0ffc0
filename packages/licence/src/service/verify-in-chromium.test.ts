// Verifies a service-issued licence with this package's code bundled for the browser and run in
// Debian's Chromium, so the till's WebCrypto path is checked against Node's signatures.
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

import type { FastifyInstance } from "fastify";
import { chromium, type Browser } from "playwright-core";
import { rolldown } from "rolldown";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { LicenceDocument } from "../licence.js";
import { buildLicenceService } from "./licence-service.js";
import { makeTestDataDir, type TestDataDir } from "./service-test-support.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const now = () => new Date("2026-12-04T16:00:00Z");
let data: TestDataDir;
let app: FastifyInstance;
let pageServer: Server;
let pageUrl: string;
let browser: Browser;

describe.skipIf(!existsSync(CHROMIUM))("verifyLicence in Chromium", () => {
  beforeAll(async () => {
    data = await makeTestDataDir(now);
    await data.cli(["keygen"]);
    app = await buildLicenceService({ dataDir: data.dataDir, now });
    pageServer = await servePage(await bundleForBrowser());
    pageUrl = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => pageServer?.close(resolve));
    await app?.close();
    await data?.remove();
  });

  it("verifies a service-issued document and rejects changes", async () => {
    const { licenceKey } = await data.issue(["--registers", "2", "--days", "365"]);
    const activation = await app.inject({
      method: "POST",
      url: "/v1/activate",
      payload: { licence_key: licenceKey, store_origin: "https://shop.example", instance_id: "s1" },
    });
    const document = activation.json<LicenceDocument>();
    const keys = (await app.inject({ method: "GET", url: "/v1/public-keys" })).json<{
      keys: { key_id: string; public_key: string }[];
    }>();
    const publicKeys = Object.fromEntries(keys.keys.map((key) => [key.key_id, key.public_key]));
    const tampered = { ...document, payload: { ...document.payload, registers: 20 } };

    const page = await browser.newPage();
    await page.goto(pageUrl);
    await page.waitForFunction("window.licenceReady === true");
    const statuses = await page.evaluate(
      async ({ document, tampered, publicKeys }) => {
        type Verify = (doc: unknown, options: unknown) => Promise<{ status: string }>;
        const licence = (window as unknown as { licence: { verifyLicence: Verify } }).licence;
        const options = { publicKeys, storeOrigin: "https://SHOP.example:443", now: new Date() };
        const other = { ...options, storeOrigin: "https://other.example" };
        return {
          secure: window.isSecureContext,
          original: (await licence.verifyLicence(JSON.stringify(document), options)).status,
          tampered: (await licence.verifyLicence(tampered, options)).status,
          otherStore: (await licence.verifyLicence(document, other)).status,
        };
      },
      { document, tampered, publicKeys },
    );
    await page.close();

    expect(statuses.secure).toBe(true);
    expect(statuses.original).toBe("valid");
    expect(statuses.tampered).toBe("tampered");
    expect(statuses.otherStore).toBe("wrong-store");
  });
});

async function bundleForBrowser(): Promise<string> {
  const bundle = await rolldown({
    input: fileURLToPath(new URL("../index.ts", import.meta.url)),
    platform: "browser",
    resolve: { extensionAlias: { ".js": [".ts", ".js"] } },
    logLevel: "warn",
  });
  const { output } = await bundle.generate({ format: "esm" });
  await bundle.close();
  return output[0].code;
}

/** Serves a page that loads the bundle; 127.0.0.1 counts as a secure context for WebCrypto. */
async function servePage(bundle: string): Promise<Server> {
  const html =
    '<!doctype html><script type="module">import * as licence from "/licence.js";' +
    "window.licence = licence; window.licenceReady = true;</script>";
  const server = createServer((request, response) => {
    if (request.url === "/licence.js") {
      response.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
    } else {
      response.writeHead(200, { "content-type": "text/html" }).end(html);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

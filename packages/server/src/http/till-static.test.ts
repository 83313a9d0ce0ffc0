import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../build-app.js";
import { openTestStore } from "../test-support/test-server.js";

describe("till static files", () => {
  let app: FastifyInstance;
  let tillDir: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    tillDir = await mkdtemp(path.join(tmpdir(), "pos-till-"));
    await mkdir(path.join(tillDir, "assets"));
    await writeFile(path.join(tillDir, "index.html"), "<!doctype html><title>till</title>");
    await writeFile(path.join(tillDir, "sw.js"), "self.addEventListener('fetch', () => {});");
    await writeFile(path.join(tillDir, "assets", "index-Bx7f3aQ1.js"), "console.log('till');");
    const opened = await openTestStore("sqlite");
    cleanup = opened.cleanup;
    app = await buildApp({ store: opened.store, tillDir });
  });
  afterAll(async () => {
    await app.close();
    await cleanup();
    await rm(tillDir, { recursive: true, force: true });
  });

  it("serves index.html at / with no-cache", async () => {
    const response = await app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("<title>till</title>");
    expect(response.headers["cache-control"]).toBe("no-cache");
  });

  it("revalidates the service worker", async () => {
    const response = await app.inject({ method: "GET", url: "/sw.js" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-cache");
  });

  it("caches hashed assets for a year", async () => {
    const response = await app.inject({ method: "GET", url: "/assets/index-Bx7f3aQ1.js" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("falls back to index.html for the till's own routes", async () => {
    const response = await app.inject({ method: "GET", url: "/sell/cart" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("<title>till</title>");
    expect(response.headers["cache-control"]).toBe("no-cache");
  });

  it("keeps WooCommerce's 404 for unknown API routes and missing files", async () => {
    const api = await app.inject({ method: "GET", url: "/wp-json/wc/v3/nope" });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: "rest_no_route" });
    const file = await app.inject({ method: "GET", url: "/assets/missing-12345678.js" });
    expect(file.statusCode).toBe(404);
  });
});

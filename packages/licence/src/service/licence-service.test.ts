import { join } from "node:path";

import Database from "better-sqlite3";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { LicenceDocument } from "../licence.js";
import { verifyLicence } from "../verify-licence.js";
import { LICENCE_DATABASE_FILE, buildLicenceService } from "./licence-service.js";
import { makeTestDataDir, type TestDataDir } from "./service-test-support.js";

const START_MS = Date.parse("2026-12-04T16:00:00Z");
let nowMs = START_MS;
const now = () => new Date(nowMs);

let data: TestDataDir;
let app: FastifyInstance;

beforeEach(async () => {
  nowMs = START_MS;
  data = await makeTestDataDir(now);
  await data.cli(["keygen"]);
  app = await buildLicenceService({
    dataDir: data.dataDir,
    now,
    rateLimit: { maxAttempts: 5, windowMs: 60_000 },
  });
});

afterEach(async () => {
  await app.close();
  await data.remove();
});

function post(url: string, payload: unknown) {
  return app.inject({ method: "POST", url, payload: payload as object });
}

function activate(licenceKey: string, storeOrigin: string, instanceId = "store-1") {
  return post("/v1/activate", {
    licence_key: licenceKey,
    store_origin: storeOrigin,
    instance_id: instanceId,
  });
}

async function publicKeys(): Promise<Record<string, string>> {
  const response = await app.inject({ method: "GET", url: "/v1/public-keys" });
  const body = response.json<{ keys: { key_id: string; public_key: string }[] }>();
  return Object.fromEntries(body.keys.map((key) => [key.key_id, key.public_key]));
}

describe("licence service activation", () => {
  it("returns a document the store verifies", async () => {
    const { licenceKey, licenceId } = await data.issue([
      "--store",
      "https://shop.example",
      "--registers",
      "3",
      "--days",
      "365",
    ]);
    const response = await activate(licenceKey, "https://shop.example");

    expect(response.statusCode).toBe(200);
    const document = response.json<LicenceDocument>();
    expect(document.payload).toMatchObject({
      licence_id: licenceId,
      store_origin: "https://shop.example",
      registers: 3,
      issued_at: "2026-12-04T16:00:00Z",
      expires_at: "2027-12-04T16:00:00Z",
      grace_days: 14,
      edition: "pro",
    });
    const check = await verifyLicence(document, {
      publicKeys: await publicKeys(),
      storeOrigin: "https://shop.example",
      now: now(),
    });
    expect(check.status).toBe("valid");
  });

  it("accepts the key typed loosely", async () => {
    const { licenceKey } = await data.issue(["--registers", "1", "--days", "10"]);
    const typed = ` ${licenceKey.toLowerCase().replace(/-/g, " ")} `.replace(/0/g, "o");

    expect((await activate(typed, "https://shop.example")).statusCode).toBe(200);
  });

  it("re-activates the same store with a fresh document", async () => {
    const { licenceKey } = await data.issue([
      "--store",
      "https://shop.example",
      "--registers",
      "2",
      "--days",
      "30",
    ]);
    const first = (await activate(licenceKey, "https://shop.example")).json<LicenceDocument>();
    nowMs += 3_600_000;
    const again = await activate(licenceKey, "HTTPS://SHOP.EXAMPLE:443/wp-admin");

    expect(again.statusCode).toBe(200);
    const second = again.json<LicenceDocument>();
    expect(second.payload.licence_id).toBe(first.payload.licence_id);
    expect(second.payload.issued_at).toBe("2026-12-04T17:00:00Z");
    expect({ ...second.payload, issued_at: "" }).toEqual({ ...first.payload, issued_at: "" });
  });

  it("rejects another origin for a pinned key", async () => {
    const { licenceKey, licenceId } = await data.issue([
      "--store",
      "https://shop.example",
      "--registers",
      "2",
      "--days",
      "30",
    ]);
    const response = await activate(licenceKey, "https://other.example");

    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      code: "licence_origin_conflict",
      message:
        `licence ${licenceId} was issued for https://shop.example, not https://other.example; ` +
        "activate a licence key issued for https://other.example",
      data: { status: 409 },
    });
  });

  it("binds an unpinned key to its first store", async () => {
    const { licenceKey, licenceId } = await data.issue(["--registers", "2", "--days", "30"]);
    expect((await activate(licenceKey, "https://first.example")).statusCode).toBe(200);

    const response = await activate(licenceKey, "https://second.example", "store-2");

    expect(response.statusCode).toBe(409);
    expect(response.json<{ message: string }>().message).toBe(
      `licence ${licenceId} is already activated for https://first.example; deactivate it ` +
        "there first, or activate a licence key issued for https://second.example",
    );
  });

  it("rejects an expired key until it is renewed", async () => {
    const { licenceKey, licenceId } = await data.issue(["--registers", "2", "--days", "30"]);
    nowMs += 30 * 86_400_000;

    const rejected = await activate(licenceKey, "https://shop.example");
    expect(rejected.statusCode).toBe(403);
    expect(rejected.json()).toEqual({
      code: "licence_expired",
      message: `licence ${licenceId} expired on 2027-01-03; renew it, then activate again`,
      data: { status: 403 },
    });

    await data.cli(["renew", "--licence", licenceId, "--days", "30"]);
    const renewed = await activate(licenceKey, "https://shop.example");
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json<LicenceDocument>().payload.expires_at).toBe("2027-02-02T16:00:00Z");
  });
});

describe("licence service deactivation", () => {
  it("releases an unpinned key for a new store", async () => {
    const { licenceKey, licenceId } = await data.issue(["--registers", "2", "--days", "30"]);
    await activate(licenceKey, "https://old.example", "store-1");

    const response = await post("/v1/deactivate", {
      licence_key: licenceKey,
      instance_id: "store-1",
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      licence_id: licenceId,
      instance_id: "store-1",
      deactivated_at: "2026-12-04T16:00:00Z",
      store_origin: null,
    });
    expect((await activate(licenceKey, "https://new.example", "store-2")).statusCode).toBe(200);
  });

  it("keeps the origin while another instance uses it", async () => {
    const { licenceKey } = await data.issue(["--registers", "2", "--days", "30"]);
    await activate(licenceKey, "https://shop.example", "store-1");
    await activate(licenceKey, "https://shop.example", "store-2");

    const response = await post("/v1/deactivate", {
      licence_key: licenceKey,
      instance_id: "store-1",
    });

    expect(response.json<{ store_origin: string }>().store_origin).toBe("https://shop.example");
    expect((await activate(licenceKey, "https://new.example", "store-3")).statusCode).toBe(409);
  });

  it("keeps a pinned key bound after deactivation", async () => {
    const { licenceKey } = await data.issue([
      "--store",
      "https://shop.example",
      "--registers",
      "2",
      "--days",
      "30",
    ]);
    await activate(licenceKey, "https://shop.example");

    const first = await post("/v1/deactivate", { licence_key: licenceKey, instance_id: "store-1" });
    nowMs += 60_000;
    const repeated = await post("/v1/deactivate", {
      licence_key: licenceKey,
      instance_id: "store-1",
    });

    expect(first.json<{ store_origin: string }>().store_origin).toBe("https://shop.example");
    expect(repeated.json()).toEqual(first.json());
    expect((await activate(licenceKey, "https://other.example")).statusCode).toBe(409);
  });

  it("returns 404 for an instance that never activated", async () => {
    const { licenceKey, licenceId } = await data.issue(["--registers", "2", "--days", "30"]);
    const response = await post("/v1/deactivate", {
      licence_key: licenceKey,
      instance_id: "ghost",
    });

    expect(response.statusCode).toBe(404);
    expect(response.json<{ message: string }>().message).toBe(
      `instance "ghost" never activated licence ${licenceId}; check the instance id`,
    );
  });
});

describe("licence service bad requests", () => {
  const key = "POSL-00000-00000-00000-00000";
  it.each([
    [{}, 400, "licence_invalid_request", "licence_key"],
    [
      { licence_key: key, store_origin: "https://a.example" },
      400,
      "licence_invalid_request",
      "instance_id",
    ],
    [
      { licence_key: 5, store_origin: "https://a.example", instance_id: "s" },
      400,
      "licence_invalid_request",
      "licence_key",
    ],
    [
      { licence_key: key, store_origin: "https://a.example", instance_id: "a b" },
      400,
      "licence_invalid_request",
      "instance_id",
    ],
    [
      { licence_key: key, store_origin: "a.example", instance_id: "s" },
      400,
      "licence_invalid_store_origin",
      '"a.example"',
    ],
    [
      { licence_key: "nonsense", store_origin: "https://a.example", instance_id: "s" },
      400,
      "licence_invalid_key",
      "POSL-XXXXX",
    ],
    [
      { licence_key: key, store_origin: "https://a.example", instance_id: "s" },
      404,
      "licence_key_not_found",
      "not found",
    ],
    [[1, 2], 400, "licence_invalid_request", "body"],
  ])("answers %j with %i %s", async (body, status, code, fragment) => {
    const response = await post("/v1/activate", body);

    expect(response.statusCode).toBe(status);
    const json = response.json<{ code: string; message: string; data: { status: number } }>();
    expect(json.code).toBe(code);
    expect(json.data.status).toBe(status);
    expect(json.message).toContain(fragment);
  });

  it("answers invalid JSON with 400", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/v1/activate",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });

    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe("licence_invalid_request");
  });

  it("answers a wrong content type with 415", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/v1/activate",
      headers: { "content-type": "text/plain" },
      payload: "licence",
    });

    expect(response.statusCode).toBe(415);
    expect(response.json<{ data: { status: number } }>().data.status).toBe(415);
  });

  it("answers an oversized body with 413", async () => {
    const response = await post("/v1/activate", { licence_key: "x".repeat(20_000) });

    expect(response.statusCode).toBe(413);
  });

  it("answers a storage failure with a bare 500", async () => {
    const { licenceKey } = await data.issue(["--registers", "1", "--days", "30"]);
    const sqlite = new Database(join(data.dataDir, LICENCE_DATABASE_FILE));
    sqlite.exec("DROP TABLE activations");
    sqlite.close();

    const response = await activate(licenceKey, "https://shop.example");

    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      code: "licence_internal_error",
      message: "the licence service failed; try again later",
      data: { status: 500 },
    });
  });

  it("answers an unknown route with 404", async () => {
    const response = await app.inject({ method: "GET", url: "/v1/licences" });

    expect(response.statusCode).toBe(404);
    expect(response.json<{ code: string }>().code).toBe("licence_no_route");
  });
});

describe("licence service rate limit", () => {
  it("limits attempts per key and resets after the window", async () => {
    const { licenceKey } = await data.issue(["--registers", "1", "--days", "30"]);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await activate(licenceKey, "https://shop.example")).statusCode).toBe(200);
    }

    const limited = await activate(licenceKey, "https://shop.example");
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBe("60");
    expect(limited.json<{ code: string }>().code).toBe("licence_rate_limited");

    nowMs += 60_000;
    expect((await activate(licenceKey, "https://shop.example")).statusCode).toBe(200);
  });

  it("counts each key on its own", async () => {
    const busy = await data.issue(["--registers", "1", "--days", "30"]);
    const quiet = await data.issue(["--registers", "1", "--days", "30"]);
    for (let attempt = 1; attempt <= 6; attempt++)
      await activate(busy.licenceKey, "https://a.example");

    expect((await activate(busy.licenceKey, "https://a.example")).statusCode).toBe(429);
    expect((await activate(quiet.licenceKey, "https://b.example")).statusCode).toBe(200);
  });

  it("counts the spellings of one key together", async () => {
    const { licenceKey } = await data.issue(["--registers", "1", "--days", "30"]);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await activate(
        attempt % 2 === 0 ? licenceKey.toLowerCase() : licenceKey,
        "https://a.example",
      );
    }

    expect((await activate(licenceKey.replace(/-/g, ""), "https://a.example")).statusCode).toBe(
      429,
    );
  });
});

describe("licence service public keys", () => {
  it("publishes every key and signs with the newest", async () => {
    nowMs += 86_400_000;
    await data.cli(["keygen"]);
    await app.close();
    app = await buildLicenceService({ dataDir: data.dataDir, now });
    const { licenceKey } = await data.issue(["--registers", "1", "--days", "30"]);

    const response = await app.inject({ method: "GET", url: "/v1/public-keys" });
    const keys = response.json<{ keys: { key_id: string; algorithm: string }[] }>().keys;
    expect(keys).toHaveLength(2);
    expect(keys.every((key) => key.algorithm === "Ed25519")).toBe(true);
    const document = (await activate(licenceKey, "https://a.example")).json<LicenceDocument>();
    expect(document.payload.key_id).toBe(keys[0]?.key_id);
    expect(document.payload.key_id).toMatch(/^k-20261205-/);
  });

  it("rejects to start without a signing key", async () => {
    const empty = await makeTestDataDir(now);

    await expect(buildLicenceService({ dataDir: empty.dataDir })).rejects.toThrow(
      /no signing key in .*signing-keys; run the licence CLI's "keygen --data /,
    );
    await empty.remove();
  });
});

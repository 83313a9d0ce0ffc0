import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import OAuth from "oauth-1.0a";
import { createHmac } from "node:crypto";
import { recordedExchange } from "../test-support/recorded-fixtures.js";
import { ScriptedServer, type ScriptedAnswer } from "../test-support/scripted-server.js";
import { wcProductSchema } from "../wc/wc-product.js";
import { WooClient, type RequestOutcome, type WooClientOptions } from "./woo-client.js";
import { WooApiError, WooNetworkError, WooResponseError } from "./woo-errors.js";

let server: ScriptedServer;
let baseUrl: string;
let sleeps: number[];

beforeEach(async () => {
  server = new ScriptedServer();
  baseUrl = await server.listen();
  sleeps = [];
});

afterEach(async () => {
  await server.close();
});

function client(options: Partial<WooClientOptions> = {}): WooClient {
  return new WooClient({
    baseUrl,
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...options,
  });
}

function replay(prefix: string): ScriptedAnswer {
  const { response } = recordedExchange(prefix);
  return { status: response.status, headers: response.headers, body: response.body };
}

const anything = z.unknown();

describe("WooClient responses", () => {
  it("parses a recorded product page with its paging headers", async () => {
    server.handler = () => replay("08-");

    const page = await client().request({
      route: "wc/v3/products",
      query: { per_page: 100, page: 1, orderby: "id", order: "asc" },
      schema: z.array(wcProductSchema),
    });

    expect(page.data).toHaveLength(100);
    expect(page.total).toBe(2018);
    expect(page.totalPages).toBe(21);
    expect(server.seen[0]?.url.search).toBe("?per_page=100&page=1&orderby=id&order=asc");
  });

  it("throws WooApiError with the recorded code and message", async () => {
    server.handler = () => replay("65-");

    const error = await client()
      .request({ route: "wc/v3/products", schema: anything })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WooApiError);
    expect(error).toMatchObject({
      status: 401,
      code: "woocommerce_rest_cannot_view",
      message: "Sorry, you cannot list resources.",
    });
  });

  it("names the status when an error body is not WooCommerce's", async () => {
    server.handler = () => ({ status: 502, body: "<html>Bad gateway</html>" });

    const error = await client({ maxAttempts: 1 })
      .request({ route: "wc/v3/products", schema: anything })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ status: 502, code: "http_502" });
    expect((error as Error).message).toBe("GET wc/v3/products failed with HTTP 502");
  });

  it("throws WooResponseError when the body fails its schema", async () => {
    server.handler = () => ({ status: 200, body: [{ id: "eleven" }] });

    const error = await client()
      .request({ route: "wc/v3/products", schema: z.array(wcProductSchema) })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WooResponseError);
    expect((error as Error).message).toContain("wc/v3/products returned an unexpected body (0.id");
  });

  it("returns no changes on 304 and sends If-None-Match", async () => {
    server.handler = (request) =>
      request.headers["if-none-match"] === '"v7"'
        ? { status: 304, headers: { etag: '"v7"' } }
        : { status: 200, headers: { etag: '"v7"' }, body: { changes: [] } };

    const first = await client().requestIfChanged({ route: "pos/v1/changes", schema: anything });
    const second = await client().requestIfChanged({
      route: "pos/v1/changes",
      schema: anything,
      ifNoneMatch: first.etag,
    });

    expect(first.changed).toBe(true);
    expect(first.etag).toBe('"v7"');
    expect(second).toEqual({ changed: false, status: 304, etag: '"v7"' });
  });

  it("rejects a base URL that is not http or https", () => {
    expect(() => new WooClient({ baseUrl: "ftp://shop.example" })).toThrow(
      'store URL "ftp://shop.example" must start with https:// or http://',
    );
    expect(() => new WooClient({ baseUrl: "shop.example" })).toThrow(/is not a valid URL/);
  });
});

describe("WooClient retries", () => {
  it("retries a GET on 503 with growing backoff", async () => {
    let calls = 0;
    server.handler = () => (++calls < 3 ? { status: 503 } : { status: 200, body: [] });

    const response = await client().request({ route: "wc/v3/products", schema: anything });

    expect(response.status).toBe(200);
    expect(calls).toBe(3);
    expect(sleeps).toEqual([375, 750]);
  });

  it("does not retry a POST", async () => {
    server.handler = () => ({ status: 503 });

    const error = await client()
      .request({ method: "POST", route: "wc/v3/orders", body: {}, schema: anything })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ status: 503 });
    expect(server.seen).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("waits at least Retry-After on 429", async () => {
    let calls = 0;
    server.handler = () =>
      ++calls === 1 ? { status: 429, headers: { "retry-after": "7" } } : { status: 200, body: 1 };

    await client().request({ route: "pos/v1/changes", schema: anything });

    expect(sleeps).toEqual([7000]);
  });

  it("gives up after maxAttempts and reports a timeout", async () => {
    server.handler = () => ({ status: 200, body: [], delayMs: 300 });

    const error = await client({ timeoutMs: 50, maxAttempts: 2 })
      .request({ route: "wc/v3/products", schema: anything })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WooNetworkError);
    expect(error).toMatchObject({ reason: "timeout" });
    expect(server.seen).toHaveLength(2);
  });

  it("stops waiting for a retry when aborted", async () => {
    server.handler = () => ({ status: 503 });
    const abort = new AbortController();
    const woo = new WooClient({ baseUrl, backoff: { baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    woo.onRequest(() => abort.abort());

    const error = await woo
      .request({ route: "pos/v1/changes", schema: anything, signal: abort.signal })
      .catch((caught: unknown) => caught);

    expect((error as Error).name).toBe("AbortError");
    expect(server.seen).toHaveLength(1);
  });

  it("reports a refused connection as a network error", async () => {
    await server.close();

    const error = await client({ maxAttempts: 1 })
      .request({ route: "pos/v1/ping", schema: anything })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WooNetworkError);
    expect(error).toMatchObject({ reason: "network" });
  });

  it("reports every attempt to listeners", async () => {
    let calls = 0;
    server.handler = () => (++calls === 1 ? { status: 500 } : { status: 404, body: {} });
    const outcomes: RequestOutcome[] = [];
    const woo = client();
    woo.onRequest((outcome) => outcomes.push(outcome));

    await woo.request({ route: "wc/v3/nope", schema: anything }).catch(() => undefined);

    expect(outcomes.map(({ ok, status, failure }) => ({ ok, status, failure }))).toEqual([
      { ok: false, status: 500, failure: "http" },
      { ok: true, status: 404, failure: null },
    ]);
  });
});

describe("WooClient authentication", () => {
  it("sends the bearer token and refreshes it once on 401", async () => {
    let token = "old";
    server.handler = (request) =>
      request.headers.authorization === "Bearer new"
        ? { status: 200, body: { ok: true } }
        : {
            status: 401,
            body: { code: "pos_token_expired", message: "expired", data: { status: 401 } },
          };
    const woo = client({
      auth: {
        kind: "bearer",
        getToken: () => token,
        refreshToken: () => {
          token = "new";
          return Promise.resolve(token);
        },
      },
    });

    await woo.request({ method: "POST", route: "wc/v3/orders", body: {}, schema: anything });

    expect(server.seen.map((request) => request.headers.authorization)).toEqual([
      "Bearer old",
      "Bearer new",
    ]);
  });

  it("refreshes only once when the new token is refused too", async () => {
    let refreshes = 0;
    server.handler = () => ({ status: 401, body: { code: "pos_invalid_token", message: "no" } });
    const woo = client({
      auth: {
        kind: "bearer",
        getToken: () => "t",
        refreshToken: () => Promise.resolve(`t${++refreshes}`),
      },
    });

    const error = await woo
      .request({ route: "pos/v1/store", schema: anything })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 401, code: "pos_invalid_token" });
    expect(refreshes).toBe(1);
    expect(server.seen).toHaveLength(2);
  });

  it("refreshes once for concurrent 401s", async () => {
    let token = "old";
    let refreshes = 0;
    server.handler = (request) =>
      request.headers.authorization === "Bearer new"
        ? { status: 200, body: 1 }
        : {
            status: 401,
            body: { code: "pos_token_expired", message: "expired" },
            // The products 401 arrives after the refresh has finished.
            delayMs: request.url.pathname.endsWith("products") ? 150 : 20,
          };
    const woo = client({
      auth: {
        kind: "bearer",
        getToken: () => token,
        refreshToken: async () => {
          refreshes++;
          await new Promise((resolve) => setTimeout(resolve, 30));
          token = "new";
          return token;
        },
      },
    });

    const routes = ["pos/v1/store", "pos/v1/changes/head", "wc/v3/products"];
    await Promise.all(routes.map((route) => woo.request({ route, schema: anything })));

    expect(refreshes).toBe(1);
    expect(
      server.seen.filter((request) => request.headers.authorization === "Bearer new"),
    ).toHaveLength(3);
  });

  it("sends an application password with HTTP Basic", async () => {
    server.handler = () => ({ status: 200, body: [] });
    const woo = client({
      auth: { kind: "applicationPassword", username: "ana", password: "ab cd" },
    });

    await woo.request({ route: "wc/v3/products", schema: anything });

    expect(server.seen[0]?.headers.authorization).toBe(`Basic ${btoa("ana:ab cd")}`);
  });

  it("sends consumer keys as query parameters when asked", async () => {
    server.handler = () => ({ status: 200, body: [] });
    const auth = {
      kind: "consumerKey",
      consumerKey: "ck_1",
      consumerSecret: "cs_2",
      transport: "query",
    } as const;

    await client({ auth }).request({ route: "wc/v3/products", schema: anything });

    expect(server.seen[0]?.url.searchParams.get("consumer_key")).toBe("ck_1");
    expect(server.seen[0]?.url.searchParams.get("consumer_secret")).toBe("cs_2");
  });

  it("signs with OAuth 1.0a HMAC-SHA1 over http as oauth-1.0a does", async () => {
    server.handler = () => ({ status: 200, body: [] });
    const auth = { kind: "consumerKey", consumerKey: "ck_abc", consumerSecret: "cs_def" } as const;
    const woo = client({ auth, now: () => 1_796_398_264_000, nonce: () => "n0nce" });

    await woo.request({
      route: "wc/v3/products",
      query: { per_page: 2, search: "a b!" },
      schema: anything,
    });

    const seen = server.seen[0]!.url;
    const reference = new OAuth({
      consumer: { key: "ck_abc", secret: "cs_def" },
      signature_method: "HMAC-SHA1",
      hash_function: (base, key) => createHmac("sha1", key).update(base).digest("base64"),
    });
    reference.getNonce = () => "n0nce";
    reference.getTimeStamp = () => 1_796_398_264;
    const expected = reference.authorize({
      url: `${baseUrl}/wp-json/wc/v3/products`,
      method: "GET",
      data: { per_page: "2", search: "a b!" },
    });
    expect(seen.searchParams.get("oauth_signature_method")).toBe("HMAC-SHA1");
    expect(seen.searchParams.get("oauth_timestamp")).toBe("1796398264");
    expect(seen.searchParams.get("oauth_signature")).toBe(expected.oauth_signature);
    expect(server.seen[0]?.headers.authorization).toBeUndefined();
  });

  it("uses HTTP Basic for consumer keys over https", async () => {
    let seenUrl: URL | null = null;
    let seenAuth: string | null = null;
    const woo = new WooClient({
      baseUrl: "https://127.0.0.1:1",
      auth: { kind: "consumerKey", consumerKey: "ck", consumerSecret: "cs" },
      fetch: (input, init) => {
        seenUrl = new URL(input instanceof Request ? input.url : input);
        seenAuth = new Headers(init?.headers).get("authorization");
        return Promise.resolve(Response.json([]));
      },
    });

    await woo.request({ route: "wc/v3/products", schema: anything });

    expect(seenAuth).toBe(`Basic ${btoa("ck:cs")}`);
    expect(seenUrl!.search).toBe("");
  });
});

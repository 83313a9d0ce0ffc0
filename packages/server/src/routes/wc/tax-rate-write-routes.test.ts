import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFixture } from "../../test-support/fixtures.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

describe.each(testDialects)("wc/v3 tax rate writes on %s", (dialect) => {
  let server: TestServer;
  const call = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    server.app.inject({
      method,
      url,
      headers: server.auth.manager,
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  it("creates a rate as the fixture shows", async () => {
    const fixture = readFixture("01-taxes-create-standard");
    const response = await call("POST", "/wp-json/wc/v3/taxes", fixture.request.body as object);
    expect(response.statusCode).toBe(201);
    const ours = response.json<Record<string, unknown>>();
    const recorded = fixture.response.body as Record<string, unknown>;
    expect(Object.keys(ours)).toEqual(Object.keys(recorded));
    for (const key of Object.keys(recorded).filter((name) => name !== "_links")) {
      expect(ours[key]).toEqual(recorded[key]);
    }
  });

  it("updates, lists classes and deletes a rate", async () => {
    const created = (
      await call("POST", "/wp-json/wc/v3/taxes", {
        country: "GB",
        rate: "5",
        class: "reduced-rate",
        postcode: "AB1 2CD; EF3*",
      })
    ).json<{ id: number; postcodes: string[] }>();
    expect(created.postcodes).toEqual(["AB1 2CD", "EF3*"]);
    const updated = await call("PUT", `/wp-json/wc/v3/taxes/${created.id}`, { rate: "5.5" });
    expect(updated.json()).toMatchObject({ rate: "5.5000", class: "reduced-rate" });
    const classes = (await call("GET", "/wp-json/wc/v3/taxes/classes")).json<{ slug: string }[]>();
    expect(classes.map((taxClass) => taxClass.slug)).toEqual([
      "standard",
      "reduced-rate",
      "zero-rate",
    ]);
    expect((await call("DELETE", `/wp-json/wc/v3/taxes/${created.id}`)).statusCode).toBe(501);
    expect((await call("DELETE", `/wp-json/wc/v3/taxes/${created.id}?force=true`)).statusCode).toBe(
      200,
    );
    expect((await call("GET", `/wp-json/wc/v3/taxes/${created.id}`)).statusCode).toBe(404);
  });

  it("rejects a rate that is not a percentage", async () => {
    const response = await call("POST", "/wp-json/wc/v3/taxes", { country: "US", rate: "ten" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "rest_invalid_param" });
  });
});

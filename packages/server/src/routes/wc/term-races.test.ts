import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

describe.each(testDialects)("parallel term writes on %s", (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  const send = (method: "POST" | "PUT", url: string, payload: object) =>
    server.app.inject({ method, url, headers: server.auth.administrator, payload });
  const termsNamed = async (name: string) =>
    await server.store.db.selectFrom("terms").select("id").where("name", "=", name).execute();

  it("creates one category of ten parallel requests", async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        send("POST", "/wp-json/wc/v3/products/categories", { name: "DupCat" }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 400, 400, 400, 400, 400, 400, 400, 400, 400]);
    expect(await termsNamed("DupCat")).toHaveLength(1);
  });

  it("creates one attribute term of ten parallel requests", async () => {
    const attribute = await send("POST", "/wp-json/wc/v3/products/attributes", { name: "Shade" });
    const attributeId = attribute.json<{ id: number }>().id;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        send("POST", `/wp-json/wc/v3/products/attributes/${attributeId}/terms`, { name: "Teal" }),
      ),
    );
    expect(responses.filter((response) => response.statusCode === 201)).toHaveLength(1);
    expect(responses.every((response) => response.statusCode < 500)).toBe(true);
    expect(await termsNamed("Teal")).toHaveLength(1);
  });

  it("never forms a category loop from two parallel parent changes", async () => {
    for (let round = 0; round < 5; round++) {
      const first = await send("POST", "/wp-json/wc/v3/products/categories", {
        name: `Loop A${round}`,
      });
      const second = await send("POST", "/wp-json/wc/v3/products/categories", {
        name: `Loop B${round}`,
      });
      const a = first.json<{ id: number }>().id;
      const b = second.json<{ id: number }>().id;
      const [toB, toA] = await Promise.all([
        send("PUT", `/wp-json/wc/v3/products/categories/${a}`, { parent: b }),
        send("PUT", `/wp-json/wc/v3/products/categories/${b}`, { parent: a }),
      ]);
      expect([toB.statusCode, toA.statusCode].sort()).toEqual([200, 400]);
    }
  });
});

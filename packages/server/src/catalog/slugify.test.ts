import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";

describe.each(testDialects)("unique product slugs on %s", (dialect) => {
  let server: TestServer;
  const create = async (payload: object) => {
    const response = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/products",
      headers: server.auth.manager,
      payload,
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: number; slug: string }>();
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it("numbers duplicates from 2", async () => {
    const slugs = [];
    for (let i = 0; i < 4; i++) slugs.push((await create({ name: "Slug Probe" })).slug);

    expect(slugs).toEqual(["slug-probe", "slug-probe-2", "slug-probe-3", "slug-probe-4"]);
  });

  it("fills the first free number", async () => {
    await create({ name: "Gap Probe", slug: "gap-probe" });
    await create({ name: "Gap Probe", slug: "gap-probe-3" });

    expect((await create({ name: "Gap Probe" })).slug).toBe("gap-probe-2");
  });

  it("looks past a hundred taken numbers", async () => {
    await create({ name: "Busy Probe" });
    for (let n = 2; n <= 102; n++) await create({ name: "Busy Probe", slug: `busy-probe-${n}` });

    expect((await create({ name: "Busy Probe" })).slug).toBe("busy-probe-103");
  });

  it("keeps a product's own slug on update", async () => {
    const product = await create({ name: "Own Probe" });
    const updated = await server.app.inject({
      method: "PUT",
      url: `/wp-json/wc/v3/products/${product.id}`,
      headers: server.auth.manager,
      payload: { name: "Own Probe", regular_price: "2.00" },
    });

    expect(updated.json<{ slug: string }>().slug).toBe(product.slug);
  });
});

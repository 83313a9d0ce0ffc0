import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";

const parallelRequests = 10;

describe.each(testDialects)("duplicates sent in parallel on %s", (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  const postMany = (url: string, payload: (index: number) => object) =>
    Promise.all(
      Array.from({ length: parallelRequests }, (_, index) =>
        server.app.inject({
          method: "POST",
          url,
          headers: server.auth.manager,
          payload: payload(index),
        }),
      ),
    );

  const statusCounts = (responses: { statusCode: number }[]) => {
    const counts: Record<number, number> = {};
    for (const response of responses)
      counts[response.statusCode] = (counts[response.statusCode] ?? 0) + 1;
    return counts;
  };

  it("creates one customer per email", async () => {
    const responses = await postMany("/wp-json/wc/v3/customers", (index) => ({
      email: index % 2 === 0 ? "same@example.com" : "SAME@example.com",
      first_name: `Same ${index}`,
    }));

    expect(statusCounts(responses)).toEqual({ 201: 1, 400: parallelRequests - 1 });
    for (const response of responses.filter((candidate) => candidate.statusCode === 400)) {
      expect(response.json<{ code: string }>().code).toBe("registration-error-email-exists");
    }
    const rows = await server.store.db.selectFrom("customers").select("id").execute();
    expect(rows).toHaveLength(1);
  });

  it("creates one coupon per code", async () => {
    const responses = await postMany("/wp-json/wc/v3/coupons", (index) => ({
      code: index % 2 === 0 ? "twin" : "TWIN",
      amount: "1.00",
    }));

    expect(statusCounts(responses)).toEqual({ 201: 1, 400: parallelRequests - 1 });
    for (const response of responses.filter((candidate) => candidate.statusCode === 400)) {
      expect(response.json<{ code: string }>().code).toBe(
        "woocommerce_rest_coupon_code_already_exists",
      );
    }
    const rows = await server.store.db
      .selectFrom("coupons")
      .select("id")
      .where("code", "=", "twin")
      .execute();
    expect(rows).toHaveLength(1);
  });
});

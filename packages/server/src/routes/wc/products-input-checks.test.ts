import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface WireProduct {
  id: number;
  sku: string;
  price: string;
  regular_price: string;
  on_sale: boolean;
  date_on_sale_from: string | null;
  date_on_sale_from_gmt: string | null;
  date_on_sale_to: string | null;
  date_on_sale_to_gmt: string | null;
}

interface WireError {
  code: string;
  message: string;
  data: { status: number; params?: Record<string, string> };
}

describe.each(testDialects)("wc/v3 product input checks on %s", (dialect) => {
  let server: TestServer;
  const call = (method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    server.app.inject({
      method,
      url,
      headers: server.auth.administrator,
      ...(payload === undefined ? {} : { payload }),
    });
  const create = async (body: object) => {
    const response = await call("POST", "/wp-json/wc/v3/products", body);
    expect(response.statusCode).toBe(201);
    return response.json<WireProduct>();
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, {
      settings: { timezone_string: "America/Los_Angeles" },
    });
  });
  afterAll(() => server.close());

  describe("sale dates", () => {
    it("takes local dates in the store's time zone", async () => {
      const product = await create({ name: "Scheduled", regular_price: "20.00" });
      const response = await call("PUT", `/wp-json/wc/v3/products/${product.id}`, {
        sale_price: "10.00",
        date_on_sale_from: "2099-01-01T00:00:00",
        date_on_sale_to: "2099-02-01T00:00:00",
      });
      expect(response.statusCode).toBe(200);
      const updated = response.json<WireProduct>();
      expect(updated.date_on_sale_from).toBe("2099-01-01T00:00:00");
      expect(updated.date_on_sale_from_gmt).toBe("2099-01-01T08:00:00");
      expect(updated.date_on_sale_to_gmt).toBe("2099-02-01T08:00:00");
      expect(updated.price).toBe("20.00");
      expect(updated.on_sale).toBe(false);
    });

    it("prefers the _gmt date over the local one", async () => {
      const product = await create({
        name: "Both dates",
        regular_price: "20.00",
        sale_price: "10.00",
        date_on_sale_from: "2099-01-01T00:00:00",
        date_on_sale_from_gmt: "2098-06-01T00:00:00",
      });
      expect(product.date_on_sale_from_gmt).toBe("2098-06-01T00:00:00");
    });

    it("starts a sale whose start date has passed", async () => {
      const product = await create({
        name: "Started",
        regular_price: "20.00",
        sale_price: "10.00",
        date_on_sale_from: "2020-01-01T00:00:00",
      });
      expect(product.price).toBe("10.00");
      expect(product.on_sale).toBe(true);
    });

    it("clears a date with null", async () => {
      const product = await create({
        name: "Cleared",
        regular_price: "20.00",
        date_on_sale_to: "2099-01-01T00:00:00",
      });
      const response = await call("PUT", `/wp-json/wc/v3/products/${product.id}`, {
        date_on_sale_to: null,
      });
      expect(response.json<WireProduct>().date_on_sale_to).toBeNull();
    });

    it.each([
      ["date_on_sale_from", "2020-02-30T00:00:00"],
      ["date_on_sale_from", "2099-99-99T00:00:00"],
      ["date_on_sale_to_gmt", "2021-02-29T10:00:00"],
      ["date_on_sale_to", "next week"],
    ])("rejects %s %s", async (field, value) => {
      const product = await create({ name: "Bad date", regular_price: "20.00" });
      const response = await call("PUT", `/wp-json/wc/v3/products/${product.id}`, {
        sale_price: "10.00",
        [field]: value,
      });
      expect(response.statusCode).toBe(400);
      const error = response.json<WireError>();
      expect(error.code).toBe("rest_invalid_param");
      expect(error.data.params?.[field]).toContain(value);
      const read = await call("GET", `/wp-json/wc/v3/products/${product.id}`);
      expect(read.json<WireProduct>().price).toBe("20.00");
    });

    it("rejects an invalid date in a list filter", async () => {
      const response = await call("GET", "/wp-json/wc/v3/products?after=2020-02-30T00:00:00");
      expect(response.statusCode).toBe(400);
      expect(response.json<WireError>().data.params?.["after"]).toContain("2020-02-30");
    });

    it("accepts February 29 of a leap year", async () => {
      const response = await call("GET", "/wp-json/wc/v3/products?after=2024-02-29T00:00:00");
      expect(response.statusCode).toBe(200);
    });
  });

  describe("price limits", () => {
    it.each([
      ["regular_price", "99999999999999999999999.99", "1000000000"],
      ["sale_price", "1000000000.00", "below 1000000000"],
      ["regular_price", "1.1234567", "6 decimal places"],
    ])("rejects %s %s", async (field, value, limit) => {
      const response = await call("POST", "/wp-json/wc/v3/products", {
        name: "Too dear",
        sku: `dear-${field}-${value.length}`,
        [field]: value,
      });
      expect(response.statusCode).toBe(400);
      const message = response.json<WireError>().data.params?.[field] ?? "";
      expect(message).toContain(value);
      expect(message).toContain(limit);
      const list = await call("GET", `/wp-json/wc/v3/products?sku=dear-${field}-${value.length}`);
      expect(list.json()).toEqual([]);
    });

    it("accepts a price just below the limit", async () => {
      const product = await create({ name: "Dearest", regular_price: "999999999.99" });
      expect(product.regular_price).toBe("999999999.99");
    });
  });

  describe("validation messages", () => {
    it.each([
      ["/wp-json/wc/v3/products?status=nope", "status", '"nope"'],
      ["/wp-json/wc/v3/products?per_page=abc", "per_page", '"abc"'],
      ["/wp-json/wc/v3/products?offset=-1", "offset", '"-1"'],
    ])("names the value in %s", async (url, param, shown) => {
      const response = await call("GET", url);
      expect(response.statusCode).toBe(400);
      const message = response.json<WireError>().data.params?.[param] ?? "";
      expect(message).toContain(param);
      expect(message).toContain(shown);
    });

    it("names a bad price", async () => {
      const response = await call("POST", "/wp-json/wc/v3/products", { regular_price: "12,50" });
      const message = response.json<WireError>().data.params?.["regular_price"] ?? "";
      expect(message).toContain('"12,50"');
    });
  });
});

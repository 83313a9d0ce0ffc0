import { describe, expect, it } from "vitest";
import { z } from "zod";
import { allRecordedExchanges, type RecordedExchange } from "../test-support/recorded-fixtures.js";
import { wcErrorSchema } from "./wc-error.js";
import {
  wcIdOnlySchema,
  wcModifiedStampSchema,
  wcProductSchema,
  wcVariationSchema,
} from "./wc-product.js";
import { wcCategorySchema, wcTagSchema } from "./wc-taxonomy.js";
import { wcCustomerSchema } from "./wc-customer.js";
import { wcTaxClassSchema, wcTaxRateSchema } from "./wc-tax.js";
import { wcCurrencySchema, wcSettingSchema } from "./wc-settings.js";
import { wcOrderCreateSchema, wcOrderSchema } from "./wc-order.js";
import { wcCouponSchema } from "./wc-coupon.js";

/** The schema of each recorded route, by the path of its request (query left out). */
const routeSchemas: [RegExp, z.ZodType][] = [
  [/^\/wp-json\/wc\/v3\/taxes\/classes$/, z.array(wcTaxClassSchema)],
  [/^\/wp-json\/wc\/v3\/taxes(\/\d+)?$/, z.union([wcTaxRateSchema, z.array(wcTaxRateSchema)])],
  [/^\/wp-json\/wc\/v3\/products\/categories$/, z.array(wcCategorySchema)],
  [/^\/wp-json\/wc\/v3\/products\/tags$/, z.array(wcTagSchema)],
  [/^\/wp-json\/wc\/v3\/products\/\d+\/variations$/, z.array(wcVariationSchema)],
  [/^\/wp-json\/wc\/v3\/products\/\d+\/variations\/\d+$/, wcVariationSchema],
  [/^\/wp-json\/wc\/v3\/products\/\d+$/, wcProductSchema],
  [/^\/wp-json\/wc\/v3\/products$/, z.array(wcProductSchema)],
  [
    /^\/wp-json\/wc\/v3\/customers(\/\d+)?$/,
    z.union([wcCustomerSchema, z.array(wcCustomerSchema)]),
  ],
  [/^\/wp-json\/wc\/v3\/coupons(\/\d+)?$/, z.union([wcCouponSchema, z.array(wcCouponSchema)])],
  [/^\/wp-json\/wc\/v3\/orders(\/\d+)?$/, z.union([wcOrderSchema, z.array(wcOrderSchema)])],
  [/^\/wp-json\/wc\/v3\/data\/currencies\/current$/, wcCurrencySchema],
  [/^\/wp-json\/wc\/v3\/settings\/general$/, z.array(wcSettingSchema)],
  [/^\/wp-json\/wc\/v3\/settings\/\w+\/\w+$/, wcSettingSchema],
];

/** `_fields` listings carry only the named fields. */
function fieldsSchema(fields: string): z.ZodType {
  if (fields === "id,name") return z.array(wcIdOnlySchema.extend({ name: z.string() }));
  if (fields.includes("date_modified_gmt")) return z.array(wcModifiedStampSchema);
  return z.array(wcIdOnlySchema);
}

function schemaFor(exchange: RecordedExchange): z.ZodType {
  if (exchange.response.status >= 400) return wcErrorSchema;
  const url = new URL(exchange.request.url, "https://127.0.0.1:8443");
  const fields = url.searchParams.get("_fields");
  if (fields) return fieldsSchema(fields);
  const match = routeSchemas.find(([pattern]) => pattern.test(url.pathname));
  if (!match) throw new Error(`no schema for ${exchange.file} (${url.pathname})`);
  return match[1];
}

describe("wc/v3 schemas", () => {
  const exchanges = allRecordedExchanges();

  it("covers the recorded fixtures", () => {
    expect(exchanges.length).toBeGreaterThan(30);
  });

  for (const exchange of exchanges) {
    it(`parses ${exchange.file}`, () => {
      const result = schemaFor(exchange).safeParse(exchange.response.body);
      expect(result.error?.issues ?? []).toEqual([]);
    });
  }

  it("accepts the recorded order create body", () => {
    const exchange = exchanges.find((entry) => entry.file.startsWith("36-"));
    const result = wcOrderCreateSchema.safeParse(exchange?.request.body);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("keeps the extra data of an error body", () => {
    const exchange = exchanges.find((entry) => entry.file.startsWith("46-"));
    const error = wcErrorSchema.parse(exchange?.response.body);
    expect(error.code).toBe("woocommerce_rest_invalid_coupon");
    expect(error.data?.status).toBe(400);
    expect(error.data?.new_draft_order_id).toBe(2066);
  });

  it("rejects a product whose price is a number", () => {
    const exchange = exchanges.find((entry) => entry.file.startsWith("13-"));
    const body = { ...(exchange?.response.body as object), price: 18 };
    const result = wcProductSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["price"]);
  });
});

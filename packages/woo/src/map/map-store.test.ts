import { describe, expect, it } from "vitest";
import { z } from "zod";
import { recordedExchange } from "../test-support/recorded-fixtures.js";
import { posStoreSchema } from "../pos/pos-schemas.js";
import { wcCurrencySchema, wcSettingSchema } from "../wc/wc-settings.js";
import { decodeHtmlEntities, mapWcSettingsToStore } from "./map-store.js";

const general = z.array(wcSettingSchema).parse(recordedExchange("57-").response.body);
const pricesIncludeTax = wcSettingSchema.parse(recordedExchange("50-").response.body);
const currency = wcCurrencySchema.parse(recordedExchange("56-").response.body);

function store(tax = [pricesIncludeTax]) {
  return mapWcSettingsToStore({
    general,
    tax,
    currency,
    siteName: "Recorded store",
    timezone: "UTC",
    serverTimeGmt: "2026-12-04T16:00:00",
    offlineSales: { cash: true, external_card: false },
  });
}

describe("mapWcSettingsToStore", () => {
  it("reads the recorded general settings", () => {
    const mapped = store();

    expect(posStoreSchema.parse(mapped)).toEqual(mapped);
    expect(mapped.address).toEqual({
      address1: "100 Example Street",
      address2: "",
      city: "Sampleton",
      postcode: "90001",
      country: "US",
      state: "CA",
    });
    expect(mapped.currency).toBe("USD");
    expect(mapped.currency_symbol).toBe("$");
    expect(mapped.decimals).toBe(2);
    expect(mapped.calc_taxes).toBe(true);
    expect(mapped.coupons_sequential).toBe(false);
  });

  it("reads prices entered with tax from the tax settings", () => {
    expect(store().prices_include_tax).toBe(true);
  });

  it("falls back to WooCommerce defaults for unsaved tax options", () => {
    const mapped = store([]);
    expect(mapped.prices_include_tax).toBe(false);
    expect(mapped.tax_round_at_subtotal).toBe(false);
    expect(mapped.tax_based_on).toBe("shipping");
  });

  it("decodes numeric entities of currency symbols", () => {
    expect(decodeHtmlEntities("&#36;")).toBe("$");
    expect(decodeHtmlEntities("&#x20ac;")).toBe("€");
    expect(decodeHtmlEntities("&#107;&#114;")).toBe("kr");
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { recordedExchange } from "../test-support/recorded-fixtures.js";
import { wcProductSchema, wcVariationSchema } from "../wc/wc-product.js";
import { wcCategorySchema, wcTagSchema } from "../wc/wc-taxonomy.js";
import { wcCustomerSchema } from "../wc/wc-customer.js";
import { wcTaxRateSchema } from "../wc/wc-tax.js";
import { wcCouponSchema } from "../wc/wc-coupon.js";
import {
  categoryRecordSchema,
  couponRecordSchema,
  customerRecordSchema,
  productRecordSchema,
  tagRecordSchema,
  taxRateRecordSchema,
  variationRecordSchema,
} from "../pos/catalog-schemas.js";
import {
  mapWcCategory,
  mapWcCoupon,
  mapWcCustomer,
  mapWcProduct,
  mapWcTag,
  mapWcTaxRate,
  mapWcVariation,
} from "./map-catalog.js";

function body<T>(prefix: string, schema: z.ZodType<T>): T {
  return schema.parse(recordedExchange(prefix).response.body);
}

describe("mapWcProduct", () => {
  it("maps the simple product Beanie", () => {
    const product = mapWcProduct(body("13-", wcProductSchema));

    expect(productRecordSchema.parse(product)).toEqual(product);
    expect(product).toMatchObject({
      id: 15,
      type: "simple",
      sku: "woo-beanie",
      price: "18",
      regularPrice: "20",
      salePrice: "18",
      onSale: true,
      taxClass: "",
      dateModifiedGmt: "2026-12-04T15:27:05",
    });
    expect(product.imageUrl).toMatch(/^https:\/\/127\.0\.0\.1:8443\/.+beanie/);
  });

  it("maps a variable product with its variation ids and attributes", () => {
    const product = mapWcProduct(body("14-", wcProductSchema));

    expect(product.type).toBe("variable");
    expect(product.variationIds).toEqual([25, 26, 27]);
    expect(product.attributes[0]).toEqual({
      name: "Color",
      options: ["Blue", "Green", "Red"],
      variation: true,
    });
  });

  it("maps grouped and external products", () => {
    expect(mapWcProduct(body("18-", wcProductSchema)).groupedIds.length).toBeGreaterThan(0);
    expect(mapWcProduct(body("19-", wcProductSchema)).type).toBe("external");
  });

  it("rejects a product type the till cannot sell", () => {
    const wire = { ...body("13-", wcProductSchema), type: "subscription" };
    expect(() => mapWcProduct(wire)).toThrow(/product 15 has type "subscription"/);
  });
});

describe("mapWcVariation", () => {
  const parent = { id: 11, taxClass: "reduced-rate" };

  it("maps each recorded variation of V-Neck T-Shirt", () => {
    const wires = body("15-", z.array(wcVariationSchema));
    const variations = wires.map((wire) => mapWcVariation(wire, parent));

    for (const variation of variations) {
      expect(variationRecordSchema.parse(variation)).toEqual(variation);
      expect(variation.parentId).toBe(11);
    }
    const blue = variations.find((variation) => variation.id === 27);
    expect(blue?.sku).toBe("woo-vneck-tee-blue");
    expect(blue?.attributes).toEqual([{ name: "Color", option: "Blue" }]);
  });

  it("resolves the tax class parent to the parent's class", () => {
    const wire = { ...body("16-", wcVariationSchema), tax_class: "parent" };
    expect(mapWcVariation(wire, parent).taxClass).toBe("reduced-rate");
  });

  it("keeps a variation's own tax class", () => {
    const wire = { ...body("16-", wcVariationSchema), tax_class: "zero-rate" };
    expect(mapWcVariation(wire, parent).taxClass).toBe("zero-rate");
  });

  it("treats manage_stock parent as managed", () => {
    const wire = { ...body("16-", wcVariationSchema), manage_stock: "parent" as const };
    expect(mapWcVariation(wire, parent).manageStock).toBe(true);
  });

  it("rejects a variation of another parent", () => {
    const wire = body("16-", wcVariationSchema);
    expect(() => mapWcVariation(wire, { id: 12, taxClass: "" })).toThrow(
      /variation 27 belongs to product 11, not to product 12/,
    );
  });
});

describe("mapping of other records", () => {
  it("maps categories with their parent", () => {
    const categories = body("04-", z.array(wcCategorySchema)).map(mapWcCategory);
    const accessories = categories.find((category) => category.slug === "accessories");
    expect(accessories).toEqual({
      id: 19,
      name: "Accessories",
      slug: "accessories",
      parentId: 16,
      count: 5,
    });
    for (const category of categories)
      expect(categoryRecordSchema.parse(category)).toEqual(category);
  });

  it("maps tags", () => {
    const tags = body("05-", z.array(wcTagSchema)).map(mapWcTag);
    expect(tags.find((tag) => tag.id === 37)).toEqual({
      id: 37,
      name: "clearance",
      slug: "clearance",
    });
    for (const tag of tags) expect(tagRecordSchema.parse(tag)).toEqual(tag);
  });

  it("maps customers with both addresses", () => {
    const customers = body("30-", z.array(wcCustomerSchema)).map(mapWcCustomer);
    const avery = customers.find((customer) => customer.id === 2);
    expect(avery?.billing.address1).toBe("10 Invented Way");
    expect(avery?.billing.phone).toBe("555-0100");
    expect(avery?.shipping.email).toBe("");
    for (const customer of customers)
      expect(customerRecordSchema.parse(customer)).toEqual(customer);
  });

  it("maps tax rates with their class", () => {
    const rates = body("02-", z.array(wcTaxRateSchema)).map(mapWcTaxRate);
    expect(rates[0]).toMatchObject({ id: 1, rate: "7.2500", taxClass: "standard", shipping: true });
    for (const rate of rates) expect(taxRateRecordSchema.parse(rate)).toEqual(rate);
  });

  it("splits the joined postcodes of older WooCommerce", () => {
    const wire = {
      ...body("02-", z.array(wcTaxRateSchema))[0]!,
      postcodes: undefined,
      postcode: "90001; 90002",
    };
    expect(mapWcTaxRate(wire).postcodes).toEqual(["90001", "90002"]);
  });

  it("maps coupons", () => {
    const coupons = body("35-", z.array(wcCouponSchema)).map(mapWcCoupon);
    const expired = coupons.find((coupon) => coupon.code === "expired2020");
    expect(expired?.dateExpiresGmt).toBe("2020-01-31T23:59:59");
    expect(expired?.discountType).toBe("percent");
    for (const coupon of coupons) expect(couponRecordSchema.parse(coupon)).toEqual(coupon);
  });
});

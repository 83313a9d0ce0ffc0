import type { z } from "zod";
import type { CatalogCollection } from "@pos/core";
import {
  mapWcCategory,
  mapWcCoupon,
  mapWcCustomer,
  mapWcProduct,
  mapWcTag,
  mapWcTaxRate,
  isSupportedProductType,
  wcCategorySchema,
  wcCouponSchema,
  wcCustomerSchema,
  wcProductSchema,
  wcTagSchema,
  wcTaxRateSchema,
  type ProductMapOptions,
  type QueryValue,
} from "@pos/woo";

/** Action for one wire record: store it, or delete it locally because it is unpublished. */
export type WooRecordAction = { store: { id: number } } | { remove: number };

/** Listing rules of one collection on wc/v3; variations are listed per product elsewhere. */
export interface WooCollectionSpec {
  collection: Exclude<CatalogCollection, "variations">;
  route: string;
  /** Query of the seed listing and of the id audit. */
  query: Record<string, QueryValue>;
  schema: z.ZodType<{ id: number; date_modified_gmt?: string | null }>;
  toAction: (wire: never) => WooRecordAction;
  /** Whether the route filters by `modified_after`; the others are refreshed whole. */
  modifiedAfter: boolean;
  /** How the products spec maps products and the variations fetched with them. */
  mapOptions?: ProductMapOptions;
}

function storeAll<W>(map: (wire: W) => { id: number }) {
  return (wire: W): WooRecordAction => ({ store: map(wire) });
}

/**
 * Keeps a product that is published and of a type the till sells. Any other state found by a
 * `modified_after` poll (draft, trash, private, an unknown type) removes it locally.
 */
function productAction(options: ProductMapOptions) {
  return (wire: z.infer<typeof wcProductSchema>): WooRecordAction => {
    if (wire.status !== "publish" || !isSupportedProductType(wire.type)) {
      return { remove: wire.id };
    }
    return { store: mapWcProduct(wire, options) };
  };
}

function couponAction(wire: z.infer<typeof wcCouponSchema>): WooRecordAction {
  if (wire.status !== undefined && wire.status !== "publish") return { remove: wire.id };
  return { store: mapWcCoupon(wire) };
}

const byId = { orderby: "id", order: "asc" } as const;

/**
 * Lists the collections in seed order as on pos/v1: what totals a cart first, customers last.
 * `options` decide how products are mapped, such as where their barcodes come from.
 */
export function wooCollectionSpecsFor(options: ProductMapOptions = {}): WooCollectionSpec[] {
  return [
    {
      collection: "tax_rates",
      route: "wc/v3/taxes",
      query: byId,
      schema: wcTaxRateSchema,
      toAction: storeAll(mapWcTaxRate),
      modifiedAfter: false,
    },
    {
      collection: "categories",
      route: "wc/v3/products/categories",
      query: byId,
      schema: wcCategorySchema,
      toAction: storeAll(mapWcCategory),
      modifiedAfter: false,
    },
    {
      collection: "tags",
      route: "wc/v3/products/tags",
      query: byId,
      schema: wcTagSchema,
      toAction: storeAll(mapWcTag),
      modifiedAfter: false,
    },
    {
      collection: "coupons",
      route: "wc/v3/coupons",
      query: byId,
      schema: wcCouponSchema,
      toAction: couponAction,
      modifiedAfter: true,
    },
    {
      collection: "products",
      route: "wc/v3/products",
      query: { ...byId, status: "publish" },
      schema: wcProductSchema,
      toAction: productAction(options),
      modifiedAfter: true,
      mapOptions: options,
    },
    {
      collection: "customers",
      route: "wc/v3/customers",
      query: byId,
      schema: wcCustomerSchema,
      toAction: storeAll(mapWcCustomer),
      modifiedAfter: false,
    },
  ];
}

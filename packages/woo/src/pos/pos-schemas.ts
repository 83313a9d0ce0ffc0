import { z } from "zod";
import { catalogCollections } from "@pos/core";
import { catalogRecordSchemas } from "./catalog-schemas.js";

export const posLoginRequestSchema = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
  register: z.string().optional(),
  /** The register's readable name for the store's seats message and sessions list. */
  register_name: z.string().optional(),
  /** A signed-in register's handle from the seats refusal, which a manager's login replaces. */
  replace_register: z.string().optional(),
});
export type PosLoginRequest = z.infer<typeof posLoginRequestSchema>;

export const posUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  display_name: z.string(),
  role: z.enum(["administrator", "manager", "cashier"]),
});
export type PosUser = z.infer<typeof posUserSchema>;

/** The body of `auth/login` and `auth/refresh`. */
export const posTokensSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  token_type: z.literal("Bearer"),
  expires_in: z.number().int().positive(),
  user: posUserSchema,
});
export type PosTokens = z.infer<typeof posTokensSchema>;

export const posStoreSchema = z.object({
  name: z.string(),
  address: z.object({
    address1: z.string(),
    address2: z.string(),
    city: z.string(),
    postcode: z.string(),
    country: z.string(),
    state: z.string(),
  }),
  currency: z.string(),
  currency_symbol: z.string(),
  decimals: z.number().int().min(0).max(8),
  decimal_separator: z.string(),
  thousand_separator: z.string(),
  prices_include_tax: z.boolean(),
  tax_round_at_subtotal: z.boolean(),
  calc_taxes: z.boolean(),
  tax_based_on: z.enum(["base", "billing", "shipping"]),
  coupons_enabled: z.boolean(),
  coupons_sequential: z.boolean(),
  offline_sales: z.object({ cash: z.boolean(), external_card: z.boolean() }),
  timezone: z.string(),
  server_time_gmt: z.string(),
});
export type PosStore = z.infer<typeof posStoreSchema>;

export const posPingSchema = z.object({ ok: z.literal(true), time_gmt: z.string() });

export const posChangesHeadSchema = z.object({ head: z.number().int().nonnegative() });

export const catalogCollectionSchema = z.enum(catalogCollections);

/** Builds the schema of a `snapshot/{collection}` body, records checked with their schema. */
export function posSnapshotSchema<C extends keyof typeof catalogRecordSchemas>(collection: C) {
  return z.object({
    records: z.array(catalogRecordSchemas[collection]),
    next_after: z.number().int().nonnegative().nullable(),
    total: z.number().int().nonnegative(),
  });
}

const changeBase = { seq: z.number().int().positive(), id: z.number().int().nonnegative() };

function changeOf<C extends keyof typeof catalogRecordSchemas>(collection: C) {
  return z.discriminatedUnion("deleted", [
    z.object({
      ...changeBase,
      collection: z.literal(collection),
      deleted: z.literal(false),
      record: catalogRecordSchemas[collection],
    }),
    z.object({ ...changeBase, collection: z.literal(collection), deleted: z.literal(true) }),
  ]);
}

export const posChangeSchema = z.union([
  changeOf("products"),
  changeOf("variations"),
  changeOf("categories"),
  changeOf("tags"),
  changeOf("customers"),
  changeOf("tax_rates"),
  changeOf("coupons"),
]);
export type PosChange = z.infer<typeof posChangeSchema>;

export const posChangesSchema = z.object({
  changes: z.array(posChangeSchema),
  next: z.number().int().nonnegative(),
  more: z.boolean(),
  /**
   * The server's record count of each collection the batch changes, read when it was sent.
   * Servers before this field send none, and the till keeps the totals it had.
   */
  totals: z.partialRecord(catalogCollectionSchema, z.number().int().nonnegative()).optional(),
});
export type PosChanges = z.infer<typeof posChangesSchema>;

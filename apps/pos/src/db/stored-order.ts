import { z } from "zod";

/** The format version written with each order; bump it and add a migration when fields change. */
export const storedOrderVersion = 1;

const minorUnits = z.number().int();

const lineAttributeSchema = z.object({ name: z.string(), option: z.string() });

const cartLineSchema = z.object({
  lineId: z.string().min(1),
  productId: z.number().int().positive(),
  variationId: z.number().int().positive().nullable(),
  name: z.string(),
  sku: z.string(),
  attributes: z.array(lineAttributeSchema),
  quantity: z.number().int().positive(),
  /** The catalogue's unit price when the line was added, in minor units. */
  catalogPriceMinor: minorUnits.nonnegative(),
  /** The cashier's unit price, or null to sell at the catalogue price. */
  priceOverrideMinor: minorUnits.nonnegative().nullable(),
  /** Line discount in basis points of the unit price (1000 = 10 %). */
  discountBasisPoints: z.number().int().min(0).max(10_000),
  /** The catalogue's sale flag, which coupons that skip sale items read. */
  onSale: z.boolean(),
  taxStatus: z.enum(["taxable", "shipping", "none"]),
  taxClass: z.string(),
  categoryIds: z.array(z.number().int()),
});

const cartAdjustmentSchema = z.object({
  kind: z.enum(["discount", "fee"]),
  /** "amount": `value` is in minor units; "percent": `value` is in basis points. */
  basis: z.enum(["amount", "percent"]),
  value: z.number().int().nonnegative(),
});

const paymentSchema = z.object({
  method: z.literal("pos_cash"),
  tenderedMinor: minorUnits.nonnegative(),
  changeMinor: minorUnits.nonnegative(),
});

const receiptSchema = z.object({
  serverId: z.number().int().positive(),
  number: z.string(),
  totalMinor: minorUnits,
  currency: z.string(),
  completedAtMs: z.number().int(),
});

export const storedOrderSchema = z.object({
  formatVersion: z.literal(storedOrderVersion),
  clientUuid: z.uuid(),
  status: z.enum(["pos-open", "completed"]),
  createdAtMs: z.number().int(),
  updatedAtMs: z.number().int(),
  /** When the cashier last set the order aside, or null while it is the order on screen. */
  parkedAtMs: z.number().int().nullable(),
  customer: z.object({ id: z.number().int().positive(), name: z.string() }).nullable(),
  lines: z.array(cartLineSchema),
  adjustment: cartAdjustmentSchema.nullable(),
  payment: paymentSchema.nullable(),
  receipt: receiptSchema.nullable(),
});

export type StoredOrder = z.infer<typeof storedOrderSchema>;
export type CartLine = z.infer<typeof cartLineSchema>;
export type CartAdjustment = z.infer<typeof cartAdjustmentSchema>;
export type OrderPayment = z.infer<typeof paymentSchema>;
export type OrderReceipt = z.infer<typeof receiptSchema>;

/** Raised when a stored order cannot be read back; the row stays untouched for support. */
export class StoredOrderError extends Error {
  override name = "StoredOrderError";
}

/** Parses an order read back from IndexedDB, migrating older formats to the current one. */
export function parseStoredOrder(row: unknown): StoredOrder {
  const result = storedOrderSchema.safeParse(migrateOrderRow(row));
  if (result.success) return result.data;

  const uuid = isRecord(row) ? String(row.clientUuid) : "unknown";
  throw new StoredOrderError(
    `stored order ${uuid} is invalid (${z.prettifyError(result.error)}); ` +
      `it was left as it is: export it from Store health before clearing the till's data`,
  );
}

function migrateOrderRow(row: unknown): unknown {
  if (!isRecord(row)) return row;

  // Rows written before the format carried a version are version 1 rows.
  if (row.formatVersion === undefined) return { ...row, formatVersion: storedOrderVersion };
  return row;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

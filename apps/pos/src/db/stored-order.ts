import { z } from "zod";

/** The format version written with each order; bump it and add a migration when fields change. */
export const storedOrderVersion = 2;

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

const tenderSchema = z.object({
  /** The payment method id sent to the store, such as "pos_cash" or "pos_card". */
  method: z.string().min(1),
  title: z.string(),
  /** The amount taken with this tender; for cash it includes the change handed back. */
  amountMinor: minorUnits.positive(),
  changeMinor: minorUnits.nonnegative(),
  /** The card terminal's slip or authorisation number, for external card payments. */
  reference: z.string().nullable(),
});

const receiptSchema = z.object({
  /** The till's own receipt number: the register's prefix and a gap-free sequence. */
  localNumber: z.string().min(1),
  /** The store's order id and number, or null until the outbox has sent the order. */
  serverId: z.number().int().positive().nullable(),
  number: z.string().nullable(),
  totalMinor: minorUnits,
  currency: z.string(),
  completedAtMs: z.number().int(),
  /** "pending" until the store has the order; "discarded" when a manager dropped it unsent. */
  syncState: z.enum(["pending", "sent", "discarded"]),
});

/** A decimal amount as the till sent it to the store: "12.50", "16.363636". */
const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, "expected a decimal string such as 12.50");

const recordedLineSchema = z.object({
  lineId: z.string().min(1),
  /** Ex-tax line subtotal and total, with up to 6 decimals, as the store stored them. */
  subtotal: decimalText,
  total: decimalText,
});

const recordedFeeSchema = z.object({
  name: z.string(),
  /** Ex-tax fee total, negative for a cart discount. */
  total: decimalText,
  taxable: z.boolean(),
  taxClass: z.string(),
});

/**
 * The store's record of a sale that a manager resent without the coupons it rejected: no coupon
 * lines, and each line's coupon discount kept in its subtotal and total. The till totals such an
 * order from these amounts instead of from its coupons.
 */
const storeRecordedSchema = z.object({
  /** The codes the store rejected, which the sale no longer carries. */
  rejectedCoupons: z.array(z.string().min(1)),
  lines: z.array(recordedLineSchema),
  fees: z.array(recordedFeeSchema),
});

const couponSchema = z.object({
  code: z.string().min(1),
  /** Checked on this till against the synced coupon; the store confirms it on creation. */
  toBeConfirmed: z.boolean(),
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
  coupons: z.array(couponSchema),
  tenders: z.array(tenderSchema),
  receipt: receiptSchema.nullable(),
  /**
   * Absent unless the store accepted this sale resent without its rejected coupons. An optional
   * field, so orders stored before it still read as version 2.
   */
  storeRecorded: storeRecordedSchema.optional(),
});

export type StoredOrder = z.infer<typeof storedOrderSchema>;
export type CartLine = z.infer<typeof cartLineSchema>;
export type CartAdjustment = z.infer<typeof cartAdjustmentSchema>;
export type OrderTender = z.infer<typeof tenderSchema>;
export type OrderCoupon = z.infer<typeof couponSchema>;
export type OrderReceipt = z.infer<typeof receiptSchema>;
export type StoreRecordedOrder = z.infer<typeof storeRecordedSchema>;

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
  const version = row.formatVersion ?? 1;
  if (version === 1) return migrateVersion1(row);
  return row;
}

/** Version 1 had one cash payment and a receipt that always came from the store. */
function migrateVersion1(row: Record<string, unknown>): unknown {
  const { payment, receipt, ...rest } = row;
  const tenders = isRecord(payment)
    ? [
        {
          method: payment.method,
          title: "Cash",
          amountMinor: payment.tenderedMinor,
          changeMinor: payment.changeMinor,
          reference: null,
        },
      ]
    : [];
  const migratedReceipt = isRecord(receipt)
    ? { ...receipt, localNumber: `#${String(receipt.number)}`, syncState: "sent" }
    : null;
  return {
    ...rest,
    formatVersion: storedOrderVersion,
    coupons: [],
    tenders,
    receipt: migratedReceipt,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

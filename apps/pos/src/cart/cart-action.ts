import type { CartAdjustment, CartLine } from "../db/stored-order.js";

/** A cashier's change to an open order. Each action becomes one IndexedDB write. */
export type CartAction =
  | { type: "addLine"; line: Omit<CartLine, "lineId" | "quantity">; quantity?: number }
  | { type: "setQuantity"; lineId: string; quantity: number }
  | { type: "setPrice"; lineId: string; priceMinor: number | null }
  | { type: "setLineDiscount"; lineId: string; discountBasisPoints: number }
  | { type: "removeLine"; lineId: string }
  | { type: "setAdjustment"; adjustment: CartAdjustment | null }
  | { type: "setCustomer"; customer: { id: number; name: string } | null }
  | { type: "addCoupon"; code: string; toBeConfirmed: boolean }
  | { type: "removeCoupon"; code: string };

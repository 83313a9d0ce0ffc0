import type { Money } from "../money.js";

/**
 * The order as reports read it, the same on the till (orders stored on the device) and on the
 * server (the store's orders). Amounts are minor units of the order's own currency, and every
 * amount is positive, as on a receipt, unless its comment says otherwise.
 *
 * Where each field comes from in a wc/v3 order (`GET /wp-json/wc/v3/orders/<id>`), as
 * `reportOrderFromWc` maps it:
 *
 * | field | wc/v3 order |
 * | --- | --- |
 * | `id` | `id` (undefined for an order not yet uploaded) |
 * | `clientUuid` | meta `_pos_client_uuid` |
 * | `number` | `number` |
 * | `status` | `status` |
 * | `dateCreatedGmt` | `date_created_gmt` (UTC without a zone designator) |
 * | `currency`, `decimals` | `currency`, and the decimals of that currency |
 * | `total`, `totalTax` | `total`, `total_tax` |
 * | `discountTotal`, `discountTax` | `discount_total`, `discount_tax` (coupons only) |
 * | `shippingTotal` | `shipping_total` |
 * | `lineItems` | `line_items` (see `ReportLineItem`) |
 * | `feeLines` | `fee_lines` (see `ReportFeeLine`) |
 * | `taxLines` | `tax_lines` (see `ReportTaxLine`) |
 * | `tenders` | meta `_pos_tenders`, a JSON array (see `PosTenderJson`) |
 * | `refunds` | `GET .../orders/<id>/refunds` (see `ReportRefund`) |
 * | `cashierId` | meta `_pos_cashier_id` |
 * | `registerId` | meta `_pos_register` |
 */
export interface ReportOrder {
  id?: number;
  clientUuid?: string;
  number: string;
  /** WooCommerce status without the `wc-` prefix: "completed", "processing", "on-hold", … */
  status: string;
  /** ISO 8601 instant, read as UTC when it has no zone designator (as WooCommerce sends it). */
  dateCreatedGmt: string;
  /** ISO 4217 code, such as "USD". */
  currency: string;
  decimals: number;
  total: Money;
  totalTax: Money;
  /** Ex-tax amount that coupons took off. */
  discountTotal: Money;
  discountTax: Money;
  /** Ex-tax shipping. */
  shippingTotal: Money;
  lineItems: readonly ReportLineItem[];
  feeLines: readonly ReportFeeLine[];
  taxLines: readonly ReportTaxLine[];
  tenders: readonly ReportTender[];
  refunds: readonly ReportRefund[];
  cashierId?: number;
  registerId?: string;
}

/**
 * A line item: `quantity`, `total`, `total_tax` of a wc/v3 line item. The till takes a line
 * discount off the unit price before coupons, so WooCommerce's `subtotal` already excludes it.
 */
export interface ReportLineItem {
  productId: number;
  /** 0 for a simple product. */
  variationId: number;
  name: string;
  quantity: number;
  /** Ex-tax line total after line discounts and coupons. */
  total: Money;
  totalTax: Money;
  /**
   * Ex-tax amount that the till's line discount took off the whole line, and the tax on it.
   * Both are 0 for a line sold at its catalogue price.
   */
  lineDiscount: Money;
  lineDiscountTax: Money;
}

/** A fee line: `name`, `total`, `total_tax`. A negative fee named "Cart discount" is a discount. */
export interface ReportFeeLine {
  name: string;
  /** Ex-tax amount, negative for a discount. */
  total: Money;
  /** Negative for a discount. */
  totalTax: Money;
}

/** A tax line: `rate_id`, `label`, `rate_percent`, `tax_total`, `shipping_tax_total`. */
export interface ReportTaxLine {
  rateId: number;
  label: string;
  /** WooCommerce's `rate_percent` (a JSON number) as a decimal string, such as "7.25". */
  ratePercent: string;
  /** Tax on line items and fees. */
  taxTotal: Money;
  shippingTaxTotal: Money;
}

/**
 * One payment towards an order, an entry of the `_pos_tenders` meta array. A split-tender order
 * has several. `amount` is what the customer handed over for this tender, and `change` is what
 * went back from the drawer, so `amount - change` is what the tender paid.
 */
export interface ReportTender {
  /** Payment method id, such as "pos_cash" or "pos_card". */
  methodId: string;
  /** The method's title alone, such as "External card"; reports group by `methodId`. */
  methodTitle: string;
  /** The card terminal's slip or authorisation number, when the tender has one. */
  reference?: string;
  amount: Money;
  change: Money;
}

/** A refund, from `GET .../orders/<id>/refunds` (stored as a negative order on WooCommerce). */
export interface ReportRefund {
  id?: number;
  /** `amount` of the refund, positive. */
  amount: Money;
  /** Negated sum of the refund's `tax_lines` (`tax_total + shipping_tax_total`), so positive. */
  tax: Money;
  /** Refunded line items: `product_id` and negated `quantity`. */
  items: readonly ReportRefundItem[];
  /**
   * Method that paid the money back, such as "pos_cash": refund meta `_pos_refund_method`, else
   * the order's only tender method, else the order's `payment_method`.
   */
  methodId: string;
  methodTitle: string;
  /** `date_created_gmt` of the refund, read as UTC when it has no zone designator. */
  dateCreatedGmt: string;
  /** Register whose drawer paid the refund, from refund meta `_pos_register`, else the order's. */
  registerId?: string;
}

export interface ReportRefundItem {
  productId: number;
  quantity: number;
}

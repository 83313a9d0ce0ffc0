import {
  formatMoney,
  formatPrecise,
  type Address,
  type CartInput,
  type OrderTotals,
} from "@pos/core";
import type { WcAddress } from "../wc/wc-customer.js";
import { wcOrderCreateSchema, type WcOrderCreate } from "../wc/wc-order.js";

/** Meta key that carries the till's order UUID; the server returns the stored order on repeat. */
export const clientUuidMetaKey = "_pos_client_uuid";
export const registerMetaKey = "_pos_register";

export interface OrderPayment {
  /** Payment method id, such as `pos_cash` or `pos_card`. */
  method: string;
  title: string;
  /** Marks the order paid (`set_paid`), which reduces stock and sets `date_paid`. */
  paid: boolean;
  transactionId?: string;
}

export interface OrderCreateInput {
  clientUuid: string;
  cart: CartInput;
  /** Totals computed by core for `cart`; line amounts are sent from here. */
  totals: OrderTotals;
  /** The currency's decimals, for fee and shipping amounts. */
  decimals: number;
  currency?: string;
  status?: string;
  customerId?: number;
  billing?: Address;
  shipping?: Address;
  payment?: OrderPayment;
  register?: string;
  customerNote?: string;
}

export function mapAddressToWc(address: Address): WcAddress {
  return {
    first_name: address.firstName,
    last_name: address.lastName,
    company: address.company,
    address_1: address.address1,
    address_2: address.address2,
    city: address.city,
    state: address.state,
    postcode: address.postcode,
    country: address.country,
    email: address.email,
    phone: address.phone,
  };
}

/**
 * Builds the `POST wc/v3/orders` body for a cart. Each line carries its ex-tax `subtotal` and
 * `total` with 6 decimals from core's totals, because WooCommerce reads them as net amounts and
 * a net rounded to 2 decimals can put a tax-inclusive order 1 minor unit off.
 */
export function buildWcOrderCreate(input: OrderCreateInput): WcOrderCreate {
  const body: WcOrderCreate = {
    status: input.status,
    currency: input.currency,
    customer_id: input.customerId,
    customer_note: input.customerNote,
    billing: input.billing ? mapAddressToWc(input.billing) : undefined,
    shipping: input.shipping ? mapAddressToWc(input.shipping) : undefined,
    payment_method: input.payment?.method,
    payment_method_title: input.payment?.title,
    transaction_id: input.payment?.transactionId,
    set_paid: input.payment?.paid,
    meta_data: orderMeta(input),
    line_items: lineItems(input),
    fee_lines: feeLines(input),
    shipping_lines: shippingLines(input),
    coupon_lines: input.cart.coupons.map((coupon) => ({ code: coupon.code })),
  };
  return wcOrderCreateSchema.parse(dropUndefined(body));
}

function orderMeta(input: OrderCreateInput) {
  const meta: { key: string; value: unknown }[] = [
    { key: clientUuidMetaKey, value: input.clientUuid },
  ];
  if (input.register) meta.push({ key: registerMetaKey, value: input.register });
  return meta;
}

function lineItems(input: OrderCreateInput): WcOrderCreate["line_items"] {
  const totalsByKey = new Map(input.totals.lines.map((line) => [line.key, line]));
  return input.cart.lines.map((line) => {
    const totals = totalsByKey.get(line.key);
    if (!totals) {
      throw new Error(
        `cart line "${line.key}" has no totals; compute the totals of this cart again`,
      );
    }
    return {
      product_id: line.productId,
      ...(line.variationId > 0 ? { variation_id: line.variationId } : {}),
      quantity: line.quantity,
      subtotal: formatPrecise(totals.subtotalPrecise),
      total: formatPrecise(totals.totalPrecise),
    };
  });
}

function feeLines(input: OrderCreateInput): WcOrderCreate["fee_lines"] {
  const totalsByKey = new Map(input.totals.fees.map((fee) => [fee.key, fee]));
  return input.cart.fees.map((fee) => {
    const total = totalsByKey.get(fee.key)?.total ?? fee.amount;
    return {
      name: fee.name,
      total: formatMoney(total, input.decimals),
      tax_status: fee.taxable ? "taxable" : "none",
      tax_class: fee.taxClass,
    };
  });
}

function shippingLines(input: OrderCreateInput): WcOrderCreate["shipping_lines"] {
  return input.cart.shipping.map((line) => ({
    method_id: line.methodId,
    method_title: line.methodTitle,
    total: formatMoney(line.total, input.decimals),
  }));
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

import { randomBytes } from "node:crypto";
import { formatMoney, formatScaled, toMoney } from "@pos/core";
import type { Coupon, Money, OrderTotals, RateTax, TaxRate } from "@pos/core";
import { parseProductDetails } from "../catalog/product-details.js";
import { wooAddressSchema } from "../customers/customer-records.js";
import type { OrderCreateBody } from "./order-input.js";
import type { ResolvedLine } from "./resolve-order-lines.js";
import type { StoredOrder } from "./stored-order.js";

export interface StoredOrderParts {
  body: OrderCreateBody;
  lines: readonly ResolvedLine[];
  totals: OrderTotals;
  taxRates: readonly TaxRate[];
  coupons: readonly Coupon[];
  currency: string;
  decimals: number;
  pricesIncludeTax: boolean;
  status: string;
  nowGmt: string;
  datePaidGmt: string | null;
  /** Units of stock reduced per line index. */
  reducedStock: ReadonlyMap<number, number>;
  /** Discount and discount tax each coupon took, by coupon code. */
  couponDiscounts: ReadonlyMap<string, { discount: Money; discountTax: Money }>;
  /** Hands out ids for lines, as WooCommerce's order item ids. */
  nextItemId: () => Promise<number>;
}

/** Builds the stored order from its computed totals, formatting money in the order's decimals. */
export async function buildStoredOrder(parts: StoredOrderParts): Promise<StoredOrder> {
  const money = (amount: Money) => formatMoney(amount, parts.decimals);
  const { body, totals } = parts;
  return {
    parent_id: 0,
    status: parts.status,
    currency: parts.currency,
    decimals: parts.decimals,
    version: "11.0.1",
    prices_include_tax: parts.pricesIncludeTax,
    discount_total: money(totals.discountTotal),
    discount_tax: money(totals.discountTax),
    shipping_total: money(totals.shippingTotal),
    shipping_tax: money(totals.shippingTax),
    cart_tax: money(totals.cartTax),
    total: money(totals.total),
    total_tax: money(totals.totalTax),
    customer_id: body.customer_id,
    order_key: `wc_order_${randomBytes(9).toString("base64url").slice(0, 13)}`,
    billing: wooAddressSchema.parse(body.billing),
    shipping: wooAddressSchema.parse({ ...body.shipping, email: "" }),
    payment_method: body.payment_method,
    payment_method_title: body.payment_method_title,
    transaction_id: body.transaction_id,
    created_via: "rest-api",
    customer_note: body.customer_note,
    date_created_gmt: parts.nowGmt,
    date_modified_gmt: parts.nowGmt,
    date_paid_gmt: parts.datePaidGmt,
    date_completed_gmt: parts.status === "completed" ? parts.nowGmt : null,
    meta_data: body.meta_data.map((entry, index) => ({ id: index + 1, ...entry })),
    line_items: await buildLineItems(parts, money),
    tax_lines: await buildTaxLines(parts, money),
    shipping_lines: await buildShippingLines(parts, money),
    fee_lines: await buildFeeLines(parts, money),
    coupon_lines: await buildCouponLines(parts, money),
    notes: [],
    stock_reduced: parts.reducedStock.size > 0,
    saved_open: parts.status === "pos-open",
  };
}

type Format = (amount: Money) => string;

function taxesWire(taxes: readonly RateTax[], money: Format) {
  return taxes.map((tax) => ({
    id: tax.rateId,
    total: money(tax.total),
    subtotal: money(tax.subtotal),
  }));
}

async function buildLineItems(parts: StoredOrderParts, money: Format) {
  const items = [];
  for (const line of parts.lines) {
    const totals = parts.totals.lines.find((candidate) => candidate.key === String(line.index));
    if (totals === undefined) throw new Error(`totals are missing line ${line.index}`);
    const details = parseProductDetails(line.item.details);
    const parentDetails = line.parent ? parseProductDetails(line.parent.details) : undefined;
    const image = details.images[0] ?? parentDetails?.images[0];
    const reduced = parts.reducedStock.get(line.index);
    const itemId = await parts.nextItemId();
    const meta = [
      ...details.variation_attributes.map((attribute, index) => ({
        id: index + 1,
        key: attribute.id > 0 ? `pa_${attribute.name.toLowerCase()}` : attribute.name.toLowerCase(),
        value: attribute.option,
        display_key: attribute.name,
        display_value: attribute.option,
      })),
      ...line.input.meta_data.map((entry, index) => ({
        id: details.variation_attributes.length + index + 1,
        key: entry.key,
        value: entry.value,
        display_key: entry.key,
        display_value: entry.value,
      })),
      ...(reduced === undefined
        ? []
        : [
            {
              id: 90 + line.index,
              key: "_reduced_stock",
              value: String(reduced),
              display_key: "_reduced_stock",
              display_value: String(reduced),
            },
          ]),
    ];
    items.push({
      id: itemId,
      name: line.parent
        ? `${line.parent.name} - ${details.variation_attributes.map((a) => a.option).join(", ")}`
        : line.item.name,
      product_id: line.parent?.id ?? line.item.id,
      variation_id: line.parent === undefined ? 0 : line.item.id,
      quantity: line.input.quantity,
      tax_class: line.item.tax_class,
      subtotal: money(totals.subtotal),
      subtotal_tax: money(totals.subtotalTax),
      total: money(totals.total),
      total_tax: money(totals.totalTax),
      taxes: taxesWire(totals.taxes, money),
      meta_data: meta,
      sku: line.item.sku,
      global_unique_id: line.item.global_unique_id,
      price: unitPrice(totals.total, line.input.quantity, parts.decimals),
      image: { id: image?.id ?? "", src: image?.src ?? "" },
      parent_name: line.parent?.name ?? null,
    });
  }
  return items;
}

/** Divides the line total by the quantity exactly, for the net unit `price` (a JSON number). */
function unitPrice(total: Money, quantity: number, decimals: number): number {
  const scaled = (BigInt(total) * 1_000_000n) / BigInt(quantity);
  return Number(formatScaled(scaled, decimals + 6));
}

async function buildTaxLines(parts: StoredOrderParts, money: Format) {
  const lines = [];
  for (const taxLine of parts.totals.taxLines) {
    const rate = parts.taxRates.find((candidate) => candidate.id === taxLine.rateId);
    const codeParts = [
      rate?.country ?? "",
      rate?.state ?? "",
      rate?.name || "TAX",
      String(rate?.priority ?? 1),
    ];
    lines.push({
      id: await parts.nextItemId(),
      rate_code: codeParts
        .filter((part) => part !== "")
        .join("-")
        .toUpperCase(),
      rate_id: taxLine.rateId,
      label: taxLine.label,
      compound: taxLine.compound,
      tax_total: money(taxLine.taxTotal),
      shipping_tax_total: money(taxLine.shippingTaxTotal),
      rate_percent: taxLine.ratePercent,
      meta_data: [],
    });
  }
  return lines;
}

async function buildShippingLines(parts: StoredOrderParts, money: Format) {
  const lines = [];
  for (const [index, input] of parts.body.shipping_lines.entries()) {
    const totals = parts.totals.shipping.find((candidate) => candidate.key === String(index));
    lines.push({
      id: await parts.nextItemId(),
      method_title: input.method_title,
      method_id: input.method_id,
      instance_id: "",
      total: money(totals?.total ?? toMoney(0)),
      total_tax: money(totals?.totalTax ?? toMoney(0)),
      taxes: (totals?.taxes ?? []).map((tax) => ({
        id: tax.rateId,
        total: money(tax.total),
        subtotal: "",
      })),
      tax_status: "taxable",
      meta_data: input.meta_data.map((entry, metaIndex) => ({ id: metaIndex + 1, ...entry })),
    });
  }
  return lines;
}

async function buildFeeLines(parts: StoredOrderParts, money: Format) {
  const lines = [];
  for (const [index, input] of parts.body.fee_lines.entries()) {
    const totals = parts.totals.fees.find((candidate) => candidate.key === String(index));
    lines.push({
      id: await parts.nextItemId(),
      name: input.name,
      tax_class: input.tax_class,
      tax_status: input.tax_status,
      amount: "",
      total: money(totals?.total ?? toMoney(0)),
      total_tax: money(totals?.totalTax ?? toMoney(0)),
      taxes: (totals?.taxes ?? []).map((tax) => ({
        id: tax.rateId,
        total: money(tax.total),
        subtotal: "",
      })),
      meta_data: input.meta_data.map((entry, metaIndex) => ({ id: metaIndex + 1, ...entry })),
    });
  }
  return lines;
}

/** Coupon lines; each coupon's discount is the sum of what it took off the lines. */
async function buildCouponLines(parts: StoredOrderParts, money: Format) {
  const lines = [];
  for (const coupon of parts.coupons) {
    const applied = parts.couponDiscounts.get(coupon.code);
    lines.push({
      id: await parts.nextItemId(),
      code: coupon.code,
      discount: money(applied?.discount ?? toMoney(0)),
      discount_tax: money(applied?.discountTax ?? toMoney(0)),
      meta_data: [],
      discount_type: coupon.discountType,
      nominal_amount: Number(coupon.amount),
      free_shipping: coupon.freeShipping,
    });
  }
  return lines;
}

import { parsePrecise, preciseToMoney, toMoney } from "@pos/core";
import type {
  Coupon,
  FeeInput,
  RestOrderInput,
  ShippingInput,
  TaxStatus,
  TotalsSettings,
} from "@pos/core";
import type { StoreSettings } from "../store/store-settings.js";
import { invalidParamError } from "../http/woo-error.js";
import type { OrderCreateBody } from "./order-input.js";
import type { ResolvedLine } from "./resolve-order-lines.js";

export function totalsSettingsOf(settings: StoreSettings): TotalsSettings {
  return {
    decimals: settings.decimals,
    pricesIncludeTax: settings.pricesIncludeTax,
    roundTaxAtSubtotal: settings.taxRoundAtSubtotal,
    calcTaxes: settings.calcTaxes,
    couponsSequential: settings.couponsSequential,
  };
}

/** Builds core's totals input from the resolved lines, fees, shipping and coupons. */
export function restOrderInput(
  body: OrderCreateBody,
  lines: readonly ResolvedLine[],
  coupons: readonly Coupon[],
  decimals: number,
): RestOrderInput {
  return {
    lines: lines.map((line) => ({
      key: String(line.index),
      productId: line.parent?.id ?? line.item.id,
      variationId: line.parent === undefined ? 0 : line.item.id,
      quantity: line.input.quantity,
      ...optionalAmount("subtotal", line.input.subtotal, line.index),
      ...optionalAmount("total", line.input.total, line.index),
      price: toMinorUnits(line.item.price === "" ? "0" : line.item.price, decimals),
      taxStatus: line.item.tax_status as TaxStatus,
      taxClass: line.item.tax_class,
      categoryIds: line.categoryIds,
      onSale: line.item.sale_price !== "" && line.item.price === line.item.sale_price,
    })),
    fees: body.fee_lines.map((fee, index): FeeInput => ({
      key: String(index),
      name: fee.name,
      amount: amountOf(fee.total, `fee_lines[${index}][total]`, decimals),
      taxable: fee.tax_status === "taxable",
      taxClass: fee.tax_class,
    })),
    shipping: body.shipping_lines.map((line, index): ShippingInput => ({
      key: String(index),
      methodId: line.method_id,
      methodTitle: line.method_title,
      total: amountOf(line.total, `shipping_lines[${index}][total]`, decimals),
      taxable: true,
    })),
    coupons,
  };
}

function optionalAmount(field: "subtotal" | "total", text: string | undefined, index: number) {
  if (text === undefined) return {};
  try {
    return { [field]: parsePrecise(text) };
  } catch {
    throw invalidParamError(
      "line_items",
      `line_items[${index}][${field}] must be a decimal amount such as "20.000000", got "${text}".`,
    );
  }
}

function amountOf(text: string, param: string, decimals: number) {
  try {
    return preciseToMoney(parsePrecise(text), decimals);
  } catch {
    throw invalidParamError(
      param.split("[")[0] ?? param,
      `${param} must be a decimal amount such as "2.50", got "${text}".`,
    );
  }
}

/** Converts a stored price to minor units, rounding prices with more decimals than the currency. */
function toMinorUnits(price: string, decimals: number) {
  return price === "" ? toMoney(0) : preciseToMoney(parsePrecise(price), decimals);
}

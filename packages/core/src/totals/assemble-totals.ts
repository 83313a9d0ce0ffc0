import type { TaxRate } from "../catalog.js";
import { toMoney } from "../money.js";
import type { Money } from "../money.js";
import { toPrecise } from "../precise.js";
import type { Precise } from "../precise.js";
import { ratePercentNumber, parseRatePercent } from "../tax-rate-percent.js";
import { allocateRounded } from "./allocate-rounded.js";
import type { ComputedFee, ComputedLine, ComputedShipping } from "./computed-parts.js";
import * as F from "./fraction.js";
import type { Fraction } from "./fraction.js";
import type {
  FeeTotals,
  LineTotals,
  OrderTotals,
  RateTax,
  ShippingTotals,
  TaxLineTotals,
} from "./order-totals.js";
import { mergeRateAmounts, totalOf } from "./tax-calculation.js";
import type { RateAmount } from "./tax-calculation.js";
import type { TotalsContext } from "./totals-context.js";

export interface ComputedParts {
  lines: readonly ComputedLine[];
  fees: readonly ComputedFee[];
  shipping: readonly ComputedShipping[];
}

/**
 * Rounds the computed parts into an order's totals as WooCommerce's `calculate_totals` does
 * (abstract-wc-order.php). Per line, each line total and each tax is rounded before summing. At
 * subtotal, only the sums are. The grand total and the total tax are rounded once, and the tax
 * lines are then allocated so they add up to them.
 */
export function assembleTotals(context: TotalsContext, parts: ComputedParts): OrderTotals {
  const rounding = new Rounding(context);
  const sums = sumParts(rounding, parts);
  const subtotalTaxes = rounding.sumTaxes(parts.lines.map((line) => line.subtotalTaxes));
  const exactSubtotalTaxes = F.sum(parts.lines.map((line) => totalOf(line.subtotalTaxes)));
  const exactLineTaxes = F.sum(parts.lines.map((line) => totalOf(line.taxes)));

  return {
    lines: parts.lines.map((line) => rounding.lineTotals(line)),
    fees: parts.fees.map((fee) => rounding.feeTotals(fee)),
    shipping: parts.shipping.map((line) => rounding.shippingTotals(line)),
    taxLines: taxLines(context.taxRates, sums),
    itemsSubtotal: money(F.roundToInteger(sums.itemsSubtotal, "half-up")),
    itemsSubtotalTax: money(rounding.roundTax(subtotalTaxes)),
    itemsTotal: money(sums.roundedItems),
    feeTotal: money(sums.roundedFees),
    discountTotal: money(
      F.roundToInteger(F.subtract(sums.itemsSubtotal, sums.itemsTotal), "half-up"),
    ),
    discountTax: money(rounding.roundTax(F.subtract(exactSubtotalTaxes, exactLineTaxes))),
    shippingTotal: money(sums.roundedShipping),
    shippingTax: money(sums.roundedShippingTax),
    cartTax: money(sums.roundedCartTax),
    totalTax: money(sums.totalTax),
    total: money(sums.total),
  };
}

interface Sums {
  cartTaxes: RateAmount[];
  shippingTaxes: RateAmount[];
  itemsSubtotal: Fraction;
  itemsTotal: Fraction;
  roundedItems: bigint;
  roundedFees: bigint;
  roundedShipping: bigint;
  roundedCartTax: bigint;
  roundedShippingTax: bigint;
  totalTax: bigint;
  total: bigint;
}

/**
 * Sums the parts and rounds the sums. The parts of the total are derived from the rounded total
 * and total tax, so they add up to them even when tax is rounded at subtotal.
 */
function sumParts(rounding: Rounding, parts: ComputedParts): Sums {
  const cartTaxes = rounding.mergeTaxes([
    ...parts.lines.map((line) => line.taxes),
    ...parts.fees.map((fee) => fee.taxes),
  ]);
  const shippingTaxes = rounding.mergeTaxes(parts.shipping.map((line) => line.taxes));
  const itemsTotal = rounding.sumLines(parts.lines.map((line) => line.total));
  const feeTotal = F.sum(parts.fees.map((fee) => fee.total));
  const shippingTotal = F.sum(parts.shipping.map((line) => line.total));
  const cartTax = totalOf(cartTaxes);
  const shippingTax = totalOf(shippingTaxes);

  const exactTotal = F.sum([itemsTotal, feeTotal, shippingTotal, cartTax, shippingTax]);
  const roundedTotal = F.roundToInteger(exactTotal, "half-up");
  const total = roundedTotal < 0n ? 0n : roundedTotal;
  const totalTax = F.roundToInteger(F.add(cartTax, shippingTax), "half-up");
  const roundedShippingTax = F.roundToInteger(shippingTax, "half-up");
  const roundedFees = F.roundToInteger(feeTotal, "half-up");
  const roundedShipping = F.roundToInteger(shippingTotal, "half-up");
  const roundedItems =
    roundedTotal < 0n
      ? F.roundToInteger(itemsTotal, "half-up")
      : total - roundedFees - roundedShipping - totalTax;

  return {
    cartTaxes,
    shippingTaxes,
    itemsSubtotal: rounding.sumLines(parts.lines.map((line) => line.subtotal)),
    itemsTotal,
    roundedItems,
    roundedFees,
    roundedShipping,
    roundedCartTax: totalTax - roundedShippingTax,
    roundedShippingTax,
    totalTax,
    total,
  };
}

class Rounding {
  private readonly perLine: boolean;

  constructor(private readonly context: TotalsContext) {
    this.perLine = !context.settings.roundTaxAtSubtotal;
  }

  roundTax(value: Fraction): bigint {
    return F.roundToInteger(value, this.context.taxRoundingMode);
  }

  /** Prepares a line or tax value for a sum: rounded per line, or kept exact at subtotal. */
  lineValue(value: Fraction, kind: "tax" | "money"): Fraction {
    if (!this.perLine) return value;
    const mode = kind === "tax" ? this.context.taxRoundingMode : "half-up";
    return F.fromInteger(F.roundToInteger(value, mode));
  }

  sumLines(values: readonly Fraction[]): Fraction {
    return F.sum(values.map((value) => this.lineValue(value, "money")));
  }

  sumTaxes(lists: readonly (readonly RateAmount[])[]): Fraction {
    return totalOf(this.mergeTaxes(lists));
  }

  mergeTaxes(lists: readonly (readonly RateAmount[])[]): RateAmount[] {
    const rounded = lists.map((list) =>
      list.map(({ rateId, amount }) => ({ rateId, amount: this.lineValue(amount, "tax") })),
    );
    return mergeRateAmounts(rounded);
  }

  lineTotals(line: ComputedLine): LineTotals {
    const taxes = this.rateTaxes(line.subtotalTaxes, line.taxes);
    return {
      key: line.key,
      subtotal: money(F.roundToInteger(line.subtotal, "half-up")),
      subtotalTax: money(taxes.reduce((total, tax) => total + BigInt(tax.subtotal), 0n)),
      total: money(F.roundToInteger(line.total, "half-up")),
      totalTax: money(taxes.reduce((total, tax) => total + BigInt(tax.total), 0n)),
      taxes,
      subtotalPrecise: this.precise(line.subtotal),
      totalPrecise: this.precise(line.total),
      discount: money(F.roundToInteger(line.discount, "half-up")),
    };
  }

  feeTotals(fee: ComputedFee): FeeTotals {
    const taxes = this.rateTaxes(fee.taxes, fee.taxes);
    return {
      key: fee.key,
      name: fee.name,
      total: money(F.roundToInteger(fee.total, "half-up")),
      totalTax: money(taxes.reduce((total, tax) => total + BigInt(tax.total), 0n)),
      taxes,
    };
  }

  shippingTotals(line: ComputedShipping): ShippingTotals {
    const taxes = this.rateTaxes(line.taxes, line.taxes);
    return {
      key: line.key,
      total: money(F.roundToInteger(line.total, "half-up")),
      totalTax: money(taxes.reduce((total, tax) => total + BigInt(tax.total), 0n)),
      taxes,
    };
  }

  /** Millionths of the major unit, rounded half up as WooCommerce's `wc_format_decimal` does. */
  precise(value: Fraction): Precise {
    const scale = 10n ** BigInt(6 - this.context.settings.decimals);
    return toPrecise(Number(F.roundToInteger(F.multiply(value, F.fromInteger(scale)), "half-up")));
  }

  private rateTaxes(subtotals: readonly RateAmount[], totals: readonly RateAmount[]): RateTax[] {
    const ids = [...new Set([...subtotals, ...totals].map((entry) => entry.rateId))];
    const find = (list: readonly RateAmount[], id: number): bigint => {
      const entry = list.find((item) => item.rateId === id);
      return entry === undefined ? 0n : this.roundTax(entry.amount);
    };
    return ids.map((rateId) => ({
      rateId,
      subtotal: money(find(subtotals, rateId)),
      total: money(find(totals, rateId)),
    }));
  }
}

function taxLines(rates: readonly TaxRate[], sums: Sums): TaxLineTotals[] {
  const ids = [...new Set([...sums.cartTaxes, ...sums.shippingTaxes].map((entry) => entry.rateId))];
  const valuesOf = (list: readonly RateAmount[]): Fraction[] =>
    ids.map((id) => list.find((entry) => entry.rateId === id)?.amount ?? F.zero);
  const cartParts = allocateRounded(valuesOf(sums.cartTaxes), sums.roundedCartTax);
  const shippingParts = allocateRounded(valuesOf(sums.shippingTaxes), sums.roundedShippingTax);

  return ids.map((rateId, index) => {
    const rate = rates.find((entry) => entry.id === rateId);
    return {
      rateId,
      label: rate?.name ?? "",
      compound: rate?.compound ?? false,
      ratePercent: rate === undefined ? 0 : ratePercentNumber(parseRatePercent(rate.rate)),
      taxTotal: money(cartParts[index] ?? 0n),
      shippingTaxTotal: money(shippingParts[index] ?? 0n),
    };
  });
}

function money(value: bigint): Money {
  return toMoney(Number(value));
}

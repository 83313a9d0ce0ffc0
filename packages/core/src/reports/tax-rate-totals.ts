import { toMoney } from "../money.js";
import type { ReportOrder } from "./report-order.js";
import type { TaxRateTotal } from "./sales-report.js";

/** Sums the tax lines of orders by tax rate id, sorted by rate id. */
export function totalTaxByRate(orders: readonly ReportOrder[]): TaxRateTotal[] {
  const totals = new Map<number, TaxRateTotal>();
  for (const order of orders) {
    for (const line of order.taxLines) {
      const entry = totals.get(line.rateId) ?? {
        rateId: line.rateId,
        label: line.label,
        ratePercent: line.ratePercent,
        orders: 0,
        taxTotal: toMoney(0),
        shippingTaxTotal: toMoney(0),
        total: toMoney(0),
      };
      totals.set(line.rateId, {
        ...entry,
        orders: entry.orders + 1,
        taxTotal: toMoney(entry.taxTotal + line.taxTotal),
        shippingTaxTotal: toMoney(entry.shippingTaxTotal + line.shippingTaxTotal),
        total: toMoney(entry.total + line.taxTotal + line.shippingTaxTotal),
      });
    }
  }
  return [...totals.values()].sort((a, b) => a.rateId - b.rateId);
}

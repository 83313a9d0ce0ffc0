import type { ReportOrder } from "./report-order.js";

interface AmountChecker {
  whole(field: string, value: number): void;
  notNegative(field: string, value: number): void;
  fail(field: string, value: number, expected: string): never;
}

/**
 * Rejects an order whose amounts are not whole minor units, or whose tenders and refunds are
 * below zero, naming the order and the field. Reports add these amounts, so one bad value would
 * otherwise turn up as a sum that fails without saying where it came from.
 */
export function checkReportOrder(order: ReportOrder): void {
  const check = amountChecker(order.number);
  check.whole("total", order.total);
  check.whole("total tax", order.totalTax);
  check.whole("discount total", order.discountTotal);
  check.whole("discount tax", order.discountTax);
  check.whole("shipping total", order.shippingTotal);

  for (const line of order.lineItems) {
    check.whole("line item total", line.total);
    check.whole("line item tax", line.totalTax);
    check.whole("line discount", line.lineDiscount);
    check.whole("line discount tax", line.lineDiscountTax);
    if (!Number.isFinite(line.quantity))
      check.fail("line item quantity", line.quantity, "a number");
  }
  for (const fee of order.feeLines) {
    check.whole("fee line total", fee.total);
    check.whole("fee line tax", fee.totalTax);
  }
  for (const taxLine of order.taxLines) {
    check.whole("tax line total", taxLine.taxTotal);
    check.whole("tax line shipping tax", taxLine.shippingTaxTotal);
  }

  checkPayments(order, check);
}

function checkPayments(order: ReportOrder, check: AmountChecker): void {
  // The till puts all change on the last cash tender, which may be smaller than the change when
  // the customer paid cash twice, so change is bounded by the order's tenders together.
  let tenderedMinor = 0;
  let changeMinor = 0;
  for (const tender of order.tenders) {
    check.notNegative(`${tender.methodId} tender amount`, tender.amount);
    check.notNegative(`${tender.methodId} tender change`, tender.change);
    tenderedMinor += tender.amount;
    changeMinor += tender.change;
  }
  if (changeMinor > tenderedMinor) {
    check.fail("tender change", changeMinor, `at most the amount tendered ${tenderedMinor}`);
  }
  for (const refund of order.refunds) {
    check.notNegative("refund amount", refund.amount);
    check.notNegative("refund tax", refund.tax);
  }
}

function amountChecker(orderNumber: string): AmountChecker {
  const fail = (field: string, value: number, expected: string): never => {
    throw new RangeError(
      `invalid ${field} ${value} on order ${orderNumber}: expected ${expected}. ` +
        `Fix the stored order before reporting`,
    );
  };
  const whole = (field: string, value: number): void => {
    if (!Number.isSafeInteger(value)) fail(field, value, "a whole number of minor units");
  };
  const notNegative = (field: string, value: number): void => {
    whole(field, value);
    if (value < 0) fail(field, value, "0 or more");
  };
  return { whole, notNegative, fail };
}

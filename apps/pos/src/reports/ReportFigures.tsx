import type { Money, SalesReport } from "@pos/core";

interface ReportFiguresProps {
  report: SalesReport;
  formatMoney: (amount: Money) => string;
}

/**
 * Shows the figures of a sales report as tables a cashier can read and print. Each table's
 * caption is its accessible name.
 */
export function ReportFigures({ report, formatMoney: money }: ReportFiguresProps) {
  const { discounts, refundTotals } = report;
  const rows: [string, string][] = [
    ["Orders", String(report.orders)],
    ["Gross sales", money(report.grossSales)],
    ["Net sales", money(report.netSales)],
    ["Tax", money(report.tax)],
    ["Discounts", money(discountSum(report))],
    ["Refunds", money(refundTotals.amount)],
    ["Items sold", String(report.itemsSold)],
    ["Average order value", money(report.averageOrderValue)],
  ];
  return (
    <div className="report-figures">
      <table>
        <caption>Summary</caption>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Tax by rate</caption>
        <thead>
          <tr>
            <th>Rate</th>
            <th>Orders</th>
            <th>Tax</th>
          </tr>
        </thead>
        <tbody>
          {report.taxByRate.map((rate) => (
            <tr key={rate.rateId}>
              <th scope="row">{`${rate.label} ${rate.ratePercent}%`}</th>
              <td>{rate.orders}</td>
              <td>{money(rate.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Discounts</caption>
        <tbody>
          <tr>
            <th scope="row">Coupons</th>
            <td>{money(discounts.coupons.amount)}</td>
          </tr>
          <tr>
            <th scope="row">Line discounts</th>
            <td>{money(discounts.lineDiscounts.amount)}</td>
          </tr>
          <tr>
            <th scope="row">Cart discounts</th>
            <td>{money(discounts.cartDiscounts.amount)}</td>
          </tr>
        </tbody>
      </table>
      <table>
        <caption>Payments</caption>
        <thead>
          <tr>
            <th>Method</th>
            <th>Tenders</th>
            <th>Tendered</th>
            <th>Change</th>
            <th>Received</th>
          </tr>
        </thead>
        <tbody>
          {report.payments.map((method) => (
            <tr key={method.methodId}>
              <th scope="row">{method.methodTitle}</th>
              <td>{method.tenders}</td>
              <td>{money(method.tendered)}</td>
              <td>{money(method.change)}</td>
              <td>{money(method.received)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Refunds by method</caption>
        <thead>
          <tr>
            <th>Method</th>
            <th>Refunds</th>
            <th>Amount</th>
          </tr>
        </thead>
        <tbody>
          {refundTotals.byMethod.map((method) => (
            <tr key={method.methodId}>
              <th scope="row">{method.methodTitle}</th>
              <td>{method.refunds}</td>
              <td>{money(method.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Days</caption>
        <thead>
          <tr>
            <th>Day</th>
            <th>Orders</th>
            <th>Gross</th>
            <th>Refunds</th>
          </tr>
        </thead>
        <tbody>
          {report.days.map((day) => (
            <tr key={day.date}>
              <th scope="row">{day.date}</th>
              <td>{day.orders}</td>
              <td>{money(day.grossSales)}</td>
              <td>{money(day.refunds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function discountSum(report: SalesReport): Money {
  const { coupons, lineDiscounts, cartDiscounts } = report.discounts;
  return (coupons.amount + lineDiscounts.amount + cartDiscounts.amount) as Money;
}

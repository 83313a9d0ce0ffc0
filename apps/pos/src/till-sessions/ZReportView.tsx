import type { Money, ZReport } from "@pos/core";
import { formatStoreDateTime } from "../time/store-time.js";

interface ZReportViewProps {
  report: ZReport;
  formatMoney: (amount: Money) => string;
  /** The store's time zone, which the opening and closing times are shown in. */
  timeZone: string;
}

const outcomeLabel = { over: "over", short: "short", exact: "exact" } as const;

/** Shows the printable end-of-shift report of a closed till session. */
export function ZReportView({ report, formatMoney: money, timeZone }: ZReportViewProps) {
  const rows: [string, string][] = [
    ["Register", report.registerId],
    ["Opened", formatStoreDateTime(report.openedAtGmt, timeZone)],
    ["Closed", formatStoreDateTime(report.closedAtGmt, timeZone)],
    ["Sales", String(report.sales)],
    ["Gross sales", money(report.grossSales)],
    ["Tax", money(report.tax)],
    ["Refunds", `${report.refunds.count} · ${money(report.refunds.amount)}`],
    ["Opening float", money(report.cash.openingFloat)],
    ["Cash in", money(report.cash.cashIn)],
    ["Cash out", money(report.cash.cashOut)],
    ["Cash sales", money(report.cash.cashTendered)],
    ["Change given", money(report.cash.changeGiven)],
    ["Cash refunds", money(report.cash.cashRefunds)],
    ["Expected cash", money(report.cash.expected)],
    ["Counted cash", money(report.countedCash)],
    ["Difference", `${money(report.difference)} (${outcomeLabel[report.outcome]})`],
  ];
  return (
    <section className="z-report printable" aria-label="Z report">
      <h2>Z report</h2>
      <table>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table aria-label="Payments in the session">
        <tbody>
          {report.payments.map((method) => (
            <tr key={method.methodId}>
              <th scope="row">{method.methodTitle}</th>
              <td>{money(method.received)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table aria-label="Cash movements">
        <tbody>
          {report.movements.map((movement, index) => (
            <tr key={index}>
              <th scope="row">{movement.kind === "in" ? "Cash in" : "Cash out"}</th>
              <td>{money(movement.amount)}</td>
              <td>{movement.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="no-print" onClick={() => window.print()}>
        Print Z report
      </button>
    </section>
  );
}

import { useState, type FormEvent } from "react";
import {
  computeSalesReport,
  defaultReportStatuses,
  salesReportToCsv,
  storeDateOf,
  type Money,
  type SalesReport,
} from "@pos/core";
import { displayMoney } from "../money/display-money.js";
import { useRegisterId } from "../orders/use-register-id.js";
import { useTill } from "../till/till-context.js";
import { useConnectivity } from "../till/use-connectivity.js";
import { tillSessionServicesOf } from "../till-sessions/till-session-services.js";
import { loadDeviceReportOrders } from "./device-report-orders.js";
import { downloadCsv } from "./download-csv.js";
import { HourlyChart } from "./HourlyChart.js";
import { ReportFigures } from "./ReportFigures.js";
import { reportOptions } from "./report-options.js";
import { readServerReport } from "./server-report.js";

type Source = "device" | "store";

/**
 * Sales reports: from the orders on this till (offline), or the whole store's from the server.
 * Days are cut in the store's time zone, so both agree on the same orders.
 */
export function ReportsScreen() {
  const till = useTill();
  const connectivity = useConnectivity();
  const registerId = useRegisterId();
  const store = till.session.store;
  const today = storeDateOf(new Date(), store.timezone);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [status, setStatus] = useState("");
  const [cashier, setCashier] = useState("");
  const [register, setRegister] = useState("");
  const [method, setMethod] = useState("");
  const [source, setSource] = useState<Source>("device");
  const [report, setReport] = useState<SalesReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const money = (amount: Money) => displayMoney(amount, store);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const options = reportOptions({ from, to, status, cashier, register, method }, store);
      if (source === "store") {
        setReport(await readServerReport(till.client, options));
        return;
      }
      const sessionDb = tillSessionServicesOf(till).db;
      const orders = await loadDeviceReportOrders(till, sessionDb, registerId ?? "");
      setReport(computeSalesReport(orders, options));
    } catch (runError) {
      setReport(null);
      setError(`the report could not be built: ${(runError as Error).message}`);
    }
  };

  return (
    <main className="reports-screen" aria-label="Reports">
      <form className="report-options no-print" onSubmit={(event) => void run(event)}>
        <label>
          From
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          To
          <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <label>
          Status
          <select value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">Paid and refunded</option>
            {defaultReportStatuses.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Cashier id
          <input value={cashier} onChange={(event) => setCashier(event.target.value)} />
        </label>
        <label>
          Register
          <input value={register} onChange={(event) => setRegister(event.target.value)} />
        </label>
        <label>
          Payment method
          <select value={method} onChange={(event) => setMethod(event.target.value)}>
            <option value="">Any</option>
            <option value="pos_cash">Cash</option>
            <option value="pos_card">Card</option>
          </select>
        </label>
        <label>
          Orders from
          <select value={source} onChange={(event) => setSource(event.target.value as Source)}>
            <option value="device">This till (works offline)</option>
            <option value="store" disabled={connectivity === "offline"}>
              Whole store (online)
            </option>
          </select>
        </label>
        <button type="submit">Show report</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {report && (
        <section className="report printable" aria-label="Sales report">
          <h2>
            Sales {report.from === report.to ? report.from : `${report.from} to ${report.to}`} (
            {report.timeZone})
          </h2>
          <ReportFigures report={report} formatMoney={money} />
          <HourlyChart hours={report.hours} formatMoney={money} />
          <div className="no-print">
            <button type="button" onClick={() => window.print()}>
              Print end-of-day summary
            </button>
            <button
              type="button"
              onClick={() =>
                downloadCsv(salesReportToCsv(report), `sales-${report.from}-${report.to}.csv`)
              }
            >
              Download CSV
            </button>
          </div>
        </section>
      )}
    </main>
  );
}

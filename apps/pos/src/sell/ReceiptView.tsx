import { useEffect, useId, useRef } from "react";
import { toMoney, type OrderTotals } from "@pos/core";
import { itemTitle } from "../cart/line-from-catalog.js";
import type { StoredOrder } from "../db/stored-order.js";
import { displayMoney } from "../money/display-money.js";
import { useTill } from "../till/till-context.js";

interface ReceiptViewProps {
  order: StoredOrder;
  totals: OrderTotals;
  onNewSale: () => void;
}

/** Renders the completed sale as the store recorded it, with the cash taken and the change. */
export function ReceiptView({ order, totals, onNewSale }: ReceiptViewProps) {
  const ids = useId();
  const { session } = useTill();
  const store = session.store;
  const money = (amount: number) => displayMoney(toMoney(amount), store);
  const newSale = useRef<HTMLButtonElement>(null);
  useEffect(() => newSale.current?.focus(), []);

  const receipt = order.receipt;
  const mismatch = receipt !== null && receipt.totalMinor !== totals.total;

  return (
    <section className="receipt" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Receipt</h2>
      <p>
        Order <strong>#{receipt?.number ?? "?"}</strong> at {store.name}
      </p>
      <ul className="receipt-lines">
        {order.lines.map((line) => {
          const lineTotals = totals.lines.find((entry) => entry.key === line.lineId);
          return (
            <li key={line.lineId}>
              {line.quantity} × {itemTitle(line.name, line.attributes)}
              <span>{lineTotals ? money(lineTotals.total) : ""}</span>
            </li>
          );
        })}
      </ul>
      <dl className="totals">
        <dt>Tax</dt>
        <dd>{money(totals.totalTax)}</dd>
        <dt>Total</dt>
        <dd>{money(receipt?.totalMinor ?? totals.total)}</dd>
        <dt>Cash tendered</dt>
        <dd>{money(order.payment?.tenderedMinor ?? 0)}</dd>
        <dt>Change</dt>
        <dd>{money(order.payment?.changeMinor ?? 0)}</dd>
      </dl>
      {mismatch && (
        <p role="alert" className="error">
          The store recorded a total of {money(receipt.totalMinor)}, not {money(totals.total)}.
          Check the order in the store before handing over the receipt.
        </p>
      )}
      <button ref={newSale} type="button" className="primary" onClick={onNewSale}>
        New sale
      </button>
    </section>
  );
}

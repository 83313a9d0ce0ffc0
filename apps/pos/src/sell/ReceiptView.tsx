import { useEffect, useId, useRef, useState } from "react";
import { toMoney, type OrderTotals } from "@pos/core";
import type { StoredOrder } from "../db/stored-order.js";
import { displayMoney } from "../money/display-money.js";
import { EmailReceiptForm } from "../receipts/EmailReceiptForm.js";
import { ReceiptPaper, type PaperSize } from "../receipts/ReceiptPaper.js";
import { useLiveOrder } from "../receipts/use-live-order.js";
import { useTill } from "../till/till-context.js";

interface ReceiptViewProps {
  order: StoredOrder;
  totals: OrderTotals;
  onNewSale: () => void;
}

/**
 * Renders the completed sale with its receipt, the email form, the print buttons and the next
 * sale button.
 */
export function ReceiptView({ order: initial, totals, onNewSale }: ReceiptViewProps) {
  const ids = useId();
  const { session } = useTill();
  const store = session.store;
  const { order, rejection } = useLiveOrder(initial);
  const [paper, setPaper] = useState<PaperSize>("80mm");
  const newSale = useRef<HTMLButtonElement>(null);
  useEffect(() => newSale.current?.focus(), []);

  const receipt = order.receipt;
  const money = (amount: number) => displayMoney(toMoney(amount), store);
  const mismatch = receipt !== null && receipt.totalMinor !== totals.total;

  return (
    <section className="receipt" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Receipt</h2>
      <p role="status" aria-label="Sale status">
        {receipt?.number
          ? `Order #${receipt.number}, receipt ${receipt.localNumber}`
          : `Receipt ${receipt?.localNumber ?? "?"}: pending, not yet sent to the store`}
      </p>
      <ReceiptPaper
        order={order}
        totals={totals}
        store={store}
        cashier={session.user.display_name}
        paper={paper}
      />
      {rejection && (
        <p role="alert" className="error">
          The store rejected this sale: {rejection}. It waits in the outbox: fix the cause and
          resend it, or ask a manager to discard it.
        </p>
      )}
      {mismatch && (
        <p role="alert" className="error">
          The order total was {money(receipt.totalMinor)}, not {money(totals.total)}. Check the
          order in the store before handing over the receipt.
        </p>
      )}
      <EmailReceiptForm order={order} />
      <div className="receipt-actions">
        <label>
          Paper{" "}
          <select value={paper} onChange={(event) => setPaper(event.target.value as PaperSize)}>
            <option value="80mm">80 mm roll</option>
            <option value="a4">A4</option>
          </select>
        </label>
        <button type="button" onClick={() => window.print()}>
          Print receipt
        </button>
        <button ref={newSale} type="button" className="primary" onClick={onNewSale}>
          New sale
        </button>
      </div>
    </section>
  );
}

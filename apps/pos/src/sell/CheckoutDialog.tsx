import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { toMoney } from "@pos/core";
import type { CartTotals } from "../cart/cart-totals.js";
import { buildOrderRequest } from "../checkout/order-request.js";
import { cashPayment, CheckoutOfflineError, submitOrder } from "../checkout/submit-order.js";
import { appendLog } from "../db/sales-db.js";
import type { StoredOrder } from "../db/stored-order.js";
import { displayMoney, parseTypedMoney } from "../money/display-money.js";
import { useTill } from "../till/till-context.js";

interface CheckoutDialogProps {
  order: StoredOrder;
  cart: CartTotals;
  onCompleted: (order: StoredOrder) => void;
  onClose: () => void;
}

/** Takes cash for the order, creates it on the store and marks it completed on the till. */
export function CheckoutDialog({ order, cart, onCompleted, onClose }: CheckoutDialogProps) {
  const ids = useId();
  const { session, client, orders, salesDb } = useTill();
  const store = session.store;
  const dialog = useRef<HTMLDialogElement>(null);
  const total = cart.totals.total;
  const [tenderedText, setTenderedText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => dialog.current?.showModal(), []);

  const tendered = parseTendered(tenderedText);
  const change = tendered !== null && tendered >= total ? tendered - total : null;

  function parseTendered(text: string) {
    if (!text.trim()) return null;
    try {
      return parseTypedMoney(text, store);
    } catch {
      return null;
    }
  }

  const complete = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const amount = tenderedText.trim() ? tendered : total;
    if (amount === null) {
      setError(`"${tenderedText}" is not an amount: enter the cash taken, such as 20.00.`);
      return;
    }
    setBusy(true);
    try {
      const payment = cashPayment(total, amount);
      const body = buildOrderRequest(order, cart.input, cart.totals, store.decimals);
      const receipt = await submitOrder(client, body, store.decimals, Date.now());
      onCompleted(await orders.complete(order.clientUuid, payment, receipt));
    } catch (failure) {
      const message = checkoutErrorMessage(failure);
      setError(message);
      void appendLog(salesDb, {
        atMs: Date.now(),
        level: "warn",
        message: `checkout of order ${order.clientUuid} failed: ${message}`,
      });
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${ids}-title`} onClose={onClose}>
      <form onSubmit={(event) => void complete(event)}>
        <h2 id={`${ids}-title`}>Checkout</h2>
        <p className="checkout-total">
          Total to pay: <strong>{displayMoney(total, store)}</strong>
        </p>
        <label htmlFor={`${ids}-tendered`}>Amount tendered</label>
        <input
          id={`${ids}-tendered`}
          inputMode="decimal"
          value={tenderedText}
          placeholder={displayMoney(total, {
            ...store,
            currency_symbol: "",
            thousand_separator: "",
          })}
          onChange={(event) => setTenderedText(event.target.value)}
          aria-invalid={tenderedText.trim() !== "" && tendered === null}
          autoFocus
        />
        <p>
          Change due:{" "}
          <output aria-label="Change due">{displayMoney(toMoney(change ?? 0), store)}</output>
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Completing…" : "Complete sale"}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function checkoutErrorMessage(failure: unknown): string {
  if (failure instanceof CheckoutOfflineError) return failure.message;
  if (failure instanceof Error) return `The sale was not completed: ${failure.message}`;
  return `The sale was not completed: ${String(failure)}`;
}

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { toMoney } from "@pos/core";
import type { CartTotals } from "../cart/cart-totals.js";
import { checkOut } from "../checkout/check-out.js";
import { quickCashAmounts } from "../checkout/quick-amounts.js";
import { CheckoutOfflineError } from "../checkout/submit-order.js";
import {
  offlineSaleAllowed,
  remainingMinor,
  tenderMethods,
  type TenderInput,
  type TenderKind,
} from "../checkout/tenders.js";
import { appendLog } from "../db/sales-db.js";
import type { StoredOrder } from "../db/stored-order.js";
import { displayMoney, parseTypedMoney } from "../money/display-money.js";
import { useOutbox } from "../outbox/outbox-context.js";
import { useTill } from "../till/till-context.js";
import { useConnectivity } from "../till/use-connectivity.js";

const nowMs = () => Date.now();

interface CheckoutDialogProps {
  order: StoredOrder;
  cart: CartTotals;
  onCompleted: (order: StoredOrder) => void;
  onClose: () => void;
}

/** Takes one or more tenders for the order and completes the sale, online or offline. */
export function CheckoutDialog({ order, cart, onCompleted, onClose }: CheckoutDialogProps) {
  const ids = useId();
  const { session, client, salesDb } = useTill();
  const outbox = useOutbox();
  const connectivity = useConnectivity();
  const store = session.store;
  const dialog = useRef<HTMLDialogElement>(null);
  const total = cart.totals.total;
  const [tenders, setTenders] = useState<TenderInput[]>([]);
  const [kind, setKind] = useState<TenderKind>("cash");
  const [amountText, setAmountText] = useState("");
  const [reference, setReference] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const money = (amount: number) => displayMoney(toMoney(amount), store);

  useEffect(() => dialog.current?.showModal(), []);

  const due = remainingMinor(total, tenders);
  const typed = parseAmount(amountText);
  const change = kind === "cash" && typed !== null && typed > due ? typed - due : 0;
  const offline = connectivity === "offline";
  const kinds = [...tenders.map((tender) => tender.kind), kind];
  const offlineAllowed = offlineSaleAllowed(store, kinds);

  function parseAmount(text: string): number | null {
    if (!text.trim()) return null;
    try {
      return parseTypedMoney(text, store);
    } catch {
      return null;
    }
  }

  /** Returns the tender being typed. An empty amount means exactly what is still due. */
  function currentTender(): TenderInput | null {
    const amount = amountText.trim() ? typed : due;
    if (amount === null) {
      setError(`"${amountText}" is not an amount: enter the amount taken, such as 20.00.`);
      return null;
    }
    return { kind, amountMinor: amount, reference: kind === "card" ? reference.trim() : null };
  }

  const addTender = () => {
    setError(null);
    const tender = currentTender();
    if (!tender || tender.amountMinor <= 0) return;
    setTenders([...tenders, tender]);
    setAmountText("");
    setReference("");
  };

  const complete = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const tender = due > 0 || amountText.trim() ? currentTender() : null;
    if (due > 0 && tender === null) return;
    setBusy(true);
    try {
      const all = tender && tender.amountMinor > 0 ? [...tenders, tender] : tenders;
      const request = { order, cart, store, tenders: all, online: !offline, nowMs: nowMs() };
      onCompleted(await checkOut({ db: salesDb, client, outbox }, request));
    } catch (failure) {
      const message = checkoutErrorMessage(failure);
      setError(message);
      void appendLog(salesDb, {
        atMs: nowMs(),
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
          Total to pay: <strong>{money(total)}</strong>
        </p>
        {offline && (
          <p role="alert" className={offlineAllowed ? "notice" : "error"}>
            {offlineAllowed
              ? "The connection to the store is offline: this sale is saved on the till and " +
                "sent when the connection returns."
              : "The connection to the store is offline, and the store does not allow this " +
                "payment method offline: take cash or card, or wait for the connection."}
          </p>
        )}
        {tenders.length > 0 && (
          <ul className="tenders" aria-label="Tenders taken">
            {tenders.map((tender, index) => (
              <li key={index}>
                {tenderMethods[tender.kind].title}
                {tender.reference ? ` ${tender.reference}` : ""}: {money(tender.amountMinor)}{" "}
                <button
                  type="button"
                  onClick={() => setTenders(tenders.filter((_, other) => other !== index))}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <p>
          Still to pay: <output aria-label="Still to pay">{money(due)}</output>
        </p>
        <fieldset className="tender-kinds">
          <legend>Payment method</legend>
          {(Object.keys(tenderMethods) as TenderKind[]).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name={`${ids}-kind`}
                checked={kind === option}
                onChange={() => setKind(option)}
              />
              {tenderMethods[option].title}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${ids}-tendered`}>Amount tendered</label>
        <input
          id={`${ids}-tendered`}
          inputMode="decimal"
          value={amountText}
          placeholder={displayMoney(toMoney(due), {
            ...store,
            currency_symbol: "",
            thousand_separator: "",
          })}
          onChange={(event) => setAmountText(event.target.value)}
          aria-invalid={amountText.trim() !== "" && typed === null}
          autoFocus
        />
        {kind === "cash" && due > 0 && (
          <div className="quick-amounts" role="group" aria-label="Quick cash amounts">
            {quickCashAmounts(due, store.decimals).map((amount) => (
              <button
                key={amount}
                type="button"
                onClick={() => setAmountText(String(amount / 10 ** store.decimals))}
              >
                {money(amount)}
              </button>
            ))}
          </div>
        )}
        {kind === "card" && (
          <>
            <label htmlFor={`${ids}-reference`}>Card reference</label>
            <input
              id={`${ids}-reference`}
              value={reference}
              onChange={(event) => setReference(event.target.value)}
            />
          </>
        )}
        <p>
          Change due: <output aria-label="Change due">{money(change)}</output>
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
          <button type="button" onClick={addTender} disabled={busy || due === 0}>
            Add tender
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
  if (isQuotaExceeded(failure)) {
    return (
      "The sale was not saved: this browser's storage for the till is full " +
      "(QuotaExceededError). The cart is kept and nothing was sent to the store. Free space on " +
      "this device, then complete the sale again."
    );
  }
  const message = failure instanceof Error ? failure.message : String(failure);
  return `The sale was not completed: ${message}. The cart is kept: fix the cause and try again.`;
}

/**
 * True for a QuotaExceededError, also when Dexie reports it as the inner error of the
 * transaction's AbortError.
 */
function isQuotaExceeded(failure: unknown): boolean {
  let current: unknown = failure;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (current.name === "QuotaExceededError") return true;
    current = (current as { inner?: unknown }).inner ?? current.cause;
  }
  return false;
}

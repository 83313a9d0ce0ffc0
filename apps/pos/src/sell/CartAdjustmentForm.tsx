import { useId, useState, type FormEvent } from "react";
import { toMoney, type Money } from "@pos/core";
import type { CartAction } from "../cart/cart-action.js";
import type { CartAdjustment } from "../db/stored-order.js";
import { displayMoney, parseTypedMoney } from "../money/display-money.js";
import { useTill } from "../till/till-context.js";
import { parsePercentBasisPoints } from "./CartLineRow.js";

type Choice = "discount-amount" | "discount-percent" | "fee-amount";

interface CartAdjustmentFormProps {
  adjustment: CartAdjustment | null;
  /** The discount taken off when the cart costs less than the requested discount, else null. */
  cappedDiscount: Money | null;
  dispatch: (action: CartAction) => Promise<boolean>;
}

/** Renders the form for a discount on the whole cart (amount or percent) or a fee, saved as one fee line. */
export function CartAdjustmentForm({
  adjustment,
  cappedDiscount,
  dispatch,
}: CartAdjustmentFormProps) {
  const ids = useId();
  const { session } = useTill();
  const [choice, setChoice] = useState<Choice>("discount-percent");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);

  const apply = async (event: FormEvent) => {
    event.preventDefault();
    const next = parseAdjustment(choice, text);
    if (!next) {
      setError(`"${text}" is not a valid ${choice.endsWith("percent") ? "percentage" : "amount"}.`);
      return;
    }
    setError(null);
    if (await dispatch({ type: "setAdjustment", adjustment: next })) setText("");
  };

  const parseAdjustment = (kind: Choice, value: string): CartAdjustment | null => {
    if (kind === "discount-percent") {
      const basisPoints = parsePercentBasisPoints(value);
      return basisPoints === null
        ? null
        : { kind: "discount", basis: "percent", value: basisPoints };
    }
    try {
      const amount = parseTypedMoney(value, session.store);
      if (amount < 0) return null;
      return { kind: kind === "fee-amount" ? "fee" : "discount", basis: "amount", value: amount };
    } catch {
      return null;
    }
  };

  return (
    <form className="adjustment" onSubmit={(event) => void apply(event)}>
      <label htmlFor={`${ids}-kind`}>Cart discount or fee</label>
      <select
        id={`${ids}-kind`}
        value={choice}
        onChange={(e) => setChoice(e.target.value as Choice)}
      >
        <option value="discount-percent">Discount %</option>
        <option value="discount-amount">Discount amount</option>
        <option value="fee-amount">Fee amount</option>
      </select>
      <label htmlFor={`${ids}-value`} className="visually-hidden">
        Adjustment value
      </label>
      <input
        id={`${ids}-value`}
        inputMode="decimal"
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={error !== null}
      />
      <button type="submit">Apply</button>
      {adjustment && (
        <span className="adjustment-current">
          {describe(adjustment)}{" "}
          <button
            type="button"
            onClick={() => void dispatch({ type: "setAdjustment", adjustment: null })}
          >
            Remove {adjustment.kind}
          </button>
        </span>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );

  function describe(current: CartAdjustment): string {
    const value =
      current.basis === "percent"
        ? `${current.value / 100} %`
        : displayMoney(toMoney(current.value), session.store);
    if (current.kind === "fee") return `Fee ${value}`;
    // WooCommerce caps a negative fee at the cart's cost, so a discount larger than the cart
    // takes off less than the cashier typed. The label shows the amount taken off.
    if (cappedDiscount !== null) {
      const applied = displayMoney(cappedDiscount, session.store);
      return `Discount ${value} requested, ${applied} applied: the cart costs less than the discount`;
    }
    return `Discount ${value}`;
  }
}

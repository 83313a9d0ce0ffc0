import { useId, useState } from "react";
import { toMoney, type LineTotals } from "@pos/core";
import type { CartAction } from "../cart/cart-action.js";
import { maxLineQuantity } from "../cart/cart-reducer.js";
import { itemTitle } from "../cart/line-from-catalog.js";
import type { CartLine } from "../db/stored-order.js";
import { displayMoney, parseTypedMoney } from "../money/display-money.js";
import { useTill } from "../till/till-context.js";

interface CartLineRowProps {
  line: CartLine;
  totals: LineTotals | undefined;
  dispatch: (action: CartAction) => Promise<boolean>;
}

/** Renders one cart line: quantity, unit price and line discount, each saved as soon as it is valid. */
export function CartLineRow({ line, totals, dispatch }: CartLineRowProps) {
  const ids = useId();
  const { session } = useTill();
  const store = session.store;
  const unitPrice = line.priceOverrideMinor ?? line.catalogPriceMinor;
  const name = itemTitle(line.name, line.attributes);

  return (
    <li className="cart-line" aria-label={name}>
      <div className="cart-line-head">
        <span className="cart-line-name">{name}</span>
        <span className="cart-line-total">{totals ? displayMoney(totals.total, store) : "…"}</span>
      </div>
      <div className="cart-line-fields">
        <div className="field">
          <label htmlFor={`${ids}-qty`}>Quantity</label>
          <DraftInput
            id={`${ids}-qty`}
            type="number"
            value={String(line.quantity)}
            parse={parseQuantity}
            invalidMessage={quantityMessage}
            commitOnChange
            onCommit={(quantity) =>
              dispatch({ type: "setQuantity", lineId: line.lineId, quantity })
            }
            min={1}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-price`}>Unit price</label>
          <DraftInput
            id={`${ids}-price`}
            type="text"
            inputMode="decimal"
            value={displayMoney(toMoney(unitPrice), {
              ...store,
              currency_symbol: "",
              thousand_separator: "",
            })}
            parse={(text) => parseOrNull(() => parseTypedMoney(text, store))}
            invalidMessage={(text) => priceMessage(text, store)}
            onCommit={(priceMinor) =>
              dispatch({ type: "setPrice", lineId: line.lineId, priceMinor })
            }
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-discount`}>Discount %</label>
          <DraftInput
            id={`${ids}-discount`}
            type="number"
            value={String(line.discountBasisPoints / 100)}
            parse={parsePercentBasisPoints}
            invalidMessage={discountMessage}
            onCommit={(discountBasisPoints) =>
              dispatch({ type: "setLineDiscount", lineId: line.lineId, discountBasisPoints })
            }
            min={0}
            max={100}
            step="any"
          />
        </div>
        <button
          type="button"
          aria-label={`Remove ${name}`}
          onClick={() => void dispatch({ type: "removeLine", lineId: line.lineId })}
        >
          Remove
        </button>
      </div>
    </li>
  );
}

interface DraftInputProps<T> {
  id: string;
  type: "text" | "number";
  value: string;
  parse: (text: string) => T | null;
  /** Builds the message for rejected text: what is wrong and what to type instead. */
  invalidMessage: (text: string) => string;
  onCommit: (value: T) => Promise<boolean>;
  /** Save on every valid keystroke instead of on Enter or leaving the field. */
  commitOnChange?: boolean;
  inputMode?: "decimal";
  min?: number;
  max?: number;
  step?: string;
}

/**
 * Renders a field that keeps what the cashier types until it parses, then saves it. While the
 * text is invalid, a message under the field explains why. Leaving the field then restores the
 * saved value and shows which value was kept, until the next edit.
 */
function DraftInput<T>({
  value,
  parse,
  invalidMessage,
  onCommit,
  commitOnChange,
  ...rest
}: DraftInputProps<T>) {
  const [draft, setDraft] = useState(value);
  const [savedValue, setSavedValue] = useState(value);
  const [revertNotice, setRevertNotice] = useState<string | null>(null);
  if (savedValue !== value) {
    // The saved value changed (another edit, a merge, a resumed order): show it.
    setSavedValue(value);
    setDraft(value);
  }

  const commit = (text: string) => {
    if (text === value) return;
    const parsed = parse(text);
    if (parsed === null) return;
    void onCommit(parsed).then((saved) => {
      if (!saved) setDraft(value);
    });
  };

  const invalid = draft !== value && parse(draft) === null;
  const message = invalid ? invalidMessage(draft) : revertNotice;
  const messageId = `${rest.id}-message`;
  return (
    <>
      <input
        {...rest}
        value={draft}
        aria-invalid={invalid}
        aria-describedby={message === null ? undefined : messageId}
        onChange={(event) => {
          setDraft(event.target.value);
          setRevertNotice(null);
          if (commitOnChange) commit(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit(draft);
        }}
        onBlur={() => {
          if (draft === value) return;
          if (parse(draft) === null) {
            setRevertNotice(`${invalidMessage(draft)} Kept ${value}.`);
            setDraft(value);
          } else if (!commitOnChange) commit(draft);
        }}
      />
      {message === null ? null : (
        <span id={messageId} role="alert" className="field-error">
          {message}
        </span>
      )}
    </>
  );
}

function quantityMessage(text: string): string {
  return `"${text}" is not a quantity: type a whole number from 1 to ${maxLineQuantity}.`;
}

function priceMessage(text: string, store: Parameters<typeof parseTypedMoney>[1]): string {
  try {
    parseTypedMoney(text, store);
    return `"${text}" is not a price.`;
  } catch (error) {
    return error instanceof Error ? error.message : `"${text}" is not a price.`;
  }
}

function discountMessage(text: string): string {
  return `"${text}" is not a discount: type a percentage from 0 to 100, with at most 2 decimals.`;
}

/**
 * Parses a typed quantity; null (shown as invalid, never saved) unless it is a whole number
 * the cart accepts. Checking the range here keeps a rejected value from resetting the field
 * while the cashier is still typing, which used to leave a quantity the cashier never typed.
 */
export function parseQuantity(text: string): number | null {
  if (!/^\d{1,9}$/.test(text.trim())) return null;
  const quantity = Number(text);
  return quantity >= 1 && quantity <= maxLineQuantity ? quantity : null;
}

function parseOrNull<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}

/** Parses "12.5" (percent) into basis points; null unless it is 0 to 100 with 2 decimals. */
export function parsePercentBasisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return basisPoints <= 10_000 ? basisPoints : null;
}

import { useId } from "react";
import { toMoney, type Money } from "@pos/core";
import type { CartTotals } from "../cart/cart-totals.js";
import type { CurrentOrder } from "../cart/use-current-order.js";
import { CouponForm } from "../cart/CouponForm.js";
import { CartAdjustmentForm } from "./CartAdjustmentForm.js";
import { CartLineRow } from "./CartLineRow.js";
import { CustomerPicker } from "./CustomerPicker.js";
import { OpenOrders } from "./OpenOrders.js";
import { useTill } from "../till/till-context.js";
import { TotalsView } from "./TotalsView.js";

interface CartPanelProps {
  current: CurrentOrder;
  cart: CartTotals | null;
  totalsError: string | null;
  onCheckout: () => void;
}

/** Renders the order on screen: customer, lines, cart discount or fee, totals and the sale buttons. */
export function CartPanel({ current, cart, totalsError, onCheckout }: CartPanelProps) {
  const ids = useId();
  const { session } = useTill();
  const { order, dispatch } = current;
  if (!order) return <p className="loading">Opening the order…</p>;

  const empty = order.lines.length === 0;
  return (
    <>
      <section className="cart" aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`}>Cart</h2>
        <CustomerPicker customer={order.customer} dispatch={dispatch} />
        {empty ? (
          <p className="muted">Scan or pick a product to start a sale.</p>
        ) : (
          <ul className="cart-lines">
            {order.lines.map((line) => (
              <CartLineRow
                key={line.lineId}
                line={line}
                totals={cart?.totals.lines.find((entry) => entry.key === line.lineId)}
                dispatch={dispatch}
              />
            ))}
          </ul>
        )}
        <CartAdjustmentForm
          adjustment={order.adjustment}
          cappedDiscount={cart ? cappedDiscount(cart, session.store.prices_include_tax) : null}
          dispatch={dispatch}
        />
        {!empty && <CouponForm order={order} cart={cart} dispatch={dispatch} />}
        {cart && <TotalsView totals={cart.totals} />}
        {totalsError && (
          <p role="alert" className="error">
            The totals could not be worked out: {totalsError}
          </p>
        )}
        <div className="sale-actions">
          <button type="button" disabled={empty} onClick={() => void current.park()}>
            Park order
          </button>
          <button
            type="button"
            className="primary"
            disabled={empty || !cart}
            onClick={onCheckout}
            aria-keyshortcuts="F9"
          >
            Checkout
          </button>
        </div>
      </section>
      <OpenOrders
        orders={current.openOrders}
        onScreenUuid={order.clientUuid}
        onResume={(uuid) => void current.resume(uuid)}
      />
    </>
  );
}

/**
 * Returns the discount that came off when WooCommerce's cap made the cart discount smaller than
 * asked (a negative fee never takes the cart below zero), or null when it came off in full. The
 * amount includes tax when the store enters prices with tax, as the cashier typed it.
 */
function cappedDiscount(cart: CartTotals, pricesIncludeTax: boolean): Money | null {
  const asked = cart.input.fees[0];
  const applied = cart.totals.fees[0];
  if (!asked || !applied || asked.amount >= 0 || applied.total <= asked.amount) return null;
  return toMoney(-(pricesIncludeTax ? applied.total + applied.totalTax : applied.total));
}

import { useId, useState, type FormEvent } from "react";
import type { StoredOrder } from "../db/stored-order.js";
import { useTill } from "../till/till-context.js";
import { useConnectivity } from "../till/use-connectivity.js";
import type { CartAction } from "./cart-action.js";
import type { CartTotals } from "./cart-totals.js";
import { checkCoupon, type CouponCheck } from "./check-coupon.js";

interface CouponFormProps {
  order: StoredOrder;
  cart: CartTotals | null;
  dispatch: (action: CartAction) => Promise<boolean>;
}

const nowDate = () => new Date();

/**
 * Renders the coupon field and the order's coupons. The store checks a code while it is
 * reachable. A code checked only on the till shows "to be confirmed" until the store confirms it.
 */
export function CouponForm({ order, cart, dispatch }: CouponFormProps) {
  const ids = useId();
  const { catalog, session, client } = useTill();
  const connectivity = useConnectivity();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const apply = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!cart || checking) return;
    setChecking(true);
    const check = await checkCoupon(code, {
      catalog,
      order,
      cart,
      decimals: session.store.decimals,
      online: connectivity !== "offline",
      now: nowDate(),
      store: { client, kind: session.storeKind },
    })
      .catch((failure: unknown): CouponCheck => ({ ok: false, message: String(failure) }))
      .finally(() => setChecking(false));
    if (!check.ok) {
      setError(check.message);
      return;
    }
    const added = await dispatch({
      type: "addCoupon",
      code: check.code,
      toBeConfirmed: check.toBeConfirmed,
    });
    if (added) setCode("");
  };

  return (
    <form className="coupon-form" onSubmit={(event) => void apply(event)}>
      <label htmlFor={`${ids}-code`}>Coupon code</label>
      <input id={`${ids}-code`} value={code} onChange={(event) => setCode(event.target.value)} />
      <button type="submit" disabled={!code.trim() || checking}>
        {checking ? "Checking coupon…" : "Apply coupon"}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {order.coupons.length > 0 && (
        <ul className="coupons" aria-label="Coupons">
          {order.coupons.map((coupon) => (
            <li key={coupon.code}>
              {coupon.code}
              {coupon.toBeConfirmed ? " (to be confirmed)" : ""}{" "}
              <button
                type="button"
                onClick={() => void dispatch({ type: "removeCoupon", code: coupon.code })}
              >
                Remove coupon {coupon.code}
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

import { useEffect, useState } from "react";
import type { Coupon } from "@pos/core";
import type { StoredOrder } from "../db/stored-order.js";
import { useTill } from "../till/till-context.js";

const noCoupons: readonly Coupon[] = Object.freeze([]);

/** Loads the synced records of the order's coupons, for the totals. */
export function useOrderCoupons(order: StoredOrder | null): readonly Coupon[] {
  const { catalog } = useTill();
  const [loaded, setLoaded] = useState({ key: "", coupons: noCoupons });
  const key = order?.coupons.map((coupon) => coupon.code).join("\n") ?? "";

  useEffect(() => {
    if (!key) return;
    let live = true;
    catalog.coupons
      .where("code")
      .anyOf(key.split("\n"))
      .toArray()
      .then(
        (records) => {
          if (live) setLoaded({ key, coupons: records });
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [catalog, key]);
  return key && loaded.key === key ? loaded.coupons : noCoupons;
}

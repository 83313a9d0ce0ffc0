import { useEffect, useState } from "react";
import type { ReportOrder } from "@pos/core";
import { loadDeviceReportOrders } from "../reports/device-report-orders.js";
import { useTill } from "../till/till-context.js";
import { tillSessionServicesOf } from "./till-session-services.js";

/** Returns the orders on this till in the report's shape, read again when `version` changes. */
export function useDeviceReportOrders(registerId: string | null, version: number) {
  const till = useTill();
  const [orders, setOrders] = useState<ReportOrder[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (registerId === null) return;
    let live = true;
    loadDeviceReportOrders(till, tillSessionServicesOf(till).db, registerId).then(
      (found) => live && setOrders(found),
      (loadError) =>
        live && setError(`the orders on this till could not be read: ${String(loadError)}`),
    );
    return () => {
      live = false;
    };
  }, [till, registerId, version]);

  return { orders, error };
}

import { useEffect } from "react";
import { useTill } from "../till/till-context.js";
import { tillSessionServicesOf } from "./till-session-services.js";

/** Uploads till sessions in the background while a cashier is logged in; renders nothing. */
export function TillSessionSync() {
  const till = useTill();

  useEffect(() => {
    const { outbox } = tillSessionServicesOf(till);
    const stop = outbox.start();
    const unsubscribe = till.connectivity.subscribe((state) => {
      if (state === "online") outbox.drainNow();
    });
    return () => {
      unsubscribe();
      void stop();
    };
  }, [till]);

  return null;
}

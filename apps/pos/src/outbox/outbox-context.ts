import { createContext, useContext, useEffect, useState } from "react";
import type { Outbox, OutboxStatus } from "@pos/sync";

export const OutboxContext = createContext<Outbox | null>(null);

/** Returns the till's outbox; only screens under `OutboxContext` may call it. */
export function useOutbox(): Outbox {
  const outbox = useContext(OutboxContext);
  if (!outbox) throw new Error("useOutbox was called outside a logged-in till");
  return outbox;
}

/**
 * Returns the outbox's status, updated on every change this tab makes and by polling, or null
 * until the first read: an empty status before it would tell the cashier every sale is sent.
 */
export function useOutboxStatus(): OutboxStatus | null {
  const outbox = useOutbox();
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  useEffect(() => outbox.subscribe(setStatus), [outbox]);
  return status;
}

import { createContext, useContext, useEffect, useState } from "react";
import { emptyOutboxStatus, type Outbox, type OutboxStatus } from "@pos/sync";

export const OutboxContext = createContext<Outbox | null>(null);

/** Returns the till's outbox; only screens under `OutboxContext` may call it. */
export function useOutbox(): Outbox {
  const outbox = useContext(OutboxContext);
  if (!outbox) throw new Error("useOutbox was called outside a logged-in till");
  return outbox;
}

/** Returns the outbox's status, updated on every change this tab makes and by polling. */
export function useOutboxStatus(): OutboxStatus {
  const outbox = useOutbox();
  const [status, setStatus] = useState<OutboxStatus>(emptyOutboxStatus);
  useEffect(() => outbox.subscribe(setStatus), [outbox]);
  return status;
}

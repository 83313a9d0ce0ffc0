import { useCallback, useState } from "react";
import type { Outbox } from "@pos/sync";

/**
 * Wraps the log-out action: while sales are unsent it refuses and returns the message for a
 * role="alert", because logging out would leave those sales without a session to send them.
 */
export function useLogOutGuard(outbox: Outbox, onLogOut: () => Promise<void>) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const logOut = useCallback(async () => {
    const status = await outbox.status();
    const unsent = status.pending + status.sending + status.parked;
    if (unsent > 0) {
      setRefusal(
        `${unsent} ${unsent === 1 ? "sale is" : "sales are"} not sent to the store yet: ` +
          "log out once the outbox is empty, or ask a manager to resolve the parked ones.",
      );
      return;
    }
    setRefusal(null);
    await onLogOut();
  }, [outbox, onLogOut]);
  return { logOut, refusal };
}

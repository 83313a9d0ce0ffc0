import { useSyncExternalStore } from "react";
import { applyAppUpdate, isAppUpdateWaiting, subscribeAppUpdate } from "../pwa/app-update.js";

/**
 * Offers a new version of the till once it is installed. It never reloads on its own, and the
 * button works only between sales (`saleInProgress` false), so a sale is never interrupted.
 */
export function UpdatePrompt({ saleInProgress }: { saleInProgress: boolean }) {
  const waiting = useSyncExternalStore(subscribeAppUpdate, isAppUpdateWaiting);
  if (!waiting) return null;

  return (
    <p className="update" role="status">
      A new version of the till is ready.{" "}
      {saleInProgress ? (
        "It will be offered again when this sale is done."
      ) : (
        <button type="button" onClick={() => void applyAppUpdate()}>
          Update the till
        </button>
      )}
    </p>
  );
}

import { useSyncExternalStore } from "react";
import { isCatalogComplete } from "../worker/catalog-worker-client.js";
import { useTill } from "./till-context.js";

/**
 * Renders "x of y" records of the catalogue stored. The bar stays on screen, full, once the
 * sync is complete, so a reader of its values never finds it gone between two reads.
 */
export function SyncProgress() {
  const { catalogWorker } = useTill();
  const status = useSyncExternalStore(catalogWorker.subscribe, catalogWorker.getStatus);

  const stored = status.collections.reduce((sum, entry) => sum + entry.stored, 0);
  const totals = status.collections.map((entry) => entry.total);
  const known = totals.length > 0 && totals.every((total) => total !== null);
  const total = totals.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const complete = isCatalogComplete(status);
  const fillPercent = known && total > 0 ? Math.min(100, (100 * stored) / total) : 0;
  const text = known ? `${stored} of ${total}` : `${stored} of unknown`;

  return (
    <span className="sync">
      <span
        role="progressbar"
        aria-label="Syncing catalogue"
        aria-valuemin={0}
        aria-valuenow={stored}
        aria-valuemax={known ? total : undefined}
        aria-valuetext={text}
        className="sync-bar"
      >
        <span className="sync-fill" style={{ width: `${complete ? 100 : fillPercent}%` }} />
      </span>
      <span aria-hidden="true">{complete ? "Catalogue synced" : `${text} synced`}</span>
      {status.lastError && (
        <span className="sync-error" title={status.lastError}>
          Sync paused: {status.lastError}
        </span>
      )}
    </span>
  );
}

import { useId, useState, useSyncExternalStore } from "react";
import { requestPersistentStorage } from "@pos/sync";
import type { LogRow } from "../db/sales-db.js";
import { useTill } from "../till/till-context.js";
import { CollectionsTable } from "./CollectionsTable.js";
import { formatBytes, formatUsageShare } from "./health-figures.js";
import type { StoreHealthReport } from "./read-store-health.js";
import { useStoreHealth } from "./use-store-health.js";

/**
 * Store health: the device's storage (persistence, quota, usage), each collection's "x of y"
 * against the server, the last sync, the outbox and recent sync errors, and a per-collection
 * "Clear and re-download". Read failures are shown, never hidden.
 */
export function HealthScreen() {
  const ids = useId();
  const { catalogWorker } = useTill();
  const status = useSyncExternalStore(catalogWorker.subscribe, catalogWorker.getStatus);
  const { report, readError, refresh } = useStoreHealth();

  return (
    <main className="health" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>Store health</h1>
      {readError && (
        <p role="alert" className="error">
          {readError}
        </p>
      )}
      {status.lastError && (
        <p role="alert" className="error">
          Sync failed: {status.lastError}
        </p>
      )}
      <h2>Sync</h2>
      <dl className="health-figures" aria-label="Sync">
        <dt>Syncing tab</dt>
        <dd>{leaderText(status.leader)}</dd>
        <dt>Last sync</dt>
        <dd>{timeText(status.lastSyncAtMs ?? report?.lastSyncAtMs ?? null)}</dd>
      </dl>
      <div className="health-actions">
        <button type="button" onClick={() => catalogWorker.syncNow()}>
          Sync now
        </button>
        <button type="button" onClick={refresh}>
          Read again
        </button>
      </div>
      {report ? <HealthReport report={report} onChange={refresh} /> : <p>Reading…</p>}
    </main>
  );
}

function HealthReport({ report, onChange }: { report: StoreHealthReport; onChange: () => void }) {
  const { storage, outbox } = report;
  return (
    <>
      <h2>Storage</h2>
      <dl className="health-figures" aria-label="Storage">
        <dt>Persistent storage</dt>
        <dd>
          {storage.persisted
            ? "granted"
            : "not granted: the browser may delete this till's data when the disk is full"}
          {!storage.persisted && <PersistButton onAnswer={onChange} />}
        </dd>
        <dt>Usage</dt>
        <dd>
          {formatBytes(storage.usageBytes)} of {formatBytes(storage.quotaBytes)} (
          {formatUsageShare(storage.usageRatio)})
        </dd>
      </dl>

      <h2>Catalogue</h2>
      <CollectionsTable rows={report.collections} />

      <h2>Outbox</h2>
      <dl className="health-figures" aria-label="Outbox">
        <dt>Waiting to send</dt>
        <dd>{outbox.pending}</dd>
        <dt>Parked</dt>
        <dd>{outbox.parked}</dd>
      </dl>

      <h2>Recent sync errors</h2>
      <SyncErrorList rows={report.syncErrors} />
    </>
  );
}

function PersistButton({ onAnswer }: { onAnswer: () => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const ask = () => {
    setFailure(null);
    requestPersistentStorage().then(onAnswer, (error: unknown) =>
      setFailure(`requesting persistent storage failed: ${String(error)}`),
    );
  };
  return (
    <>
      {" "}
      <button type="button" onClick={ask}>
        Request persistent storage
      </button>
      {failure && (
        <span role="alert" className="error">
          {failure}
        </span>
      )}
    </>
  );
}

function SyncErrorList({ rows }: { rows: LogRow[] }) {
  if (rows.length === 0) return <p>None logged.</p>;
  return (
    <ul className="health-errors" aria-label="Recent sync errors">
      {rows.map((row) => (
        <li key={row.id ?? row.atMs}>
          <time dateTime={new Date(row.atMs).toISOString()}>{timeText(row.atMs)}</time>{" "}
          {row.message.replace(/^sync: /, "")}
        </li>
      ))}
    </ul>
  );
}

function leaderText(leader: boolean | null): string {
  if (leader === null) return "starting";
  return leader ? "this tab" : "another tab of this till";
}

function timeText(atMs: number | null): string {
  return atMs === null ? "never" : new Date(atMs).toLocaleString();
}

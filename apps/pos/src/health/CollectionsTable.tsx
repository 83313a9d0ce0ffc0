import { useState } from "react";
import type { CatalogCollection } from "@pos/core";
import { useTill } from "../till/till-context.js";
import { collectionLabel, countText, type CollectionHealth } from "./health-figures.js";

type ResetState =
  | { step: "idle" }
  | { step: "confirming"; collection: CatalogCollection }
  | { step: "clearing"; collection: CatalogCollection }
  | { step: "done"; collection: CatalogCollection }
  | { step: "failed"; message: string };

/**
 * Lists each collection's "x of y" against the server's total, whether it is complete, and its
 * checkpoint, with a "Clear and re-download" per collection that needs confirming first.
 */
export function CollectionsTable({ rows }: { rows: CollectionHealth[] }) {
  const { catalogWorker } = useTill();
  const [reset, setReset] = useState<ResetState>({ step: "idle" });

  const clear = async (collection: CatalogCollection) => {
    setReset({ step: "clearing", collection });
    const outcome = await catalogWorker.resetCollection(collection);
    setReset(
      outcome.ok ? { step: "done", collection } : { step: "failed", message: outcome.message },
    );
  };

  const confirming =
    reset.step === "confirming"
      ? rows.find((row) => row.collection === reset.collection)
      : undefined;

  return (
    <>
      <table className="health-collections" aria-label="Collections">
        <thead>
          <tr>
            <th scope="col">Collection</th>
            <th scope="col">Stored</th>
            <th scope="col">State</th>
            <th scope="col">Checkpoint</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.collection} aria-label={row.label}>
              <th scope="row">{row.label}</th>
              <td>{countText(row.stored, row.total)}</td>
              <td>{row.complete ? "complete" : "incomplete"}</td>
              <td>{row.checkpoint}</td>
              <td>
                <button
                  type="button"
                  disabled={reset.step === "clearing"}
                  onClick={() => setReset({ step: "confirming", collection: row.collection })}
                >
                  Clear and re-download {row.label.toLowerCase()}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {confirming && (
        <div role="alertdialog" aria-label="Confirm clear" className="health-confirm">
          <p>
            Delete the {confirming.stored} {confirming.label.toLowerCase()} stored on this device
            and download them again? The other collections keep their records and checkpoints.
          </p>
          <button
            type="button"
            className="primary"
            onClick={() => void clear(confirming.collection)}
          >
            Clear {confirming.label.toLowerCase()}
          </button>
          <button type="button" onClick={() => setReset({ step: "idle" })}>
            Cancel
          </button>
        </div>
      )}
      {reset.step === "clearing" && (
        <p role="status">Clearing {collectionLabel(reset.collection).toLowerCase()}…</p>
      )}
      {reset.step === "done" && (
        <p role="status">
          Cleared {collectionLabel(reset.collection).toLowerCase()}; they are downloading again.
        </p>
      )}
      {reset.step === "failed" && (
        <p role="alert" className="error">
          {reset.message}
        </p>
      )}
    </>
  );
}

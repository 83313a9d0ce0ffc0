import { useId, useRef, useState, type FormEvent } from "react";
import { useConnectivity } from "../till/use-connectivity.js";
import {
  assertBarcodeSourceSaveAllowed,
  choiceOfSourceText,
  sourceTextOfChoice,
  type BarcodeSourceChoice,
} from "./barcode-source-choice.js";
import type { ScanSettings, ScanSettingsInput } from "./scan-settings-store.js";
import { useBarcodeSource } from "./use-barcode-source.js";

interface BarcodeSourceSettingsProps {
  settings: ScanSettings;
  onSave: (next: ScanSettingsInput) => Promise<void>;
}

type Message = { kind: "alert" | "status"; text: string } | null;

/**
 * Renders the choice of where products keep their barcodes: the global unique id, the SKU or
 * a product meta key. On our store server it shows the store's setting, which only managers
 * and administrators change. On a plain WooCommerce store the setting is this device's own.
 */
export function BarcodeSourceSettings({ settings, onSave }: BarcodeSourceSettingsProps) {
  const ids = useId();
  const view = useBarcodeSource(settings, onSave);
  const connectivity = useConnectivity();
  const [draft, setDraft] = useState<BarcodeSourceChoice | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const choice = draft ?? choiceOfSourceText(view.text ?? "global_unique_id");
  const disabled = !view.editable || view.text === null || saving;

  // One save at a time. On a device a second save would start a second re-download of products
  // and variations, and on the store the first response could arrive last and show its value.
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (savingRef.current) return;
    savingRef.current = true;
    setSaving(true);
    try {
      const next = sourceTextOfChoice(choice);
      const offline = connectivity === "offline";
      assertBarcodeSourceSaveAllowed({ owner: view.owner, current: view.text, next, offline });
      const text = await view.save(next);
      setDraft(null);
      setMessage({ kind: "status", text });
    } catch (failure) {
      const text = failure instanceof Error ? failure.message : String(failure);
      setMessage({ kind: "alert", text });
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  return (
    <form className="barcode-source" aria-busy={saving} onSubmit={(event) => void save(event)}>
      <fieldset disabled={disabled}>
        <legend>Barcode field</legend>
        <label htmlFor={`${ids}-field`}>Products keep their barcodes in</label>
        <select
          id={`${ids}-field`}
          value={choice.field}
          onChange={(event) =>
            setDraft({ ...choice, field: event.target.value as BarcodeSourceChoice["field"] })
          }
        >
          <option value="global_unique_id">Global unique id (GTIN, UPC, EAN or ISBN)</option>
          <option value="sku">SKU</option>
          <option value="meta">A product meta key</option>
        </select>
        {choice.field === "meta" && (
          <>
            <label htmlFor={`${ids}-key`}>Meta key</label>
            <input
              id={`${ids}-key`}
              value={choice.metaKey}
              placeholder="_ean"
              maxLength={255}
              onChange={(event) => setDraft({ ...choice, metaKey: event.target.value })}
            />
          </>
        )}
        <button type="submit">Save barcode field</button>
      </fieldset>
      <p className="notice">{ownerNote(view.owner, view.editable)}</p>
      {view.loadError && (
        <p role="alert" className="error">
          {view.loadError}
        </p>
      )}
      {message && (
        <p role={message.kind} className={message.kind === "alert" ? "error" : "notice"}>
          {message.text}
        </p>
      )}
    </form>
  );
}

function ownerNote(owner: "store" | "device", editable: boolean): string {
  if (owner === "device") {
    return "This device's setting: saving a new field downloads products and variations again.";
  }
  if (editable) return "The store's setting for every till.";
  return "The store's setting for every till: only a manager or administrator can change it.";
}

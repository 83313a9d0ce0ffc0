import { useId, useState, type FormEvent } from "react";
import { BarcodeSourceSettings } from "../scanner/BarcodeSourceSettings.js";
import { ScaleRulesEditor } from "../scanner/ScaleRulesEditor.js";
import type { ScanSettings, ScanSettingsInput } from "../scanner/scan-settings-store.js";

/** The last scan the test panel caught: the keys as sent and the code looked up. */
export interface TestScan {
  raw: string;
  code: string;
}

interface ScannerSettingsProps {
  settings: ScanSettings;
  onSave: (next: ScanSettingsInput) => Promise<void>;
  /** Whether scans go to the test panel instead of the cart. */
  testing: boolean;
  onTestingChange: (testing: boolean) => void;
  lastTestScan: TestScan | null;
}

type Draft = Omit<ScanSettings, "maxKeyGapMs" | "minLength"> & {
  gapText: string;
  lengthText: string;
};

function draftOf(settings: ScanSettings): Draft {
  return {
    ...settings,
    gapText: String(settings.maxKeyGapMs),
    lengthText: String(settings.minLength),
  };
}

/** Renders the scanner settings and the scan test panel, folded away until opened. */
export function ScannerSettings(props: ScannerSettingsProps) {
  const { settings, onSave } = props;
  const ids = useId();
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [shown, setShown] = useState(settings);
  if (shown !== settings) {
    // The saved settings loaded or changed: show them.
    setShown(settings);
    setDraft(draftOf(settings));
  }
  const [message, setMessage] = useState<{ kind: "alert" | "status"; text: string } | null>(null);
  const change = (next: Partial<Draft>) => setDraft({ ...draft, ...next });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { gapText, lengthText, ...rest } = draft;
    try {
      await onSave({ ...rest, maxKeyGapMs: Number(gapText), minLength: Number(lengthText) });
      setMessage({ kind: "status", text: "Scanner settings saved." });
    } catch (failure) {
      const text = failure instanceof Error ? failure.message : String(failure);
      setMessage({ kind: "alert", text });
    }
  };

  return (
    <details className="scanner-settings">
      <summary>Scanner settings</summary>
      <form onSubmit={(event) => void save(event)}>
        <label htmlFor={`${ids}-gap`}>Maximum gap between scanned keys (ms)</label>
        <input
          id={`${ids}-gap`}
          type="number"
          min={5}
          max={500}
          value={draft.gapText}
          onChange={(event) => change({ gapText: event.target.value })}
        />
        <label htmlFor={`${ids}-length`}>Minimum scan length (characters)</label>
        <input
          id={`${ids}-length`}
          type="number"
          min={1}
          max={64}
          value={draft.lengthText}
          onChange={(event) => change({ lengthText: event.target.value })}
        />
        <label htmlFor={`${ids}-terminator`}>Key after each scan</label>
        <select
          id={`${ids}-terminator`}
          value={draft.terminator}
          onChange={(event) => change({ terminator: event.target.value as Draft["terminator"] })}
        >
          <option value="Enter">Enter</option>
          <option value="Tab">Tab</option>
        </select>
        <label htmlFor={`${ids}-prefix`}>Scanner prefix (removed)</label>
        <input
          id={`${ids}-prefix`}
          value={draft.prefix}
          maxLength={8}
          onChange={(event) => change({ prefix: event.target.value })}
        />
        <label htmlFor={`${ids}-suffix`}>Scanner suffix (removed)</label>
        <input
          id={`${ids}-suffix`}
          value={draft.suffix}
          maxLength={8}
          onChange={(event) => change({ suffix: event.target.value })}
        />
        <label htmlFor={`${ids}-field`}>Compare scans with</label>
        <select
          id={`${ids}-field`}
          value={draft.barcodeField}
          onChange={(event) =>
            change({ barcodeField: event.target.value as Draft["barcodeField"] })
          }
        >
          <option value="any">SKU, then barcode</option>
          <option value="sku">SKU only</option>
          <option value="globalUniqueId">Barcode only (from the barcode field)</option>
        </select>
        <ScaleRulesEditor
          rules={draft.scaleRules}
          onChange={(scaleRules) => change({ scaleRules })}
        />
        <button type="submit">Save scanner settings</button>
        {message && (
          <p role={message.kind} className={message.kind === "alert" ? "error" : "notice"}>
            {message.text}
          </p>
        )}
      </form>
      <BarcodeSourceSettings settings={settings} onSave={onSave} />
      <ScanTestPanel {...props} />
    </details>
  );
}

/** While switched on, scans are shown here and added to no order. */
function ScanTestPanel({ testing, onTestingChange, lastTestScan }: ScannerSettingsProps) {
  return (
    <section className="scan-test" aria-label="Scanner test">
      <label>
        <input
          type="checkbox"
          checked={testing}
          onChange={(event) => onTestingChange(event.target.checked)}
        />
        Test the scanner (scans are shown, not sold)
      </label>
      {testing && (
        <p role="status">
          {lastTestScan
            ? `Scanner sent "${lastTestScan.raw}"; the till looks up "${lastTestScan.code}".`
            : "Scan a barcode now."}
        </p>
      )}
    </section>
  );
}

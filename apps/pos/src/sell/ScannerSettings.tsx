import { useId, useState, type FormEvent } from "react";
import type { ScanSettings } from "../scanner/scan-detector.js";

interface ScannerSettingsProps {
  settings: ScanSettings;
  onSave: (next: ScanSettings) => Promise<void>;
}

/** Renders the scanner timing settings, folded away until the cashier opens them. */
export function ScannerSettings({ settings, onSave }: ScannerSettingsProps) {
  const ids = useId();
  const [gapText, setGapText] = useState(String(settings.maxKeyGapMs));
  const [lengthText, setLengthText] = useState(String(settings.minLength));
  const [shown, setShown] = useState(settings);
  if (shown !== settings) {
    // The saved settings loaded or changed: show them.
    setShown(settings);
    setGapText(String(settings.maxKeyGapMs));
    setLengthText(String(settings.minLength));
  }
  const [message, setMessage] = useState<{ kind: "alert" | "status"; text: string } | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await onSave({ maxKeyGapMs: Number(gapText), minLength: Number(lengthText) });
      setMessage({ kind: "status", text: "Scanner settings saved." });
    } catch (failure) {
      setMessage({
        kind: "alert",
        text: failure instanceof Error ? failure.message : String(failure),
      });
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
          value={gapText}
          onChange={(event) => setGapText(event.target.value)}
        />
        <label htmlFor={`${ids}-length`}>Minimum scan length (characters)</label>
        <input
          id={`${ids}-length`}
          type="number"
          min={1}
          max={64}
          value={lengthText}
          onChange={(event) => setLengthText(event.target.value)}
        />
        <button type="submit">Save scanner settings</button>
        {message && (
          <p role={message.kind} className={message.kind === "alert" ? "error" : "notice"}>
            {message.text}
          </p>
        )}
      </form>
    </details>
  );
}

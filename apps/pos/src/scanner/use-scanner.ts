import { useEffect, useRef } from "react";
import { ScanDetector, cleanScannedCode } from "./scan-detector.js";
import type { ScanSettings } from "./scan-settings-store.js";

/**
 * Listens for keyboard-wedge scans wherever the focus is. Keys bound for a text field are held
 * back until the detector decides they are typing, then typed into the field, so a scan never
 * reaches the field. `onScan` receives the code without Code 39 start and stop characters.
 * While `enabled` is false (a dialog that takes typed amounts is open), keys pass untouched.
 */
export function useScanner(
  settings: ScanSettings,
  enabled: boolean,
  onScan: (code: string, raw: string) => void,
): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    if (!enabled) return;
    const detector = new ScanDetector(settings);
    let heldField: HTMLInputElement | HTMLTextAreaElement | null = null;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;

    const release = (text: string) => {
      if (text && heldField?.isConnected) typeInto(heldField, text);
      heldField = null;
    };

    const onIdle = () => release(detector.onIdle(performance.now()));

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.repeat) return;

      const shortcut = event.ctrlKey || event.metaKey || event.altKey;
      const verdict = detector.onKey(shortcut ? "Unidentified" : event.key, event.timeStamp);
      release(verdict.release);

      if (verdict.hold) {
        const field = textField(event.target);
        if (field || verdict.scan !== null) {
          event.preventDefault();
          event.stopPropagation();
        }
        heldField ??= field;
        clearTimeout(idleTimer);
        if (detector.holding) idleTimer = setTimeout(onIdle, detector.holdGapMs + 5);
      }

      if (verdict.scan !== null) {
        heldField = null;
        const code = cleanScannedCode(verdict.scan, settings);
        if (code) onScanRef.current(code, verdict.scan);
      }
    };

    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => {
      window.removeEventListener("keydown", onKeyDown, { capture: true });
      clearTimeout(idleTimer);
    };
  }, [settings, enabled]);
}

const textInputTypes = new Set(["text", "search", "number", "tel", "email", "url", "password"]);

function textField(target: EventTarget | null): HTMLInputElement | HTMLTextAreaElement | null {
  if (target instanceof HTMLTextAreaElement) return target.readOnly ? null : target;
  if (target instanceof HTMLInputElement && textInputTypes.has(target.type)) {
    return target.readOnly || target.disabled ? null : target;
  }
  return null;
}

/**
 * Types held characters into a field as if the keys had reached it. `insertText` keeps the
 * browser's undo history and fires the input event that React listens to. Where the browser
 * declines it, the value is set through the native setter, which React also picks up.
 */
function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  if (document.activeElement !== field) field.focus();
  // NOTE: execCommand is deprecated but remains the only way to insert text with undo history.
  if (document.execCommand("insertText", false, text)) return;

  const prototype = Object.getPrototypeOf(field) as object;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, "value");
  descriptor?.set?.call(field, field.value + text);
  field.dispatchEvent(new Event("input", { bubbles: true }));
}

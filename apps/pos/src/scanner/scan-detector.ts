/** Settings that distinguish a keyboard-wedge scanner from a person typing. */
export interface DetectorSettings {
  /** Maximum gap between two keystrokes of one scan (one gap per scan may be longer). */
  maxKeyGapMs: number;
  /** Minimum number of characters before the terminator that ends a scan. */
  minLength: number;
  /** The key the scanner sends after the code; Enter unless set. */
  terminator?: ScanTerminator;
}

export type ScanTerminator = "Enter" | "Tab";

/**
 * Defaults, as estimates: keyboard-wedge scanners send keys a few milliseconds apart, while a
 * person typing leaves well over 50 ms between most keys. Both are settings for stores whose
 * scanners or cashiers differ.
 */
export const defaultDetectorSettings = {
  maxKeyGapMs: 50,
  minLength: 4,
  terminator: "Enter",
} as const satisfies DetectorSettings;

/**
 * The detector's decision on one keystroke. `hold`: keep the key from the focused field for
 * now. `release`: characters held earlier that turned out to be typing, to type into the field
 * now (before this key, when this key is not held). `scan`: a complete scan.
 */
export interface KeyVerdict {
  hold: boolean;
  release: string;
  scan: string | null;
}

/**
 * How many times `maxKeyGapMs` one late key of a scan may take. A busy page delays a scanner's
 * keys now and then, and one late key must not split a scan in two.
 */
const stallFactor = 3;

/**
 * Distinguishes scans from typing by timing alone. Printable keys are held while they arrive
 * within `maxKeyGapMs` of each other, with one gap of up to `stallFactor` times that allowed
 * (a stall). An Enter after at least `minLength` held keys is a scan. A second stall, a longer
 * gap or any other key releases the held characters as typing. The caller supplies the
 * times, so the detector runs the same on fake clocks in tests.
 */
export class ScanDetector {
  private held = "";
  private stalls = 0;
  private lastKeyMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly settings: DetectorSettings = defaultDetectorSettings) {}

  /** Classifies one keydown: `key` as in `KeyboardEvent.key`, at `timeMs`. */
  onKey(key: string, timeMs: number): KeyVerdict {
    // Scanners press Shift for capitals like a person does; modifiers alone change nothing.
    if (modifierKeys.has(key)) return { hold: false, release: "", scan: null };

    const gap = this.classifyGap(timeMs);

    if (isPrintable(key)) {
      const release = gap === "break" ? this.takeHeld() : "";
      if (gap === "stall") this.stalls++;
      this.held += key;
      this.lastKeyMs = timeMs;
      return { hold: true, release, scan: null };
    }

    const terminator = this.settings.terminator ?? "Enter";
    if (key === terminator && gap !== "break" && [...this.held].length >= this.settings.minLength) {
      const scan = this.takeHeld();
      return { hold: true, release: "", scan };
    }

    return { hold: false, release: this.takeHeld(), scan: null };
  }

  /** Releases held characters once no key came within the hold gap; call it from a timer. */
  onIdle(timeMs: number): string {
    if (timeMs - this.lastKeyMs < this.holdGapMs) return "";
    return this.takeHeld();
  }

  /** The maximum time a held key waits for the next one before it is released as typing. */
  get holdGapMs(): number {
    return this.settings.maxKeyGapMs * stallFactor;
  }

  /** True while characters are held, so a timer must call `onIdle` later. */
  get holding(): boolean {
    return this.held.length > 0;
  }

  /** "fast" within the gap, "stall" for the one late key a scan may have, "break" otherwise. */
  private classifyGap(timeMs: number): "fast" | "stall" | "break" {
    const gapMs = timeMs - this.lastKeyMs;
    if (gapMs <= this.settings.maxKeyGapMs) return "fast";
    if (gapMs <= this.holdGapMs && this.stalls === 0) return "stall";
    return "break";
  }

  private takeHeld(): string {
    const held = this.held;
    this.held = "";
    this.stalls = 0;
    this.lastKeyMs = Number.NEGATIVE_INFINITY;
    return held;
  }
}

const modifierKeys = new Set(["Shift", "CapsLock", "Control", "Alt", "AltGraph", "Meta"]);

function isPrintable(key: string): boolean {
  return [...key].length === 1;
}

/**
 * Removes the scanner's configured prefix and suffix, then the start and stop characters that
 * Code 39 scanners may send around the data ("*000122521*"), leaving the code to look up.
 */
export function cleanScannedCode(raw: string, affixes: { prefix?: string; suffix?: string } = {}) {
  let code = raw.trim();
  const { prefix = "", suffix = "" } = affixes;
  if (prefix && code.startsWith(prefix)) code = code.slice(prefix.length);
  if (suffix && code.endsWith(suffix)) code = code.slice(0, code.length - suffix.length);
  return code.trim().replace(/^\*+/, "").replace(/\*+$/, "");
}

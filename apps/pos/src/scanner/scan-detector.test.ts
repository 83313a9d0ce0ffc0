import { describe, expect, it } from "vitest";
import { ScanDetector, cleanScannedCode, type KeyVerdict } from "./scan-detector.js";

/** Feeds keys `gapMs` apart from `startMs` and returns every verdict. */
function type(detector: ScanDetector, keys: string[], gapMs: number, startMs = 1_000) {
  return keys.map((key, index) => detector.onKey(key, startMs + index * gapMs));
}

const chars = (text: string) => [...text];

describe("ScanDetector", () => {
  it("reports fast keys ending in Enter as a scan", () => {
    const detector = new ScanDetector({ maxKeyGapMs: 40, minLength: 4 });
    const verdicts = type(detector, [...chars("*000122521"), "Enter"], 8);

    const last = verdicts.at(-1);
    expect(last?.scan).toBe("*000122521");
    expect(last?.hold).toBe(true);
    expect(verdicts.every((verdict) => verdict.hold)).toBe(true);
    expect(verdicts.map((verdict) => verdict.release).join("")).toBe("");
  });

  it("treats slow typing with Enter as typing", () => {
    const detector = new ScanDetector({ maxKeyGapMs: 40, minLength: 3 });
    const verdicts: KeyVerdict[] = [];
    let released = "";
    for (const [index, key] of [..."123", "Enter"].entries()) {
      const atMs = 1_000 + index * 150;
      released += detector.onIdle(atMs - 100);
      const verdict = detector.onKey(key, atMs);
      verdicts.push(verdict);
      released += verdict.release;
    }

    expect(verdicts.some((verdict) => verdict.scan !== null)).toBe(false);
    expect(released).toBe("123");
    expect(verdicts.at(-1)?.hold).toBe(false);
  });

  it("releases held keys when the next key comes late", () => {
    const detector = new ScanDetector({ maxKeyGapMs: 40, minLength: 4 });
    detector.onKey("a", 0);
    const verdict = detector.onKey("b", 500);

    expect(verdict.release).toBe("a");
    expect(verdict.hold).toBe(true);
  });

  it("releases fast keys without Enter once idle", () => {
    const detector = new ScanDetector({ maxKeyGapMs: 40, minLength: 4 });
    type(detector, chars("hoodie"), 5);

    expect(detector.holding).toBe(true);
    expect(detector.holdGapMs).toBe(120);
    expect(detector.onIdle(1_000 + 5 * 5 + 100)).toBe("");
    expect(detector.onIdle(1_000 + 5 * 5 + 120)).toBe("hoodie");
    expect(detector.holding).toBe(false);
  });

  it("keeps a scan whole across one late key", () => {
    const detector = new ScanDetector({ maxKeyGapMs: 40, minLength: 4 });
    type(detector, chars("woo-hoodie"), 8, 0);
    const late = detector.onKey("-", 72 + 100);
    const rest = type(detector, [...chars("blue"), "Enter"], 8, 72 + 108);

    expect(late.release).toBe("");
    expect(rest.at(-1)?.scan).toBe("woo-hoodie-blue");
  });

  it("treats steady typing at 90 ms as typing", () => {
    const detector = new ScanDetector({ maxKeyGapMs: 40, minLength: 4 });
    const verdicts = type(detector, [...chars("12345"), "Enter"], 90);

    expect(verdicts.some((verdict) => verdict.scan !== null)).toBe(false);
    expect(verdicts.map((verdict) => verdict.release).join("")).toBe("12345");
  });

  it("ignores a short fast burst before Enter", () => {
    const detector = new ScanDetector({ maxKeyGapMs: 40, minLength: 4 });
    const verdicts = type(detector, [...chars("12"), "Enter"], 5);

    expect(verdicts.at(-1)?.scan).toBeNull();
    expect(verdicts.at(-1)?.release).toBe("12");
    expect(verdicts.at(-1)?.hold).toBe(false);
  });

  it("rejects Enter that comes long after a fast burst", () => {
    const detector = new ScanDetector({ maxKeyGapMs: 40, minLength: 4 });
    type(detector, chars("12345"), 5);
    const enter = detector.onKey("Enter", 2_000);

    expect(enter.scan).toBeNull();
    expect(enter.release).toBe("12345");
  });

  it("keeps a scan whole across Shift presses", () => {
    const detector = new ScanDetector({ maxKeyGapMs: 40, minLength: 4 });
    const verdicts = type(detector, ["Shift", "W", "O", "O", "-", "Shift", "H", "Enter"], 6);

    expect(verdicts.at(-1)?.scan).toBe("WOO-H");
  });

  it("releases held keys on a navigation key", () => {
    const detector = new ScanDetector({ maxKeyGapMs: 40, minLength: 4 });
    type(detector, chars("ab"), 5);
    const verdict = detector.onKey("Backspace", 1_010);

    expect(verdict).toEqual({ hold: false, release: "ab", scan: null });
  });

  it("detects two scans in a row", () => {
    const detector = new ScanDetector({ maxKeyGapMs: 40, minLength: 4 });
    const first = type(detector, [...chars("1111"), "Enter"], 5, 0);
    const second = type(detector, [...chars("2222"), "Enter"], 5, 30);

    expect(first.at(-1)?.scan).toBe("1111");
    expect(second.at(-1)?.scan).toBe("2222");
  });
});

describe("cleanScannedCode", () => {
  it.each([
    ["*000122521", "000122521"],
    ["*000122521*", "000122521"],
    [" 075678164125 ", "075678164125"],
    ["woo-hoodie", "woo-hoodie"],
  ])("cleans %j to %j", (raw, expected) => {
    expect(cleanScannedCode(raw)).toBe(expected);
  });
});

describe("ScanDetector with a Tab terminator", () => {
  it("ends a scan on Tab and not on Enter", () => {
    const detector = new ScanDetector({ maxKeyGapMs: 40, minLength: 4, terminator: "Tab" });
    const withEnter = type(detector, [...chars("4006381333931"), "Enter"], 6, 0);
    const withTab = type(detector, [...chars("4006381333931"), "Tab"], 6, 2_000);

    expect(withEnter.at(-1)?.scan).toBeNull();
    expect(withTab.at(-1)?.scan).toBe("4006381333931");
  });
});

describe("cleanScannedCode with affixes", () => {
  it("removes the configured prefix and suffix", () => {
    expect(cleanScannedCode("]E04006381333931#", { prefix: "]E0", suffix: "#" })).toBe(
      "4006381333931",
    );
  });

  it("keeps a code that lacks the prefix", () => {
    expect(cleanScannedCode("4006381333931", { prefix: "]E0" })).toBe("4006381333931");
  });
});

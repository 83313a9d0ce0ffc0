import { prepareZXingModule, readBarcodes, type ReadInputBarcodeFormat } from "zxing-wasm/reader";
import wasmUrl from "zxing-wasm/reader/zxing_reader.wasm?url";

/** Reads a barcode from one camera frame, or returns null when the frame shows none. */
export interface FrameDecoder {
  kind: "native" | "wasm";
  decode: (frame: ImageData) => Promise<string | null>;
}

/** The retail and warehouse symbologies a till meets on products and shelf labels. */
const wasmFormats: ReadInputBarcodeFormat[] = [
  "EAN13",
  "EAN8",
  "UPCA",
  "UPCE",
  "ITF14",
  "Code128",
  "Code39",
];
const nativeFormats = ["ean_13", "ean_8", "upc_a", "upc_e", "itf", "code_128", "code_39"];

/** The part of the Barcode Detection API this file uses; TypeScript's DOM library lacks it. */
interface NativeBarcodeDetector {
  detect(source: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}
interface NativeBarcodeDetectorClass {
  new (options: { formats: string[] }): NativeBarcodeDetector;
  getSupportedFormats(): Promise<string[]>;
}

/**
 * Returns the browser's BarcodeDetector where it reads EAN-13 (Chrome on Android, ChromeOS and
 * macOS), otherwise the ZXing WebAssembly reader. The .wasm file is part of the till's build,
 * served by the store server and precached by the service worker, so decoding works offline
 * and never loads code from another host.
 */
export async function createFrameDecoder(): Promise<FrameDecoder> {
  const native = await nativeDetector();
  if (native) {
    return {
      kind: "native",
      decode: async (frame) => (await native.detect(frame))[0]?.rawValue ?? null,
    };
  }

  await prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) =>
        path.endsWith(".wasm") ? wasmUrl : prefix + path,
    },
    fireImmediately: true,
  });
  return {
    kind: "wasm",
    decode: async (frame) => {
      const [first] = await readBarcodes(frame, { formats: wasmFormats, tryHarder: true });
      return first?.isValid ? first.text : null;
    },
  };
}

async function nativeDetector(): Promise<NativeBarcodeDetector | null> {
  const Detector = (globalThis as { BarcodeDetector?: NativeBarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  const supported = await Detector.getSupportedFormats();
  if (!supported.includes("ean_13")) return null;
  return new Detector({ formats: nativeFormats.filter((format) => supported.includes(format)) });
}

import { useEffect, useRef, useState } from "react";
import { createFrameDecoder } from "./frame-decoder.js";

interface CameraScannerProps {
  onScan: (code: string) => void;
  onClose: () => void;
}

/** The pause between two decoded frames; decoding every video frame would load the CPU. */
const frameIntervalMs = 150;

/**
 * Shows the camera and reads barcodes from its frames until one decodes, then hands the code
 * to `onScan` and closes. Uses the rear camera where the device has one.
 */
export function CameraScanner({ onScan, onClose }: CameraScannerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState("Starting the camera…");
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    dialog.current?.showModal();
    const element = video.current;
    if (!element) return;
    let stopped = false;
    let stream: MediaStream | null = null;

    const run = async () => {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: "environment" },
        audio: false,
      });
      element.srcObject = stream;
      await element.play();
      const decoder = await createFrameDecoder();
      setStatus(
        `Point the camera at a barcode (${decoder.kind === "native" ? "built-in" : "WebAssembly"} reader).`,
      );
      while (!stopped) {
        const code = await decoder.decode(grabFrame(element));
        if (code && !stopped) {
          onScanRef.current(code);
          dialog.current?.close();
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, frameIntervalMs));
      }
    };
    run().catch((failure: unknown) => {
      const text = failure instanceof Error ? failure.message : String(failure);
      setStatus(
        `The camera could not be used: ${text}. Allow camera access, or scan with the scanner.`,
      );
    });

    return () => {
      stopped = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  return (
    <dialog ref={dialog} className="dialog camera" aria-label="Camera scanner" onClose={onClose}>
      <video ref={video} muted playsInline aria-label="Camera picture" />
      <p role="status">{status}</p>
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          Close camera
        </button>
      </div>
    </dialog>
  );
}

/** Copies the current video frame into pixels the decoders read. */
function grabFrame(video: HTMLVideoElement): ImageData {
  const width = video.videoWidth || 640;
  const height = video.videoHeight || 480;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("this browser cannot read camera frames (no 2D canvas)");
  context.drawImage(video, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

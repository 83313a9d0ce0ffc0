import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { chromiumFlags, chromiumPath } from "../support/chromium.js";
import { demoPassword, StoreServer } from "../support/store-server.js";

const barcode = "4006381333931";

/** EAN-13 left-half codes of odd (L) and even (G) parity, and right-half (R) codes. */
const lCodes = [
  "0001101",
  "0011001",
  "0010011",
  "0111101",
  "0100011",
  "0110001",
  "0101111",
  "0111011",
  "0110111",
  "0001011",
];
const gCodes = [
  "0100111",
  "0110011",
  "0011011",
  "0100001",
  "0011101",
  "0111001",
  "0000101",
  "0010001",
  "0001001",
  "0010111",
];
const rCodes = [
  "1110010",
  "1100110",
  "1101100",
  "1000010",
  "1011100",
  "1001110",
  "1010000",
  "1000100",
  "1001000",
  "1110100",
];
/** The parity of the six left digits, chosen by the first digit. */
const parities = [
  "LLLLLL",
  "LLGLGG",
  "LLGGLG",
  "LLGGGL",
  "LGLLGG",
  "LGGLLG",
  "LGGGLL",
  "LGLGLG",
  "LGLGGL",
  "LGGLGL",
];

/** Returns the 95 modules of an EAN-13 symbol, "1" for a bar. */
function ean13Modules(code: string): string {
  const digits = [...code].map(Number);
  const first = digits[0] ?? 0;
  const left = digits.slice(1, 7).map((digit, index) => {
    const codes = parities[first]?.[index] === "G" ? gCodes : lCodes;
    return codes[digit] ?? "";
  });
  const right = digits.slice(7).map((digit) => rCodes[digit] ?? "");
  return `101${left.join("")}01010${right.join("")}101`;
}

/**
 * Writes a Y4M video (the format Chromium's fake camera reads) whose frames show the barcode,
 * black bars on white, centred with a quiet zone, as a camera held over a label would see it.
 */
function writeBarcodeVideo(code: string): string {
  const width = 640;
  const height = 480;
  const moduleWidthPx = 5;
  const modules = ean13Modules(code);
  const leftPx = Math.floor((width - modules.length * moduleWidthPx) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 100; y < 380; y++) {
    for (let x = 0; x < modules.length * moduleWidthPx; x++) {
      if (modules[Math.floor(x / moduleWidthPx)] === "1") luma[y * width + leftPx + x] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  const path = join(tmpdir(), `pos-e2e-barcode-${process.pid}.y4m`);
  writeFileSync(path, Buffer.concat([header, frame, frame, frame]));
  return path;
}

const videoPath = writeBarcodeVideo(barcode);

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [
      ...chromiumFlags,
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${videoPath}`,
    ],
  },
});

let store: StoreServer;

test.beforeAll(async () => {
  store = await StoreServer.launch();
  const login = await fetch(`${store.url}/wp-json/pos/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "manager", password: demoPassword }),
  });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const created = await fetch(`${store.url}/wp-json/wc/v3/products`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: "Notebook", regular_price: "6.50", global_unique_id: barcode }),
  });
  if (!created.ok) throw new Error(`creating the product failed with ${created.status}`);
});

test.afterAll(async () => {
  await store.dispose();
});

test("decodes an EAN-13 from the camera into the cart", async ({ page, context }) => {
  await context.grantPermissions(["camera"]);
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  await page.goto(store.url);
  await page.getByLabel("Username").fill("cashier");
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  const cart = page.getByRole("region", { name: "Cart" });
  // The product exists once the catalogue has it; search for it to know it synced.
  await page.getByRole("searchbox", { name: "Search products" }).fill("notebook");
  await expect(page.getByRole("button", { name: "Notebook" })).toBeVisible({ timeout: 60_000 });

  await page.getByRole("button", { name: "Scan with camera" }).click();

  await expect(cart.getByText("Notebook", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("dialog", { name: "Camera scanner" })).toBeHidden();
  // The decoder came from the till's own build, or from the service worker's cache of it.
  const wasm = requested.filter((url) => url.endsWith(".wasm"));
  expect(wasm.length).toBeGreaterThan(0);
  expect(wasm.every((url) => url.startsWith(store.url))).toBe(true);
  expect(requested.filter((url) => !url.startsWith(store.url) && !url.startsWith("data:"))).toEqual(
    [],
  );
});

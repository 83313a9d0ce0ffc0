import { describe, expect, it } from "vitest";

import { normaliseStoreOrigin } from "./store-origin.js";

describe("normaliseStoreOrigin", () => {
  it.each([
    ["https://shop.example", "https://shop.example"],
    ["HTTPS://Shop.EXAMPLE", "https://shop.example"],
    ["https://shop.example:443/", "https://shop.example"],
    ["http://shop.example:80", "http://shop.example"],
    ["https://shop.example:8443", "https://shop.example:8443"],
    ["http://shop.example:443", "http://shop.example:443"],
    ["https://shop.example./pos/?x=1#y", "https://shop.example"],
    ["https://user:secret@shop.example", "https://shop.example"],
    ["  https://shop.example  ", "https://shop.example"],
    ["https://bücher.example", "https://xn--bcher-kva.example"],
    ["http://[::1]:8080", "http://[::1]:8080"],
    ["http://127.0.0.1:3000/", "http://127.0.0.1:3000"],
  ])("normalises %s", (address, origin) => {
    expect(normaliseStoreOrigin(address)).toEqual({ ok: true, origin });
  });

  it.each(["", "shop.example", "ftp://shop.example", "file:///tmp/x", "https://", "data:,x"])(
    "rejects %j",
    (address) => {
      const result = normaliseStoreOrigin(address);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain(`"${address}"`);
    },
  );
});

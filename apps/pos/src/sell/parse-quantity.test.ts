import { describe, expect, it } from "vitest";
import { maxLineQuantity } from "../cart/cart-reducer.js";
import { parseQuantity } from "./CartLineRow.js";

describe("parseQuantity", () => {
  it.each([
    ["1", 1],
    [" 12 ", 12],
    [String(maxLineQuantity), maxLineQuantity],
  ])("reads %j as %i", (text, expected) => {
    expect(parseQuantity(text)).toBe(expected);
  });

  it.each([["0"], [String(maxLineQuantity + 1)], ["99999999999"], ["2.5"], ["-2"], ["1e3"], [""]])(
    "rejects %j without saving it",
    (text) => {
      expect(parseQuantity(text)).toBeNull();
    },
  );
});

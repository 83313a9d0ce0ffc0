import { describe, expect, it } from "vitest";
import type { Variation } from "@pos/core";
import { matchVariation, optionIsSold } from "./line-from-catalog.js";

function variation(id: number, options: Record<string, string>): Variation {
  return {
    id,
    attributes: Object.entries(options).map(([name, option]) => ({ name, option })),
  } as unknown as Variation;
}

// A hoodie sold as Red/Yes, Red/No and Blue/No, plus one Green variation for any logo.
const hoodies = [
  variation(1, { Color: "Red", Logo: "Yes" }),
  variation(2, { Color: "Red", Logo: "No" }),
  variation(3, { Color: "Blue", Logo: "No" }),
  variation(4, { Color: "Green", Logo: "" }),
];

describe("optionIsSold", () => {
  it("finds an option with no other choice", () => {
    expect(optionIsSold(hoodies, {}, "Color", "Blue")).toBe(true);
    expect(optionIsSold(hoodies, {}, "Color", "Purple")).toBe(false);
  });

  it("checks the other attributes' choices", () => {
    expect(optionIsSold(hoodies, { Logo: "Yes" }, "Color", "Blue")).toBe(false);
    expect(optionIsSold(hoodies, { Logo: "Yes" }, "Color", "Red")).toBe(true);
    expect(optionIsSold(hoodies, { Color: "Blue" }, "Logo", "Yes")).toBe(false);
  });

  it("reads an empty option as any", () => {
    expect(optionIsSold(hoodies, { Color: "Green" }, "Logo", "Yes")).toBe(true);
    expect(matchVariation(hoodies, { Color: "Green", Logo: "Yes" })?.id).toBe(4);
  });

  it("replaces the attribute's earlier choice", () => {
    expect(optionIsSold(hoodies, { Color: "Blue", Logo: "No" }, "Color", "Red")).toBe(true);
  });
});

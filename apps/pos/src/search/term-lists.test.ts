import { describe, expect, it } from "vitest";
import { boundedEditDistance, SortedTerms, TermsByLength } from "./term-lists.js";

describe("boundedEditDistance", () => {
  it.each([
    ["beanie", "beanie", 2, 0],
    ["beenie", "beanie", 2, 1],
    ["hodie", "hoodie", 2, 1],
    ["kitten", "sitting", 3, 3],
    ["kitten", "sitting", 2, 3],
    ["mug", "mugwort", 2, 3],
  ])("%s to %s within %i is %i", (a, b, maxEdits, expected) => {
    expect(boundedEditDistance(a, b, maxEdits)).toBe(expected);
  });
});

describe("SortedTerms", () => {
  it("finds prefixes before and after a merge", () => {
    const terms = new SortedTerms();
    terms.add("mug");
    terms.add("mugwort");
    expect(terms.withPrefix("mug").sort()).toEqual(["mug", "mugwort"]);

    // More than 1,024 pending terms start a merge into the sorted list.
    for (let n = 0; n < 2000; n++) terms.add(`sku${String(n).padStart(4, "0")}`);

    expect(terms.withPrefix("mug").sort()).toEqual(["mug", "mugwort"]);
    expect(terms.withPrefix("sku199")).toHaveLength(10);
  });

  it("skips removed terms and finds them when added again", () => {
    const terms = new SortedTerms();
    for (let n = 0; n < 1500; n++) terms.add(`t${n}`);
    terms.remove("t1499");
    expect(terms.withPrefix("t1499")).toEqual([]);

    terms.add("t1499");
    expect(terms.withPrefix("t1499")).toEqual(["t1499"]);
  });
});

describe("TermsByLength", () => {
  it("lists words within the edits", () => {
    const terms = new TermsByLength();
    for (const word of ["hoodie", "hoodies", "beanie", "hood"]) terms.add(word);

    expect(terms.within("hodie", 1)).toEqual([{ term: "hoodie", edits: 1 }]);
    terms.remove("hoodie");
    expect(terms.within("hodie", 1)).toEqual([]);
  });
});

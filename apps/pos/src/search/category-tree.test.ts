import { describe, expect, it } from "vitest";
import type { Category } from "@pos/core";
import { withDescendants } from "./category-tree.js";

const category = (id: number, parentId: number): Category => ({
  id,
  parentId,
  name: `Category ${id}`,
  slug: `category-${id}`,
  count: 0,
});

describe("withDescendants", () => {
  const tree = [category(1, 0), category(2, 1), category(3, 2), category(4, 0), category(5, 1)];

  it("includes children and grandchildren", () => {
    expect(withDescendants(1, tree).sort()).toEqual([1, 2, 3, 5]);
  });

  it("returns a leaf alone", () => {
    expect(withDescendants(4, tree)).toEqual([4]);
  });

  it("stops on a parent loop", () => {
    const looped = [category(7, 8), category(8, 7)];

    expect(withDescendants(7, looped).sort()).toEqual([7, 8]);
  });
});

import type { Category } from "@pos/core";

/** Returns a category with all categories below it, as WooCommerce's category filter does. */
export function withDescendants(rootId: number, categories: readonly Category[]): number[] {
  const ids = [rootId];
  for (let index = 0; index < ids.length; index++) {
    const parentId = ids[index];
    for (const category of categories) {
      if (category.parentId === parentId && !ids.includes(category.id)) ids.push(category.id);
    }
  }
  return ids;
}

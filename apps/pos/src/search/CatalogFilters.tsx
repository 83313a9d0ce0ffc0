import { useEffect, useId, useState, useSyncExternalStore } from "react";
import type { Category, Tag } from "@pos/core";
import { useTill } from "../till/till-context.js";
import type { CatalogSettings } from "./catalog-settings.js";
import type { CatalogSort, StockFilter } from "./catalog-query.js";

/** The filters and the sort the cashier chose; ids are the chosen category and tag. */
export interface FilterChoice {
  categoryId: number | null;
  tagId: number | null;
  stock: StockFilter;
  onSale: boolean;
  featured: boolean;
  sort: CatalogSort;
}

export const noFilters: FilterChoice = {
  categoryId: null,
  tagId: null,
  stock: "any",
  onSale: false,
  featured: false,
  sort: "relevance",
};

interface CatalogFiltersProps {
  choice: FilterChoice;
  onChoice: (choice: FilterChoice) => void;
  settings: CatalogSettings;
  onSettings: (change: Partial<CatalogSettings>) => void;
}

const sorts: { value: CatalogSort; label: string }[] = [
  { value: "relevance", label: "Best match" },
  { value: "name", label: "Name" },
  { value: "price", label: "Price, low to high" },
  { value: "newest", label: "Newest" },
  { value: "popularity", label: "Best selling" },
];

const stockFilters: { value: StockFilter; label: string }[] = [
  { value: "any", label: "Any stock" },
  { value: "instock", label: "In stock" },
  { value: "outofstock", label: "Out of stock" },
  { value: "onbackorder", label: "On backorder" },
];

/** Renders the category, tag, stock, sale and featured filters, the sort and the view. */
export function CatalogFilters({ choice, onChoice, settings, onSettings }: CatalogFiltersProps) {
  const ids = useId();
  const { categories, tags } = useTerms();
  const set = (change: Partial<FilterChoice>) => onChoice({ ...choice, ...change });
  const idOf = (value: string) => (value ? Number(value) : null);

  return (
    <div className="catalog-filter-bar">
      <label htmlFor={`${ids}-category`}>Category</label>
      <select
        id={`${ids}-category`}
        value={choice.categoryId ?? ""}
        onChange={(event) => set({ categoryId: idOf(event.target.value) })}
      >
        <option value="">All categories</option>
        {categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${ids}-tag`}>Tag</label>
      <select
        id={`${ids}-tag`}
        value={choice.tagId ?? ""}
        onChange={(event) => set({ tagId: idOf(event.target.value) })}
      >
        <option value="">All tags</option>
        {tags.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${ids}-stock`}>Stock</label>
      <select
        id={`${ids}-stock`}
        value={choice.stock}
        onChange={(event) => set({ stock: event.target.value as StockFilter })}
      >
        {stockFilters.map(({ value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label htmlFor={`${ids}-sort`}>Sort by</label>
      <select
        id={`${ids}-sort`}
        value={choice.sort}
        onChange={(event) => set({ sort: event.target.value as CatalogSort })}
      >
        {sorts.map(({ value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <label className="check">
        <input
          type="checkbox"
          checked={choice.onSale}
          onChange={(event) => set({ onSale: event.target.checked })}
        />
        On sale
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={choice.featured}
          onChange={(event) => set({ featured: event.target.checked })}
        />
        Featured
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.showOutOfStock}
          onChange={(event) => onSettings({ showOutOfStock: event.target.checked })}
        />
        Show out-of-stock products
      </label>
      <label htmlFor={`${ids}-view`}>View</label>
      <select
        id={`${ids}-view`}
        value={settings.view}
        onChange={(event) => onSettings({ view: event.target.value as CatalogSettings["view"] })}
      >
        <option value="grid">Grid</option>
        <option value="list">List</option>
      </select>
    </div>
  );
}

/** Reads categories and tags, again whenever the sync progresses. */
function useTerms(): { categories: Category[]; tags: Tag[] } {
  const { catalog, catalogWorker } = useTill();
  const status = useSyncExternalStore(catalogWorker.subscribe, catalogWorker.getStatus);
  const [terms, setTerms] = useState<{ categories: Category[]; tags: Tag[] }>({
    categories: [],
    tags: [],
  });

  useEffect(() => {
    let current = true;
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    void Promise.all([catalog.categories.toArray(), catalog.tags.toArray()]).then(
      ([categories, tags]) => {
        if (current) setTerms({ categories: categories.sort(byName), tags: tags.sort(byName) });
      },
    );
    return () => {
      current = false;
    };
  }, [catalog, status]);

  return terms;
}

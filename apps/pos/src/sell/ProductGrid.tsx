import {
  useEffect,
  useId,
  useMemo,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type RefObject,
} from "react";
import { toMoney, type Category } from "@pos/core";
import { itemTitle } from "../cart/line-from-catalog.js";
import { catalogPrice, displayMoney } from "../money/display-money.js";
import { withDescendants } from "../search/category-tree.js";
import { useCatalogSearch, type CatalogTile } from "../search/use-catalog-search.js";
import { useTill } from "../till/till-context.js";

interface ProductGridProps {
  searchRef: RefObject<HTMLInputElement | null>;
  onPick: (tile: CatalogTile) => void;
  /** Looks up the typed text as an exact SKU or barcode; returns true when it added an item. */
  onSubmitCode: (code: string) => Promise<boolean>;
}

/** Renders the search box, the category filter and the tiles of matching products and variations. */
export function ProductGrid({ searchRef, onPick, onSubmitCode }: ProductGridProps) {
  const ids = useId();
  const [text, setText] = useState("");
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const categories = useCategories();
  const categoryIds = useMemo(
    () => (categoryId === null ? null : withDescendants(categoryId, categories)),
    [categoryId, categories],
  );
  const tiles = useCatalogSearch(text, categoryIds);

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter" || !text.trim()) return;
    event.preventDefault();
    if (await onSubmitCode(text.trim())) {
      setText("");
      return;
    }
    const only = tiles.length === 1 ? tiles[0] : undefined;
    if (only) onPick(only);
  };

  return (
    <section className="catalog" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="visually-hidden">
        Products
      </h2>
      <div className="catalog-filters">
        <label htmlFor={`${ids}-search`}>Search products</label>
        <input
          ref={searchRef}
          id={`${ids}-search`}
          aria-keyshortcuts="F2"
          type="search"
          placeholder="Name, SKU or barcode"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => void onKeyDown(event)}
          autoComplete="off"
        />
        <label htmlFor={`${ids}-category`}>Category</label>
        <select
          id={`${ids}-category`}
          value={categoryId ?? ""}
          onChange={(event) =>
            setCategoryId(event.target.value ? Number(event.target.value) : null)
          }
        >
          <option value="">All categories</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </div>
      {tiles.length === 0 ? (
        <p className="empty">{text ? `No products match "${text}".` : "No products yet."}</p>
      ) : (
        <ul className="tiles">
          {tiles.map((tile) => (
            <li key={`${tile.kind}-${tileItemId(tile)}`}>
              <TileButton tile={tile} onPick={onPick} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TileButton({ tile, onPick }: { tile: CatalogTile; onPick: (tile: CatalogTile) => void }) {
  const { session } = useTill();
  const name = tileName(tile);
  const item = tile.kind === "product" ? tile.product : tile.variation;
  const isVariable = tile.kind === "product" && tile.product.type === "variable";

  return (
    <button type="button" className="tile" aria-label={name} onClick={() => onPick(tile)}>
      <span className="tile-name">{name}</span>
      <span className="tile-price">{isVariable ? "Choose options" : priceText(item.price)}</span>
      <span className="tile-sku">{item.sku}</span>
      {item.stockStatus === "outofstock" && <span className="tile-stock">Out of stock</span>}
    </button>
  );

  function priceText(price: string): string {
    try {
      return displayMoney(catalogPrice(price, session.store), session.store);
    } catch {
      return displayMoney(toMoney(0), session.store);
    }
  }
}

export function tileName(tile: CatalogTile): string {
  if (tile.kind === "product") return tile.product.name;
  return itemTitle(tile.parent.name, tile.variation.attributes);
}

function tileItemId(tile: CatalogTile): number {
  return tile.kind === "product" ? tile.product.id : tile.variation.id;
}

function useCategories(): Category[] {
  const { catalog, catalogWorker } = useTill();
  const status = useSyncExternalStore(catalogWorker.subscribe, catalogWorker.getStatus);
  const [categories, setCategories] = useState<Category[]>([]);

  useEffect(() => {
    let current = true;
    void catalog.categories.toArray().then((found) => {
      if (current) setCategories(found.sort((a, b) => a.name.localeCompare(b.name)));
    });
    return () => {
      current = false;
    };
  }, [catalog, status]);

  return categories;
}

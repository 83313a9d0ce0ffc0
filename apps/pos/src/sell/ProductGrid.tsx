import { useId, useMemo, useState, type KeyboardEvent } from "react";
import type { RefObject } from "react";
import { toMoney } from "@pos/core";
import { itemTitle } from "../cart/line-from-catalog.js";
import { catalogPrice, displayMoney } from "../money/display-money.js";
import { CatalogFilters, noFilters, type FilterChoice } from "../search/CatalogFilters.js";
import { useCatalogSettings } from "../search/catalog-settings.js";
import { hitOfCode } from "../search/catalog-index.js";
import { withDescendants } from "../search/category-tree.js";
import { readTiles, useCatalogSearch, type CatalogTile } from "../search/use-catalog-search.js";
import { useServerFallback, type ServerFallback } from "../search/use-server-fallback.js";
import { VirtualTiles } from "../search/VirtualTiles.js";
import { CameraScanner } from "../scanner/CameraScanner.js";
import { useTill } from "../till/till-context.js";
import { useCategories } from "../search/use-categories.js";

interface ProductGridProps {
  searchRef: RefObject<HTMLInputElement | null>;
  onPick: (tile: CatalogTile) => void;
  /** Looks up the typed text as an exact SKU or barcode; returns true when it added an item. */
  onSubmitCode: (code: string) => Promise<boolean>;
}

/** Renders the search box, the filters and the matching products and variations. */
export function ProductGrid({ searchRef, onPick, onSubmitCode }: ProductGridProps) {
  const ids = useId();
  const { catalog } = useTill();
  const [text, setText] = useState("");
  const [cameraOpen, setCameraOpen] = useState(false);
  const [choice, setChoice] = useState<FilterChoice>(noFilters);
  const [settings, changeSettings] = useCatalogSettings();
  const categories = useCategories();
  const categoryIds = useMemo(
    () => (choice.categoryId === null ? null : withDescendants(choice.categoryId, categories)),
    [choice.categoryId, categories],
  );
  const query = {
    text,
    categoryIds,
    tagIds: choice.tagId === null ? null : [choice.tagId],
    stock: choice.stock,
    onSale: choice.onSale,
    featured: choice.featured,
    showOutOfStock: settings.showOutOfStock,
    sort: choice.sort,
  };
  const search = useCatalogSearch(query);
  const fallback = useServerFallback(text, !search.settled || search.codes.length > 0);

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter" || !text.trim()) return;
    event.preventDefault();
    if (await onSubmitCode(text.trim())) {
      setText("");
      return;
    }
    const [only] =
      search.codes.length === 1 ? await readTiles(catalog, [...search.codes].map(hitOfCode)) : [];
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
          placeholder="Name, SKU, barcode, category or tag"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => void onKeyDown(event)}
          autoComplete="off"
        />
        <button type="button" onClick={() => setCameraOpen(true)}>
          Scan with camera
        </button>
        {cameraOpen && (
          <CameraScanner
            onScan={(code) => void onSubmitCode(code)}
            onClose={() => setCameraOpen(false)}
          />
        )}
      </div>
      <CatalogFilters
        choice={choice}
        onChoice={setChoice}
        settings={settings}
        onSettings={changeSettings}
      />
      <SearchNote text={text} found={search.codes.length} fallback={fallback} />
      {search.codes.length === 0 ? (
        <p className="empty">{emptyText(text, search.settled, fallback)}</p>
      ) : (
        <VirtualTiles
          codes={search.codes}
          view={settings.view}
          indexVersion={search.indexVersion}
          label={`Products (${search.codes.length})`}
          resetKey={JSON.stringify(query)}
          renderTile={(tile) => <TileButton tile={tile} onPick={onPick} />}
        />
      )}
    </section>
  );
}

/** Says how many items matched and whether the store was searched too. */
function SearchNote(props: { text: string; found: number; fallback: ServerFallback }) {
  const { text, found, fallback } = props;
  if (!text.trim()) return null;
  const where =
    fallback.state === "found"
      ? "found in the store and added to this till"
      : "from this till's copy of the catalogue";
  const offline = fallback.state === "offline" ? " (offline, so the store was not searched)" : "";
  return (
    <p className="search-note" role="status">
      {found === 1 ? "1 match" : `${found} matches`} {where}
      {offline}.
    </p>
  );
}

function emptyText(text: string, settled: boolean, fallback: ServerFallback): string {
  if (!text.trim()) return settled ? "No products yet." : "Loading products…";
  switch (fallback.state) {
    case "searching":
      return `Nothing matches "${text}" on this till; searching the store…`;
    case "failed":
      return `Nothing matches "${text}" on this till, and the store search failed: ${fallback.message}.`;
    case "offline":
      return `No products match "${text}" on this till. The store is offline, so only local products were searched.`;
    default:
      return `No products match "${text}" on this till or in the store.`;
  }
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

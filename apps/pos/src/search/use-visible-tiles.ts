import { useEffect, useState } from "react";
import { useTill } from "../till/till-context.js";
import { hitOfCode } from "./catalog-index.js";
import { hitKey, readTiles, tileKey, type CatalogTile } from "./use-catalog-search.js";

/**
 * Reads the records of the hit codes from `start` to `end` (exclusive) from the catalogue database.
 * Tiles read earlier stay until the index changes, so scrolling back shows them at once.
 */
export function useVisibleTiles(
  codes: Int32Array,
  start: number,
  end: number,
  indexVersion: number,
): Map<string, CatalogTile> {
  const { catalog } = useTill();
  const [cache, setCache] = useState<{ version: number; tiles: Map<string, CatalogTile> }>({
    version: indexVersion,
    tiles: new Map(),
  });

  useEffect(() => {
    const known = cache.version === indexVersion ? cache.tiles : new Map<string, CatalogTile>();
    const missing = [...codes.subarray(start, end)]
      .map(hitOfCode)
      .filter((hit) => !known.has(hitKey(hit)));
    if (missing.length === 0 && cache.version === indexVersion) return;

    let current = true;
    void readTiles(catalog, missing).then((found) => {
      if (!current) return;
      const tiles = new Map(known);
      for (const tile of found) tiles.set(tileKey(tile), tile);
      setCache({ version: indexVersion, tiles });
    });
    return () => {
      current = false;
    };
  }, [catalog, codes, start, end, indexVersion, cache]);

  return cache.tiles;
}

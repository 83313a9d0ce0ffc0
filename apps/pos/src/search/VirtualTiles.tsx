import { useEffect, useRef, useState, type ReactNode } from "react";
import { hitOfCode } from "./catalog-index.js";
import { hitKey, type CatalogTile } from "./use-catalog-search.js";
import { useVisibleTiles } from "./use-visible-tiles.js";

interface VirtualTilesProps {
  /** Product ids, and variation ids negated. */
  codes: Int32Array;
  view: "grid" | "list";
  indexVersion: number;
  label: string;
  /** The list scrolls back to the top when this changes (a new query, not a sync). */
  resetKey: string;
  renderTile: (tile: CatalogTile) => ReactNode;
}

/** Layout of each view in CSS pixels; tiles and rows have a fixed height so rows can be skipped. */
const layouts = {
  grid: { minColumnWidthPx: 170, rowHeightPx: 104 },
  list: { minColumnWidthPx: Number.POSITIVE_INFINITY, rowHeightPx: 48 },
} as const;

/** Rows rendered above and below the visible ones, so fast scrolling shows no gap. */
const overscanRows = 4;

/**
 * Lists hits in a scrolling grid or list that renders only the rows on screen, so 100,000
 * products cost as much to show as a screenful. Records are read for the rendered rows only.
 */
export function VirtualTiles(props: VirtualTilesProps) {
  const { codes, view, indexVersion, label, resetKey, renderTile } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ widthPx: 800, heightPx: 600, scrollTopPx: 0 });
  useViewport(scroller, setViewport);

  const layout = layouts[view];
  const columns = Math.max(1, Math.floor(viewport.widthPx / layout.minColumnWidthPx));
  const rowCount = Math.ceil(codes.length / columns);
  const firstRow = Math.max(
    0,
    Math.floor(viewport.scrollTopPx / layout.rowHeightPx) - overscanRows,
  );
  const visibleRows = Math.ceil(viewport.heightPx / layout.rowHeightPx) + 2 * overscanRows;
  const start = firstRow * columns;
  const end = Math.min(codes.length, (firstRow + visibleRows) * columns);
  const tiles = useVisibleTiles(codes, start, end, indexVersion);

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  return (
    <div ref={scroller} className="tiles-scroller">
      <ul
        className={`tiles tiles-${view}`}
        aria-label={label}
        style={{
          height: `${rowCount * layout.rowHeightPx}px`,
          gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
        }}
      >
        {[...codes.subarray(start, end)].map((code, offset) => {
          const index = start + offset;
          const hit = hitOfCode(code);
          const tile = tiles.get(hitKey(hit));
          return (
            <li
              key={hitKey(hit)}
              className="tile-slot"
              style={{
                top: `${Math.floor(index / columns) * layout.rowHeightPx}px`,
                left: `${((index % columns) * 100) / columns}%`,
                width: `${100 / columns}%`,
                height: `${layout.rowHeightPx}px`,
              }}
            >
              {tile ? renderTile(tile) : <span className="tile tile-loading">Loading…</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

type Viewport = { widthPx: number; heightPx: number; scrollTopPx: number };

function useViewport(
  scroller: React.RefObject<HTMLDivElement | null>,
  setViewport: (viewport: Viewport) => void,
): void {
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () =>
      setViewport({
        widthPx: element.clientWidth,
        heightPx: element.clientHeight,
        scrollTopPx: element.scrollTop,
      });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", measure);
    };
  }, [scroller, setViewport]);
}

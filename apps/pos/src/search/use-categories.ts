import { useEffect, useState, useSyncExternalStore } from "react";
import type { Category } from "@pos/core";
import { useTill } from "../till/till-context.js";

/** Reads the catalogue's categories by name, again whenever the sync progresses. */
export function useCategories(): Category[] {
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

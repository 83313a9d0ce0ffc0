import { useCallback, useEffect, useState } from "react";
import { useTill } from "../till/till-context.js";
import {
  loadDefaultCustomer,
  saveDefaultCustomer,
  type DefaultCustomer,
} from "./default-customer.js";

/** Returns this register's default customer and a function that changes it. */
export function useDefaultCustomer(): [DefaultCustomer, (next: DefaultCustomer) => void] {
  const { salesDb } = useTill();
  const [value, setValue] = useState<DefaultCustomer>(null);

  useEffect(() => {
    let live = true;
    void loadDefaultCustomer(salesDb).then((loaded) => {
      if (live) setValue(loaded);
    });
    return () => {
      live = false;
    };
  }, [salesDb]);

  const change = useCallback(
    (next: DefaultCustomer) => {
      setValue(next);
      void saveDefaultCustomer(salesDb, next);
    },
    [salesDb],
  );
  return [value, change];
}

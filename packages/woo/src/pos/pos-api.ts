import type { z } from "zod";
import type { CatalogCollection } from "@pos/core";
import type { WooClient } from "../client/woo-client.js";
import {
  posChangesHeadSchema,
  posChangesSchema,
  posPingSchema,
  posSnapshotSchema,
  posStoreSchema,
  posTokensSchema,
  type PosChanges,
  type PosLoginRequest,
  type PosStore,
  type PosTokens,
} from "./pos-schemas.js";
import type { CatalogRecordByCollection } from "./catalog-schemas.js";

export interface PosSnapshotPage<C extends CatalogCollection> {
  records: CatalogRecordByCollection[C][];
  nextAfter: number | null;
  total: number;
}

export type PosChangesResult =
  | { changed: true; changes: PosChanges; etag: string | null }
  | { changed: false; etag: string | null };

/** Client of the pos/v1 routes of docs/pos-api.md; each response is checked with its schema. */
export class PosApi {
  constructor(readonly client: WooClient) {}

  async login(body: PosLoginRequest, signal?: AbortSignal): Promise<PosTokens> {
    const response = await this.client.request({
      method: "POST",
      route: "pos/v1/auth/login",
      body,
      schema: posTokensSchema,
      signal,
    });
    return response.data;
  }

  /** Trades a refresh token for a new pair; the old refresh token stops working. */
  async refresh(refreshToken: string, signal?: AbortSignal): Promise<PosTokens> {
    const response = await this.client.request({
      method: "POST",
      route: "pos/v1/auth/refresh",
      body: { refresh_token: refreshToken },
      schema: posTokensSchema,
      signal,
    });
    return response.data;
  }

  async store(signal?: AbortSignal): Promise<PosStore> {
    return (await this.client.request({ route: "pos/v1/store", schema: posStoreSchema, signal }))
      .data;
  }

  async ping(signal?: AbortSignal): Promise<{ ok: true; time_gmt: string }> {
    return (await this.client.request({ route: "pos/v1/ping", schema: posPingSchema, signal }))
      .data;
  }

  async changesHead(signal?: AbortSignal): Promise<number> {
    const response = await this.client.request({
      route: "pos/v1/changes/head",
      schema: posChangesHeadSchema,
      signal,
    });
    return response.data.head;
  }

  async snapshot<C extends CatalogCollection>(
    collection: C,
    after: number,
    limit: number,
    signal?: AbortSignal,
  ): Promise<PosSnapshotPage<C>> {
    const response = await this.client.request({
      route: `pos/v1/snapshot/${collection}`,
      query: { after, limit },
      schema: posSnapshotSchema(collection) as z.ZodType<{
        records: CatalogRecordByCollection[C][];
        next_after: number | null;
        total: number;
      }>,
      signal,
    });
    const { records, next_after: nextAfter, total } = response.data;
    return { records, nextAfter, total };
  }

  /** Reads the change feed after `since`; with a matching `etag` a 304 returns no changes. */
  async changes(
    since: number,
    limit: number,
    etag: string | null,
    signal?: AbortSignal,
  ): Promise<PosChangesResult> {
    const response = await this.client.requestIfChanged({
      route: "pos/v1/changes",
      query: { since, limit },
      schema: posChangesSchema,
      ifNoneMatch: etag,
      signal,
    });
    if (!response.changed) return { changed: false, etag: response.etag ?? etag };
    return { changed: true, changes: response.data, etag: response.etag };
  }
}

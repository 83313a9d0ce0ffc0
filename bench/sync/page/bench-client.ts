import { PosApi, WooClient, type PosTokens } from "@pos/woo";

/** When a request was sent and when its response headers arrived, in `performance.now()` ms. */
export interface FetchTiming {
  url: string;
  startedMs: number;
  headersMs: number;
}

/**
 * A bearer-token client of the server that served this page, refreshing its token on 401.
 * Every request's timing is pushed to `timings`.
 */
export async function openBenchClient(
  username: string,
  password: string,
  timings: FetchTiming[],
): Promise<WooClient> {
  const baseUrl = location.origin;
  const timedFetch: typeof fetch = async (input, init) => {
    const startedMs = performance.now();
    const response = await fetch(input, init);
    const url = input instanceof Request ? input.url : input.toString();
    timings.push({ url, startedMs, headersMs: performance.now() });
    return response;
  };
  let tokens: PosTokens = await new PosApi(new WooClient({ baseUrl })).login({
    username,
    password,
  });
  return new WooClient({
    baseUrl,
    fetch: timedFetch,
    timeoutMs: 60_000,
    auth: {
      kind: "bearer",
      getToken: () => tokens.access_token,
      refreshToken: async () => {
        tokens = await new PosApi(new WooClient({ baseUrl })).refresh(tokens.refresh_token);
        return tokens.access_token;
      },
    },
  });
}

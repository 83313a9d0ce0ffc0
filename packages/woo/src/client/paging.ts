/** WordPress's paging headers (`X-WP-Total`, `X-WP-TotalPages`); null when absent. */
export interface PageInfo {
  total: number | null;
  totalPages: number | null;
}

function readCount(headers: Headers, name: string): number | null {
  const value = headers.get(name);
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

export function readPageInfo(headers: Headers): PageInfo {
  return {
    total: readCount(headers, "x-wp-total"),
    totalPages: readCount(headers, "x-wp-totalpages"),
  };
}

// How the import page pages through a checked file: a page of rows at a time, all of them or only
// the rows of one kind, as the query string asks (links, so it works without JavaScript).

export const previewPageSize = 200;
export const rowFilters = ["all", "new", "update", "unchanged", "duplicate"] as const;
export type RowFilter = (typeof rowFilters)[number];

/** The page and filter a query string asks for; anything else is the first page of every row. */
export function previewQuery(params: URLSearchParams): { page: number; show: RowFilter } {
  const page = Number(params.get("page"));
  const show = params.get("show");
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    show: rowFilters.includes(show as RowFilter) ? (show as RowFilter) : "all",
  };
}

/** One page of a list: its items, the page (the last one if asked past it), how many pages, the first item's number. */
export function pageOf<T>(items: readonly T[], page: number) {
  const pages = Math.max(1, Math.ceil(items.length / previewPageSize));
  const at = Math.min(page, pages);
  const start = (at - 1) * previewPageSize;
  return { items: items.slice(start, start + previewPageSize), page: at, pages, first: start + 1 };
}

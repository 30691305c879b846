import { Link, useSearchParams } from "@remix-run/react";

/** Previous and next page links that keep the list's other filters. Nothing when there is one page. */
export function Pager({
  page,
  pages,
  previous = "← Previous page",
  next = "Next page →",
}: {
  page: number;
  pages: number;
  previous?: string;
  next?: string;
}) {
  const [params] = useSearchParams();
  if (pages <= 1) return null;
  const to = (n: number) => {
    const query = new URLSearchParams(params);
    query.set("page", String(n));
    return `?${query.toString()}`;
  };
  return (
    <nav aria-label="Pages" className="actions">
      {page > 1 ? <Link to={to(page - 1)}>{previous}</Link> : null}
      {page < pages ? <Link to={to(page + 1)}>{next}</Link> : null}
    </nav>
  );
}

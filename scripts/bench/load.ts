// Requests per second under concurrent users: each page beside the app's own /healthz, in one run.

/** `users` loops, each sending the next request as soon as the last one answered, for `seconds`. */
export async function requestsPerSecond(url: string, cookie: string, users = 8, seconds = 4) {
  const until = Date.now() + seconds * 1000;
  let done = 0;
  const user = async () => {
    while (Date.now() < until) {
      const res = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      done++;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: users }, user));
  return done / ((Date.now() - started) / 1000);
}

/** Prints each page's requests per second and its share of /healthz's, beside the 25% target. */
export async function benchConcurrency(base: string, cookie: string, pages: string[], users = 8) {
  console.log(`\nUnder ${users} concurrent users (requests per second, share of /healthz in the same run):`);
  const healthz = await requestsPerSecond(`${base}/healthz`, cookie, users);
  console.log(`  ${"/healthz".padEnd(28)}${healthz.toFixed(0).padStart(6)} req/s`);
  for (const page of pages) {
    const rps = await requestsPerSecond(base + page, cookie, users);
    const share = (100 * rps) / healthz;
    console.log(
      `  ${page.padEnd(28)}${rps.toFixed(0).padStart(6)} req/s  ${share.toFixed(0).padStart(3)}%   target >= 25%${share >= 25 ? "" : "   UNDER"}`,
    );
  }
}

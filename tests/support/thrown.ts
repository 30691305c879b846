/** What a function that refuses by throwing a Response (a 403, a 404) would show: its status and its words; null when it did not throw. */
export async function thrownResponse(run: () => unknown): Promise<{ status: number; text: string } | null> {
  try {
    run();
    return null;
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    return { status: thrown.status, text: await thrown.text() };
  }
}

import { expect } from "vitest";

/**
 * The value a test goes on to use, failing the test (naming `what`) when it is missing (undefined or null). With
 * noUncheckedIndexedAccess `list[0]` may be undefined; this asserts it is there and types it so.
 */
export function must<T>(value: T | null | undefined, what = "the value"): T {
  expect(value, `${what} should be there`).toBeDefined();
  expect(value, `${what} should be there`).not.toBeNull();
  return value as T;
}

/** The one element of a list, failing the test (naming `what`) when there are none or several. */
export function only<T>(list: readonly T[], what = "the list"): T {
  expect(list, `${what} should hold exactly one element`).toHaveLength(1);
  return list[0] as T;
}

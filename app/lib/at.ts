/**
 * The element at `index`, where the caller's own bounds check (a loop's condition, a length test)
 * already guarantees one. With noUncheckedIndexedAccess every `list[i]` may be undefined; this says
 * "it is there" once, and fails loudly, as the bug it would be, if it is not.
 */
export function at<T>(list: ArrayLike<T>, index: number): T {
  const item = list[index];
  if (item === undefined) throw new RangeError(`No element at ${index} (length ${list.length})`);
  return item;
}

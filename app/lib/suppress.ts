/** Small cells could point to a person, so observers see counts below this as "<5". */
export const smallCellThreshold = 5;

export function displayCount(n: number, exact: boolean): string {
  if (exact || n === 0 || n >= smallCellThreshold) return String(n);
  return `<${smallCellThreshold}`;
}

// How the bench times a step and prints the figure beside its target.
import { performance } from "node:perf_hooks";
import { at } from "~/lib/at";

/**
 * Runs fn a few times to warm up, then `runs` times: the median and p95 of the wall time, and the
 * median CPU time. On a shared machine one run can wait behind another process, so no figure is
 * a single run, and the CPU time (which does not count the waiting) is printed beside it.
 */
export function time(runs: number, fn: () => void) {
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    fn();
    samples.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const quantile = (q: number) => at(samples, Math.min(samples.length - 1, Math.floor(q * samples.length)));
  return { median: quantile(0.5), p95: quantile(0.95), cpu: at(cpu, Math.floor(cpu.length / 2)) };
}

export const fmt = (t: { median: number; p95: number }) =>
  `median ${t.median.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`;
/** With the CPU time beside it: on a shared machine the wall time also counts the waiting. */
export const fmtCpu = (t: { median: number; p95: number; cpu: number }) => `${fmt(t)} (CPU ${t.cpu.toFixed(1)} ms)`;
/** Whether a figure meets its target: by the median wall time, or, when other processes held the CPU, by the median CPU time. */
export const verdict = (t: { median: number; cpu: number }, target: number) =>
  t.median <= target
    ? "met"
    : t.cpu <= target
      ? "met by CPU time (the wall time waited for other processes)"
      : "MISSED";

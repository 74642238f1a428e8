/** The benchmark's statistics and its hand-written SVG chart. */
import { logTicks, renderChart } from '../../../bench/lib/chart';
import { median, overFloorRatio, percentile, ratio, summarize } from '../../../bench/lib/stats';

test('median of odd and even samples; nearest-rank percentiles', () => {
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  const xs = Array.from({ length: 100 }, (_, i) => i + 1);
  expect(percentile(xs, 50)).toBe(50);
  expect(percentile(xs, 99)).toBe(99);
  expect(percentile(xs, 100)).toBe(100);
  expect(percentile([7], 99)).toBe(7);
  expect(summarize([3, 1, 2])).toEqual({ n: 3, median: 2, min: 1, max: 3, p99: 3 });
  expect(() => median([])).toThrow(RangeError);
  expect(() => percentile([1], 101)).toThrow(RangeError);
});

test('ratios: against the Go provider, and over the no-provider floor', () => {
  expect(ratio(150, 100)).toBe(1.5);
  expect(ratio(1, 0)).toBeNull();
  expect(ratio(undefined, 1)).toBeNull();
  // ours 3 s, Go 2 s, floor 1 s: the provider-attributable part is 2 s against 1 s.
  expect(overFloorRatio(3000, 2000, 1000)).toBe(2);
  expect(overFloorRatio(3000, 1000, 1000)).toBeNull();
});

test('log ticks follow 1-2-5 and stay within the range', () => {
  expect(logTicks(80, 1200)).toEqual([100, 200, 500, 1000]);
  expect(logTicks(1, 10)).toEqual([1, 2, 5, 10]);
});

test('the chart: one path per series per panel, points in size order, legend and caption', () => {
  const series = [
    { name: 'ours', color: '#1f77b4', points: [[1000, 30000], [10, 1400], [100, 8000]] as Array<[number, number]> },
    { name: 'Go <v2>', color: '#ff7f0e', points: [[10, 480], [100, 4100], [1000, 34000]] as Array<[number, number]> },
    { name: 'floor', color: '#7f7f7f', dash: '5,4', points: [[10, 160], [100, 2700], [1000, 33000]] as Array<[number, number]> },
  ];
  const svg = renderChart([{ title: 'plan', series }, { title: 'apply', series }], 'median of 5 runs');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg.match(/<path /g)).toHaveLength(6);
  expect(svg.match(/<circle /g)).toHaveLength(18);
  expect(svg).toContain('Go &lt;v2&gt;'); // text is escaped
  expect(svg).toContain('stroke-dasharray="5,4"');
  expect(svg).toContain('median of 5 runs');
  // Larger x is further right: the first path's points are sorted by template size.
  const d = /<path d="([^"]+)"/.exec(svg)![1]!;
  const xs = [...d.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
  expect(xs).toEqual([...xs].sort((a, b) => a - b));
  // Balanced tags for the elements we open.
  for (const tag of ['g', 'text', 'circle', 'title']) {
    const open = (svg.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length;
    const close = (svg.match(new RegExp(`</${tag}>`, 'g')) ?? []).length;
    expect(close).toBe(open);
  }
});

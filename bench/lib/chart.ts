/**
 * bench/chart.svg, written by hand (no chart library): median wall time against template size on
 * log–log axes, one panel each for `tofu plan`, `tofu apply` and the two together, one line per
 * subject (ours, Go provider, terraform_data floor; ours with coder_secret dashed).
 */

export interface Series {
  readonly name: string;
  readonly color: string;
  readonly dash?: string;
  /** [template size, milliseconds] */
  readonly points: ReadonlyArray<readonly [number, number]>;
}

export interface Panel {
  readonly title: string;
  readonly series: readonly Series[];
}

const W = 360; // one panel
const H = 300;
const M = { top: 40, right: 16, bottom: 48, left: 58 };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 1-2-5 ticks covering [lo, hi] on a log scale. */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
    }
  }
  return out;
}

function fmtMs(ms: number): string {
  if (ms >= 1000) return `${+(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s`;
  return `${+ms.toFixed(0)} ms`;
}

function panelSvg(p: Panel, ox: number): string {
  const pts = p.series.flatMap((s) => s.points);
  if (pts.length === 0) return '';
  const xs = pts.map(([x]) => x);
  const ys = pts.map(([, y]) => y);
  const xlo = Math.min(...xs);
  const xhi = Math.max(...xs);
  // A margin of 30 % either way (log scale) so no line touches the frame.
  const lo = Math.min(...ys) / 1.3;
  const yhi = Math.max(...ys) * 1.3;
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const pad = 12; // keeps the first and last points off the frame
  const lx = (x: number): number =>
    xhi === xlo ? iw / 2 : pad + ((Math.log10(x) - Math.log10(xlo)) / (Math.log10(xhi) - Math.log10(xlo))) * (iw - 2 * pad);
  const ly = (y: number): number => ih - ((Math.log10(y) - Math.log10(lo)) / (Math.log10(yhi) - Math.log10(lo))) * ih;
  const parts: string[] = [];
  parts.push(`<g transform="translate(${ox + M.left},${M.top})">`);
  parts.push(`<text x="${iw / 2}" y="-18" text-anchor="middle" font-weight="bold">${esc(p.title)}</text>`);
  parts.push(`<rect x="0" y="0" width="${iw}" height="${ih}" fill="none" stroke="#999"/>`);
  for (const t of logTicks(lo, yhi)) {
    const y = ly(t).toFixed(1);
    parts.push(`<line x1="0" x2="${iw}" y1="${y}" y2="${y}" stroke="#eee"/>`);
    parts.push(`<text x="-6" y="${y}" dy="0.32em" text-anchor="end">${fmtMs(t)}</text>`);
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    const px = lx(x).toFixed(1);
    parts.push(`<line x1="${px}" x2="${px}" y1="0" y2="${ih}" stroke="#eee"/>`);
    parts.push(`<text x="${px}" y="${ih + 16}" text-anchor="middle">${x.toLocaleString('en-US')}</text>`);
  }
  parts.push(`<text x="${iw / 2}" y="${ih + 36}" text-anchor="middle">coder resources in the template</text>`);
  for (const s of p.series) {
    const sorted = [...s.points].sort((a, b) => a[0] - b[0]);
    if (sorted.length === 0) continue;
    const d = sorted.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${lx(x).toFixed(1)},${ly(y).toFixed(1)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    for (const [x, y] of sorted) {
      parts.push(`<circle cx="${lx(x).toFixed(1)}" cy="${ly(y).toFixed(1)}" r="3" fill="${s.color}"><title>${esc(`${s.name}, ${x} resources: ${fmtMs(y)}`)}</title></circle>`);
    }
  }
  parts.push('</g>');
  return parts.join('\n');
}

/** The whole SVG document: panels side by side, a shared legend and a caption line. */
export function renderChart(panels: readonly Panel[], caption: string): string {
  const width = W * panels.length;
  const legendY = H + 8;
  const names = new Map<string, Series>();
  for (const p of panels) for (const s of p.series) if (!names.has(s.name)) names.set(s.name, s);
  const legend = [...names.values()]
    .map((s, i) => {
      const x = 20 + i * 210;
      return (
        `<line x1="${x}" x2="${x + 28}" y1="${legendY}" y2="${legendY}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>` +
        `<text x="${x + 34}" y="${legendY}" dy="0.32em">${esc(s.name)}</text>`
      );
    })
    .join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H + 44}" viewBox="0 0 ${width} ${H + 44}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...panels.map((p, i) => panelSvg(p, i * W)),
    legend,
    `<text x="20" y="${legendY + 24}" fill="#555">${esc(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

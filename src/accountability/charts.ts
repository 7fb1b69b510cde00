import { escapeXml } from "../core/escapeXml.js";
/**
 * Options every chart takes: its title, width in pixels, and the language of its labels
 * (`lang`, written into the SVG so screen readers and fonts pick the right script). Labels
 * in any script, right-to-left ones included, are text the browser lays out by the
 * Unicode bidirectional algorithm, each in its own place.
 *
 * @category Charts
 * @example
 * ```ts
 * const options: ChartOptions = { title: "Participation", width: 640, lang: "fr" };
 * ```
 */
export interface ChartOptions {
  readonly title: string;
  readonly width?: number | undefined;
  readonly lang?: string | undefined;
}

/** A number as SVG writes it: at most two decimals, no trailing zeros, never "-0". */
const n = (value: number) => {
  const text = (Math.round(value * 100) / 100).toFixed(2).replace(/\.?0+$/, "");
  return text === "-0" ? "0" : text;
};

/** A label cut to at most `length` characters (whole code points), with an ellipsis. */
function cut(label: string, length: number): string {
  const points = [...label];
  return points.length <= length ? label : `${points.slice(0, length - 1).join("")}…`;
}

const FONT = 'font-family="system-ui, sans-serif"';

/** The SVG element with its title (for screen readers) and the chart's language. */
function svg(
  options: ChartOptions,
  width: number,
  height: number,
  body: readonly string[],
): string {
  const lang = escapeXml(options.lang ?? "en");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" role="img" aria-label="${escapeXml(options.title)}" xml:lang="${lang}" lang="${lang}" ${FONT}>`,
    `<title>${escapeXml(options.title)}</title>`,
    `<rect width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`,
    `<text x="${n(width / 2)}" y="22" text-anchor="middle" font-size="15" font-weight="600" fill="#1a1a1a">${escapeXml(options.title)}</text>`,
    ...body,
    "</svg>",
  ].join("\n");
}

/** Round steps for an axis from 0 to at least `max`: 1, 2 or 5 times a power of ten. */
function ticks(max: number, count = 5): number[] {
  if (max <= 0) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const out: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/**
 * Participation day by day as an SVG string: bars for the people new that day, a line for
 * everyone so far, a grid with round numbers, dates on the axis. Deterministic: the same
 * data always gives the same text. No DOM needed.
 *
 * @category Charts
 * @example
 * ```ts
 * turnoutChart(statistics.perDay, { title: "Participants, day by day", lang: "fr" }); // "<svg …>"
 * ```
 */
export function turnoutChart(
  perDay: readonly { readonly day: string; readonly new: number; readonly cumulative: number }[],
  options: ChartOptions,
): string {
  const width = options.width ?? 720;
  const height = 360;
  const [left, right, top, bottom] = [64, 20, 44, 56];
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...perDay.map((d) => d.cumulative));
  const axis = ticks(max);
  const top_ = axis.at(-1) ?? max;
  const y = (v: number) => top + plotHeight - (v / top_) * plotHeight;
  const slot = plotWidth / Math.max(1, perDay.length);
  const body: string[] = [];
  for (const v of axis)
    body.push(
      `<line x1="${left}" x2="${n(width - right)}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="#e3e3e3"/>`,
      `<text x="${left - 6}" y="${n(y(v) + 4)}" text-anchor="end" font-size="11" fill="#555555">${v.toLocaleString("en")}</text>`,
    );
  perDay.forEach((d, k) => {
    const h = (d.new / top_) * plotHeight;
    body.push(
      `<rect x="${n(left + k * slot + slot * 0.15)}" y="${n(top + plotHeight - h)}" width="${n(slot * 0.7)}" height="${n(h)}" fill="#9cc3e6"><title>${escapeXml(d.day)}: ${d.new} new</title></rect>`,
    );
  });
  const points = perDay.map((d, k) => `${n(left + (k + 0.5) * slot)},${n(y(d.cumulative))}`);
  if (points.length > 0)
    body.push(
      `<polyline points="${points.join(" ")}" fill="none" stroke="#1f5f99" stroke-width="2"/>`,
    );
  const every = Math.max(1, Math.ceil(perDay.length / 8));
  perDay.forEach((d, k) => {
    if (k % every === 0)
      body.push(
        `<text x="${n(left + (k + 0.5) * slot)}" y="${n(top + plotHeight + 18)}" text-anchor="middle" font-size="11" fill="#555555">${escapeXml(d.day)}</text>`,
      );
  });
  body.push(
    `<line x1="${left}" x2="${n(width - right)}" y1="${n(top + plotHeight)}" y2="${n(top + plotHeight)}" stroke="#888888"/>`,
  );
  return svg(options, width, height, body);
}

/**
 * Votes per project as an SVG string: a horizontal bar per project (most votes first), the
 * funding line where greedy-by-votes spending would pass the budget, and a column per rule
 * with a mark for each project it funded — what each rule chose, side by side.
 *
 * @category Charts
 * @example
 * ```ts
 * projectVotesChart(projects, { budget: 1_000_000n, rules: [{ name: "greedy", funded: greedyIds }, { name: "MES", funded: mesIds }] }, { title: "Votes per project" });
 * ```
 */
export function projectVotesChart(
  projects: readonly {
    readonly id: string;
    readonly label: string;
    readonly votes: number;
    readonly cost: bigint;
  }[],
  funding: {
    readonly budget: bigint;
    readonly rules: readonly { readonly name: string; readonly funded: readonly string[] }[];
  },
  options: ChartOptions,
): string {
  const width = options.width ?? 760;
  const rowHeight = 22;
  const sorted = [...projects].sort(
    (a, b) => b.votes - a.votes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const labelWidth = 220;
  const ruleWidth = 70;
  const top = 64;
  const plotLeft = labelWidth + 12;
  const plotRight = width - 20 - ruleWidth * funding.rules.length;
  const height = top + rowHeight * sorted.length + 30;
  const max = Math.max(1, ...sorted.map((p) => p.votes));
  const body: string[] = [];
  funding.rules.forEach((rule, r) => {
    body.push(
      `<text x="${n(plotRight + ruleWidth * (r + 0.5))}" y="${top - 10}" text-anchor="middle" font-size="12" font-weight="600" fill="#1a1a1a">${escapeXml(cut(rule.name, 10))}</text>`,
    );
  });
  let spent = 0n;
  let line: number | undefined;
  sorted.forEach((project, k) => {
    const y = top + k * rowHeight;
    if (line === undefined && spent + project.cost > funding.budget) line = y;
    spent += project.cost;
    const w = ((plotRight - plotLeft - 10) * project.votes) / max;
    body.push(
      `<text x="${labelWidth}" y="${n(y + 15)}" text-anchor="end" font-size="12" fill="#1a1a1a" data-left="0" data-right="${plotLeft}">${escapeXml(cut(project.label, 32))}</text>`,
      `<rect x="${plotLeft}" y="${n(y + 4)}" width="${n(w)}" height="${rowHeight - 8}" fill="#9cc3e6"/>`,
      `<text x="${n(plotLeft + w + 4)}" y="${n(y + 15)}" font-size="11" fill="#555555">${project.votes.toLocaleString("en")}</text>`,
    );
    funding.rules.forEach((rule, r) => {
      if (rule.funded.includes(project.id))
        body.push(
          `<circle cx="${n(plotRight + ruleWidth * (r + 0.5))}" cy="${n(y + rowHeight / 2)}" r="6" fill="#1f5f99"><title>${escapeXml(rule.name)} funds ${escapeXml(project.label)}</title></circle>`,
        );
    });
  });
  if (line !== undefined)
    body.push(
      `<line x1="8" x2="${n(width - 8)}" y1="${n(line)}" y2="${n(line)}" stroke="#c0392b" stroke-width="2" stroke-dasharray="6 4"/>`,
      `<line x1="12" x2="40" y1="${top - 14}" y2="${top - 14}" stroke="#c0392b" stroke-width="2" stroke-dasharray="6 4"/>`,
      `<text x="46" y="${top - 10}" font-size="11" fill="#c0392b">budget reached by votes</text>`,
    );
  return svg(options, width, height, body);
}

/**
 * The progress of results as an SVG string: a bar from 0 to 100% per result, with its
 * percentage, and a hatched bar for a result whose progress is not known.
 *
 * @category Charts
 * @example
 * ```ts
 * resultsProgressChart(top.map((r) => ({ label: r.title.fr ?? r.id, progress: progress.get(r.id) })), { title: "Avancement", lang: "fr" });
 * ```
 */
export function resultsProgressChart(
  results: readonly { readonly label: string; readonly progress: number | undefined }[],
  options: ChartOptions,
): string {
  const width = options.width ?? 640;
  const rowHeight = 26;
  const top = 44;
  const labelWidth = 240;
  const plotLeft = labelWidth + 12;
  const plotWidth = width - plotLeft - 60;
  const height = top + rowHeight * results.length + 16;
  const body: string[] = [
    '<defs><pattern id="unknown" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#bbbbbb" stroke-width="2"/></pattern></defs>',
  ];
  results.forEach((result, k) => {
    const y = top + k * rowHeight;
    const known = result.progress !== undefined;
    const value = Math.min(100, Math.max(0, result.progress ?? 0));
    body.push(
      `<text x="${labelWidth}" y="${n(y + 17)}" text-anchor="end" font-size="12" fill="#1a1a1a" data-left="0" data-right="${plotLeft}">${escapeXml(cut(result.label, 36))}</text>`,
      `<rect x="${plotLeft}" y="${n(y + 5)}" width="${n(plotWidth)}" height="${rowHeight - 10}" fill="${known ? "#eeeeee" : "url(#unknown)"}"/>`,
      known
        ? `<rect x="${plotLeft}" y="${n(y + 5)}" width="${n((plotWidth * value) / 100)}" height="${rowHeight - 10}" fill="#3c8d5a"/>`
        : "",
      `<text x="${n(plotLeft + plotWidth + 6)}" y="${n(y + 17)}" font-size="12" fill="#1a1a1a">${known ? `${n(value)}%` : "—"}</text>`,
    );
  });
  return svg(
    options,
    width,
    height,
    body.filter((part) => part !== ""),
  );
}

/**
 * Labelled horizontal bars as an SVG string, in the order given: one bar per row, its
 * length to scale with the largest value, and the text beside it (`text`, else the value).
 * For option shares, contributions per theme, anything counted.
 *
 * @category Charts
 * @example
 * ```ts
 * barChart([{ label: "Oui", value: 75, text: "75 (62,5 %)" }, { label: "Non", value: 45 }], { title: "Êtes-vous satisfait ?", lang: "fr" });
 * ```
 */
export function barChart(
  rows: readonly { readonly label: string; readonly value: number; readonly text?: string }[],
  options: ChartOptions,
): string {
  const width = options.width ?? 640;
  const rowHeight = 24;
  const top = 44;
  const labelWidth = 220;
  const plotLeft = labelWidth + 12;
  const plotWidth = width - plotLeft - 110;
  const height = top + rowHeight * rows.length + 16;
  const max = Math.max(0, ...rows.map((row) => row.value));
  const body: string[] = [];
  rows.forEach((row, k) => {
    const y = top + k * rowHeight;
    const w = max > 0 ? (plotWidth * Math.max(0, row.value)) / max : 0;
    body.push(
      `<text x="${labelWidth}" y="${n(y + 16)}" text-anchor="end" font-size="12" fill="#1a1a1a" data-left="0" data-right="${plotLeft}">${escapeXml(cut(row.label, 34))}</text>`,
      `<rect x="${plotLeft}" y="${n(y + 4)}" width="${n(w)}" height="${rowHeight - 8}" fill="#4a7fb5"/>`,
      `<text x="${n(plotLeft + w + 6)}" y="${n(y + 16)}" font-size="11" fill="#444444">${escapeXml(row.text ?? row.value.toLocaleString("en"))}</text>`,
    );
  });
  return svg(options, width, height, body);
}

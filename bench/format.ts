/** Numbers and tables as the report prints them. */

export function num(value: number, digits = 0): string {
  return value.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** "2.0×", "100×", "0.03×"; "—" when both are zero; "∞" when only the divisor is. */
export function times(value: number, of: number): string {
  if (of === 0) return value === 0 ? "—" : "∞";
  const ratio = value / of;
  if (ratio >= 10 || ratio === 0) return `${num(ratio)}×`;
  if (ratio >= 1) return `${num(ratio, 1)}×`;
  return `${Number(ratio.toPrecision(2))}×`;
}

/** "1 offer", "10 offers". */
export function count(value: number, noun: string): string {
  return `${num(value)} ${value === 1 ? noun : `${noun}s`}`;
}

export function percent(fraction: number): string {
  return `${num(fraction * 100, 1)} %`;
}

/** "GET /3.0/offers 1,000 · POST /3.0/admin/offer 1,000", or "none". */
export function routes(byRoute: Record<string, number>): string {
  const parts = Object.entries(byRoute).map(([route, count]) => `${route} ${num(count)}`);
  return parts.length > 0 ? parts.join(" · ") : "none";
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** The offers as the emulator holds them, as a plain-text table. */

const COLUMNS = [
  { title: "ID", value: (offer: Record<string, unknown>) => String(offer.id) },
  { title: "TITLE", value: (offer: Record<string, unknown>) => String(offer.title) },
  { title: "STATUS", value: (offer: Record<string, unknown>) => String(offer.status) },
  { title: "PAYMENTS", value: (offer: Record<string, unknown>) => count(offer.payments) },
  {
    title: "PARTNER PAYMENTS",
    value: (offer: Record<string, unknown>) => count(offer.partner_payments),
  },
];

export function offersTable(offers: Record<string, unknown>[]): string {
  if (offers.length === 0) return "  (no offers)\n";
  const rows = [
    COLUMNS.map((column) => column.title),
    ...offers.map((offer) => COLUMNS.map((column) => column.value(offer))),
  ];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows
    .map((row) => `  ${row.map((text, i) => text.padEnd(widths[i])).join("  ")}`.trimEnd())
    .join("\n")
    .concat("\n");
}

function count(list: unknown): string {
  return Array.isArray(list) ? String(list.length) : "-";
}

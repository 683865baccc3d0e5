/** The offers as the emulator holds them (Affise's read model), as a plain-text table. */
type AffiseOffer = Record<string, unknown>;

const COLUMNS: { title: string; value: (offer: AffiseOffer) => string }[] = [
  { title: "ID", value: (offer) => String(offer.id) },
  { title: "TITLE", value: (offer) => String(offer.title) },
  { title: "STATUS", value: (offer) => String(offer.status) },
  { title: "PAYMENTS", value: (offer) => count(offer.payments) },
  { title: "PARTNER PAYMENTS", value: (offer) => count(offer.partner_payments) },
];

export function offersTable(offers: AffiseOffer[]): string {
  if (offers.length === 0) return "  (no offers)\n";
  const rows = [
    COLUMNS.map((column) => column.title),
    ...offers.map((offer) => COLUMNS.map((column) => column.value(offer))),
  ];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map((row) =>
    `  ${row.map((text, i) => text.padEnd(widths[i])).join("  ")}`.trimEnd(),
  );
  return `${lines.join("\n")}\n`;
}

function count(list: unknown): string {
  return Array.isArray(list) ? String(list.length) : "-";
}

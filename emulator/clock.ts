/** Affise's timestamp format: `YYYY-MM-DD HH:MM:SS`, here always UTC. */
export function affiseTimestamp(date: Date = new Date()): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

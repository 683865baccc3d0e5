/**
 * A GitHub Actions workflow command marking a problem on its line of the pull request's diff.
 * Escaped by GitHub's rules (%, CR and LF everywhere; also : and , in properties), so text from an
 * offer file (a key, a file name) cannot end the command early or start another one.
 */
import type { OfferFileError } from "./offer-files";

export function githubAnnotation(error: OfferFileError): string {
  const line = error.line === undefined ? "" : `,line=${error.line}`;
  const message = error.path ? `${error.path}: ${error.message}` : error.message;
  return `::error file=${escapeProperty(error.file)}${line}::${escapeData(message)}\n`;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

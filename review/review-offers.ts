/** A preview in, the review comment and its guardrail violations out. */
import {
  asViolations,
  changeFindings,
  declaredOfferFindings,
  type GuardrailSettings,
  type Violation,
} from "./guardrails";
import { offerChanges, type OfferChange } from "./offer-changes";
import type { PreviewDigest } from "./preview-json";
import { renderReview } from "./render-markdown";

export interface Review {
  changes: OfferChange[];
  violations: Violation[];
  markdown: string;
}

export function reviewPreview(
  preview: PreviewDigest,
  settings: GuardrailSettings,
  options: { files?: Map<string, string>; maxLength?: number } = {},
): Review {
  const changes = offerChanges(preview);
  const violations = changes.flatMap((change) =>
    asViolations(
      change.name,
      [
        ...(change.after ? declaredOfferFindings(change.after, settings) : []),
        ...changeFindings(change.before, change.after, settings),
      ],
      settings,
    ),
  );
  const markdown = renderReview(changes, { ...options, violations });
  return { changes, violations, markdown };
}

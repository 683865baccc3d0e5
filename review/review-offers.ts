/** A preview in, the review comment and its guardrail violations out. */
import {
  asViolations,
  changeFindings,
  declaredOfferFindings,
  type GuardrailSettings,
  type Violation,
} from "./guardrails";
import { offerChanges, type OfferChange, previousValues } from "./offer-changes";
import type { PreviewDigest } from "./preview-json";
import { type ReviewOptions as RenderOptions, renderReview } from "./render-markdown";

export interface Review {
  changes: OfferChange[];
  violations: Violation[];
  markdown: string;
}

/** What the comment is rendered with, but the violations: the review finds those itself. */
type ReviewOptions = Omit<RenderOptions, "violations">;

export function reviewPreview(
  preview: PreviewDigest,
  settings: GuardrailSettings,
  options: ReviewOptions = {},
): Review {
  return reviewChanges(offerChanges(preview), settings, options);
}

/** The review of changes already found (and, for adoptions, maybe read from Affise). */
export function reviewChanges(
  changes: OfferChange[],
  settings: GuardrailSettings,
  options: ReviewOptions = {},
): Review {
  const violations = changes.flatMap((change) =>
    asViolations(
      change.name,
      [
        ...(change.after ? declaredOfferFindings(change.after, settings) : []),
        ...changeFindings(previousValues(change), change.after, settings),
      ],
      settings,
    ),
  );
  const markdown = renderReview(changes, { ...options, violations });
  return { changes, violations, markdown };
}

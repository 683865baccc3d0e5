/**
 * Conformance with what Affise really sends: every shape modelled on a real answer goes
 * read → state → inputs → check → diff. Each reads without error, the inputs a read reports pass
 * `check` unchanged, and a just-read offer diffs empty against its declaration (a refresh shows
 * no drift that is not real). An affiliate's view is refused in one clear sentence.
 */
import { checkOffer } from "../../provider/check";
import { diffOffer } from "../../provider/diff";
import { parseAffiseOffer } from "../../provider/affise/offer";
import { inputsFromState, stateFromAffise } from "../../provider/read-model";
import { ADMIN_SHAPES, type Shape } from "./admin-shapes";
import { DOCS_AND_PHP_SHAPES } from "./docs-and-php-shapes";
import { AFFILIATE_VIEWS } from "./affiliate-views";
import { TENANT_SHAPES } from "./tenant-shapes";

const SHAPES: Shape[] = [...ADMIN_SHAPES, ...DOCS_AND_PHP_SHAPES, ...TENANT_SHAPES];

describe.each(SHAPES.map((shape) => [shape.name, shape] as const))("%s", (_name, shape) => {
  const declared = checkOffer({ ...shape.declaration, resourceName: "conformance" });
  // The round trip JSON makes is what the answer goes through on its way from Affise.
  const offer = () => parseAffiseOffer(JSON.parse(JSON.stringify(shape.answer)));
  const state = () => stateFromAffise(offer(), declared.inputs);

  it("is declared validly", () => {
    expect(declared.failures).toEqual([]);
  });

  it("reads, and the inputs it reports pass check unchanged", () => {
    const inputs = inputsFromState(state());
    const rechecked = checkOffer(inputs as unknown as Record<string, unknown>);
    expect(rechecked.failures).toEqual([]);
    expect(rechecked.inputs).toEqual(inputs);
  });

  it("diffs empty against its declaration just after it was read", () => {
    const diff = diffOffer(String(shape.answer.id), state(), declared.inputs);
    expect({ changed: diff.changed, replaces: diff.replaces }).toEqual({
      changed: [],
      replaces: [],
    });
    expect(diff.changes).toBe(false);
  });
});

describe.each(AFFILIATE_VIEWS.map((view) => [view.name, view.answer] as const))(
  "the affiliate view: %s",
  (_name, answer) => {
    it("is refused as the answer to a key that is not an admin key", () => {
      expect(() => parseAffiseOffer(JSON.parse(JSON.stringify(answer)))).toThrow(
        /^this key is not an admin key: .*use the API key of an admin user$/,
      );
    });
  },
);

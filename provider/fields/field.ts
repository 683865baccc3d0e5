/**
 * What one entry of the offer's field table declares. Each kind lists every part a field of that
 * kind needs, so a field added without, say, its encoder or its empty value does not compile.
 */
import type { z } from "zod";
import type { AffiseOffer } from "../affise/offer";
import type { SameItemKey } from "../payment-ids";
import type { UnmanagedPaymentFields } from "../unmanaged-payment-fields";

/** A form body before `qs` writes it: PHP-style bracket keys. */
export type FormFields = Record<string, string | string[]>;

export interface EncodeContext {
  /** An edit also sends empty lists and blank texts (Affise's way to clear them). */
  edit: boolean;
  /** Fields Affise holds on a payment that the provider does not model, resent with it by id. */
  unmanaged: UnmanagedPaymentFields;
}

interface Declared<T> {
  /** How it is declared: validation, messages, and the docs of the JSON Schema and README. */
  schema: z.ZodType;
  /** The canonical form `check` writes for a valid value (never called on an unknown). */
  canonical: (value: unknown) => T;
}

/** Items Affise gives ids to (payments, landings, targeting groups): the ids are kept on them. */
export interface ItemIds<Item> {
  /** One item's canonical form. */
  item: (raw: Record<string, unknown>) => Item;
  /** Affise's id as the state keeps it. */
  id: (id: unknown) => string | number;
  /** What makes a declared item the continuation of a stored one, strictest first. */
  identity: SameItemKey<Item>[];
}

interface SentInForm<T, Stored> extends Declared<T> {
  sent: "form";
  /** Affise's names for it, as sent and as read (for its messages and for the export). */
  wire: readonly string[];
  /** Affise's names → ours, inside its items (for Affise's messages about them). */
  itemNames?: Readonly<Record<string, string>>;
  /** Writes the value into the edit/create form. */
  encode: (value: Stored, form: FormFields, context: EncodeContext) => void;
  /** Affise's answer → the declared shape (tolerant); undefined when Affise has none. */
  decode: (offer: AffiseOffer) => unknown;
  /** For item lists with Affise ids: read and kept per item. */
  ids?: ItemIds<T extends (infer Item)[] ? Item : never>;
}

/** Always managed: written out by `check` (with its default), always read and sent. */
export interface AlwaysManaged<T, Stored = T> extends SentInForm<T, Stored> {
  managed: "always";
  default?: T;
}

/**
 * Managed while declared: Affise's value is left alone until declared, and cleared when the
 * declaration is removed.
 */
export interface ManagedWhileDeclared<T, Stored = T> extends SentInForm<T, Stored> {
  managed: "while declared";
  /** How Affise's "none" reads back, and how a removed declaration is sent. */
  empty: T;
  /** false: Affise has no "none" for it, so removing the declaration leaves Affise's value. */
  clearable: boolean;
}

/** Affiliate access: managed while declared, changed by its own requests, read from its own. */
export interface AccessList<T> extends Declared<T> {
  managed: "while declared";
  sent: "access requests";
  empty: T;
}

/** Only the provider uses it (Affise has no field for it): carried over from the old state. */
export interface ProviderOnly<T> extends Declared<T> {
  managed: "provider";
  sent: "never";
  default?: T;
  /** What a changed value does: nothing in Affise, or manage another offer (a replace). */
  change: "no request" | "replace";
}

export type OfferField<T, Stored = T> =
  AlwaysManaged<T, Stored> | ManagedWhileDeclared<T, Stored> | AccessList<T> | ProviderOnly<T>;

/** A field of any value type, as the loops over the table see it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOfferField = OfferField<any, any>;

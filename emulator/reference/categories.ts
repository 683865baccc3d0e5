/** Offer categories a tenant has defined (`/3.0/offer/categories`). */
export const CATEGORIES: ReadonlyArray<{ id: string; title: string }> = [
  { id: "5368a3973b7d9b4d5d59f1ca", title: "Games" },
  { id: "5368afb23b7d9b4d5d505342", title: "Finance" },
  { id: "55b204663b7d9b460b8b45b2", title: "Dating" },
  { id: "59440f427e28feff5c8b4567", title: "E-commerce" },
  { id: "5a1b2c3d4e5f60718293a4b5", title: "Utilities" },
];

export function findCategory(id: string): { id: string; title: string } | undefined {
  return CATEGORIES.find((category) => category.id === id);
}

/**
 * Edits a name of this many characters may be off by and still be taken for it: none for short
 * names, where one letter makes another name ("Iran"/"Iraq", "IRI"/"IRGC"), more for long ones.
 */
export function typoTolerance(length: number): number {
  if (length <= 4) return 0;
  if (length <= 7) return 1;
  if (length <= 14) return 2;
  return 3;
}

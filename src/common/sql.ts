/** Escapes LIKE/ILIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%` for a contains-search on user input. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** The part of a person's name anyone else may see: the first word of their display name. */
export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? '';
}

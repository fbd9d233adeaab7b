/** Placeholder until the safety module lands: replaced by the real scrubber. */
export function scrubSecrets(text: string): string {
  return text;
}

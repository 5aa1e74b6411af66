// One way to turn anything thrown into the sentence a user or the log sees.
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

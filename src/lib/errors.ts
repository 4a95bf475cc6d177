/**
 * A problem with a file or an imported model that the user can act on. The message names the file
 * (or layer) and what is wrong; callers show it as is, never a stack trace.
 */
export class UserFileError extends Error {
  constructor(
    message: string,
    /** The file the problem is in, when known. */
    readonly file?: string,
  ) {
    super(file === undefined ? message : `${file}: ${message}`);
    this.name = 'UserFileError';
  }
}

/** What went wrong, in words: an Error's message, or the thrown value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

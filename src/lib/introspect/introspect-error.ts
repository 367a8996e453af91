/**
 * The ways an introspection run can fail, each with a one-line message meant
 * for a person reading a terminal or a CI log.
 */
export type IntrospectFailure =
  | 'start' // the command could not be started / the URL could not be reached
  | 'exited' // the server process went away during the session
  | 'timeout' // the overall time limit ran out
  | 'protocol' // the server answered, but not as MCP requires
  | 'invalid-tools' // tools/list returned tools that fail the Tool schema
  | 'output'; // the manifest could not be written

export class IntrospectError extends Error {
  readonly kind: IntrospectFailure;
  /** The server process started for the run, if any (already stopped when thrown to the caller). */
  pid?: number;
  constructor(kind: IntrospectFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IntrospectError';
    this.kind = kind;
  }
}

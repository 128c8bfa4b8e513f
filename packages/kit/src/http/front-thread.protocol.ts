import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** What the front thread is started with. */
export interface FrontSetup {
  port: number;
  host: string | undefined;
  /** Beyond this, a body is dropped and the service answers 413 (far above any body parser's limit). */
  bodyLimitBytes: number;
}

/** A request read by the front, for the service's thread to answer. */
export interface FrontRequest {
  n: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  remoteAddress: string;
  /** Sent as a Buffer, received as a Uint8Array (what structured cloning makes of one). */
  body: Uint8Array | undefined;
  /** The body was over `bodyLimitBytes`, and dropped. */
  tooLarge: boolean;
}

/** The answer to request `n`, whole. */
export interface FrontReply {
  n: number;
  status: number;
  headers: OutgoingHttpHeaders;
  /** A text is encoded by the front, which sets its content-length; bytes come with theirs (none for a HEAD). */
  body: string | Uint8Array;
}

/** The front's own news: listening (on which port), failed to listen, closed. */
export type FrontStatus = { status: 'listening'; port: number } | { status: 'failed'; message: string } | { status: 'closed' };

import type { Trace } from './outgoing-event';

/** The authenticated user making a request (from the verified JWT), and the flow it belongs to. */
export interface Caller {
  userId: string;
  role: string;
  orgId?: string;
  provinceCode?: string;
  trace: Trace;
}

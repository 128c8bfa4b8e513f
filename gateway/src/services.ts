/**
 * The services behind the gateway, their default ports and the variables
 * that override their URLs. The same table as scripts/topology.ts; the
 * gateway keeps its own copy so it depends on no script.
 */
export const SERVICES = [
  { name: 'identity', port: 8081, urlEnv: 'IDENTITY_URL' },
  { name: 'cases', port: 8082, urlEnv: 'CASES_URL' },
  { name: 'employers', port: 8083, urlEnv: 'EMPLOYERS_URL' },
  { name: 'colleges', port: 8084, urlEnv: 'COLLEGES_URL' },
  { name: 'loans', port: 8085, urlEnv: 'LOANS_URL' },
  { name: 'matching', port: 8086, urlEnv: 'MATCHING_URL' },
  { name: 'reports', port: 8087, urlEnv: 'REPORTS_URL' },
] as const;

export type ServiceName = (typeof SERVICES)[number]['name'];

/** Where one service is and what it declares. */
export interface ServiceTarget {
  name: string;
  /** Base URL, e.g. http://127.0.0.1:8083. */
  url: string;
  /** Path of its openapi.yaml, or the parsed document (tests); absent while the service does not exist yet. */
  openapi?: string | object;
}

/**
 * The processes `npm start` runs, in start order, and their default ports
 * (the gateway's route table uses the same ports; env overrides both).
 */
export interface ProcessSpec {
  name: string;
  dir: string;
  port: number;
  urlEnv: string;
}

export const topology: ProcessSpec[] = [
  { name: 'identity', dir: 'services/identity', port: 8081, urlEnv: 'IDENTITY_URL' },
  { name: 'cases', dir: 'services/cases', port: 8082, urlEnv: 'CASES_URL' },
  { name: 'employers', dir: 'services/employers', port: 8083, urlEnv: 'EMPLOYERS_URL' },
  { name: 'colleges', dir: 'services/colleges', port: 8084, urlEnv: 'COLLEGES_URL' },
  { name: 'loans', dir: 'services/loans', port: 8085, urlEnv: 'LOANS_URL' },
  { name: 'matching', dir: 'services/matching', port: 8086, urlEnv: 'MATCHING_URL' },
  { name: 'reports', dir: 'services/reports', port: 8087, urlEnv: 'REPORTS_URL' },
  { name: 'gateway', dir: 'gateway', port: 8080, urlEnv: 'GATEWAY_URL' },
];

export { infraUrls, type InfraUrls } from './infra-urls';
export { testNamespace, type TestNamespace } from './namespace';
export { waitFor } from './wait-for';

export { infraUrls, type InfraUrls } from './infra-urls';
export { testNamespace, type TestNamespace } from './namespace';
export { waitFor } from './wait-for';
export { contractOperations, itKeepsTheGatewayContract, type ContractAnswer, type ContractDocument, type ContractOperation } from './openapi-contract';
export { byIdOnly, isRead, scanningReads, storeCallsDuring, type StoreCall } from './store-calls';

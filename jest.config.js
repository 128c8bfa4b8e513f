/**
 * One jest run for every workspace. Each test file isolates itself (its own
 * database name and topic prefix from @hoanhap/testing), so files run in
 * parallel on the machine's 2 cores.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  maxWorkers: process.env.JEST_MAX_WORKERS ? Number(process.env.JEST_MAX_WORKERS) : 2,
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  testMatch: ['<rootDir>/{packages,services,gateway}/*/test/**/*.test.ts', '<rootDir>/gateway/test/**/*.test.ts', '<rootDir>/system/test/**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // cookie 2 (light-my-request's) ships only ES modules: node requires them, jest's runtime needs them compiled
  transformIgnorePatterns: ['/node_modules/(?!(light-my-request/node_modules/)?cookie/)'],
  globalSetup: '<rootDir>/packages/testing/src/global-setup.ts',
  testTimeout: 60_000,
  // kafkajs and mongoose keep sockets briefly after disconnect; tests close what they open.
  forceExit: false,
};

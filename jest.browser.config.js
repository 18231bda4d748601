// `npm run test:browser`: the web console in Debian's Chromium against the whole stack (test/browser).
// Separate from `npm test`, which needs no browser; `.ci/run` installs Chromium and runs both.
const base = require('./jest.config.js');
const e2e = base.projects.find((project) => project.displayName === 'e2e');

module.exports = {
  testTimeout: 90_000,
  globalSetup: '<rootDir>/test/support/browser-global-setup.ts',
  globalTeardown: base.globalTeardown,
  projects: [{ ...e2e, displayName: 'browser', testTimeout: 90_000, testMatch: ['<rootDir>/test/browser/**/*.browser.test.ts'] }],
};

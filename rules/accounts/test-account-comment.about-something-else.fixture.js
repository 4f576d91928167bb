// Comments that use the words for something other than an account left in the product.

// ok: account.test-account-comment
// The provider's public test account id from its documentation, shown in the onboarding sample.
const SAMPLE_ACCOUNT = "acct_1032D82eZvKYlo2C";

// ok: account.test-account-comment
/* testing credentials helper: builds fake credential objects for the unit tests */
export function fakeCredentials() {}

// ok: account.test-account-comment
// Each merchant creates a sandbox test account in the provider's dashboard.
export const docsLink = "/merchants/sandbox";

// Near misses: leftovers the comments mark.
// ruleid: account.test-account-comment
// test account for the partner demo
const partner = loadPartner();

// ruleid: account.test-account-comment
// testing credentials, remove before the launch
const creds = readCreds();

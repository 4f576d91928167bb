export const config = {
  // ruleid: account.auth-bypass-switch
  skipAuth: true,
  // ok: account.auth-bypass-switch
  authRequired: true,
};
// ruleid: account.auth-bypass-switch
const BYPASS_LOGIN = true;
// ok: account.auth-bypass-switch
const bypassLogin = process.env.BYPASS_LOGIN === "1";

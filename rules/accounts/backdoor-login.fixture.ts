export function check(user: string, password: string): boolean {
  // ruleid: account.backdoor-login
  if (password === "letmein") return true;
  // ruleid: account.backdoor-login
  if (user === "root" && password === "r00t!") return true;
  // ok: account.backdoor-login
  if (typeof password === "string" && password.length > 64) return false;
  // ok: account.backdoor-login
  if (inputType === "password") showStrength();
  // ok: account.backdoor-login
  if (password === "") return false;
  return verifyHash(user, password);
}

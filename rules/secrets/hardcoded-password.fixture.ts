interface DbOptions { user: string; password: string }

// ruleid: secret.hardcoded-password
const options: DbOptions = { user: "reporting", password: "R3port!ng" };

export class AuthService {
  // ruleid: secret.hardcoded-password
  private readonly masterPassword = "M@ster2024";

  // ruleid: secret.hardcoded-password
  constructor(private password: string = "defaultPw#1") {}

  login(user: string, pass: string): boolean {
    // ok: secret.hardcoded-password (a backdoor check: account.backdoor-login reports it)
    return pass === ("opensesame9" as string);
  }
}

// ok: secret.hardcoded-password
const passwordPlaceholder = "••••••••";
// ok: secret.hardcoded-password
type PasswordKind = "password";
// ok: secret.hardcoded-password
const resetPasswordUrl = "/account/reset-password";

class Setup {
    // ruleid: account.test-account-comment
    // 仮パスワード: 初回ログイン後に変更
    String initial = generator.next();

    // ruleid: account.test-account-comment
    // temporary password for the support team
    String support = vault.read("support");

    // ok: account.test-account-comment
    // Passwords are hashed with bcrypt.
    String hash = bcrypt(input);
}

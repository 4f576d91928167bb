class Db
{
    // ruleid: account.default-credentials
    const string ConnectionUser = "sa";
    const string ConnectionPassword = "password";

    // ok: account.default-credentials
    string Role = "admin";
}

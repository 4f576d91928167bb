class Auth
{
    bool Login(string user, string password)
    {
        // ruleid: account.backdoor-login
        if (user == "service" && password == "Serv1ce!") return true;
        // ok: account.backdoor-login
        if (string.IsNullOrEmpty(password)) return false;
        return Verify(user, password);
    }
}

public static class Secrets
{
    // ruleid: secret.generic-token
    public const string ApiKey = "9f8e7d6c5b4a39281716a5b4c3d2e1f0";
    // ruleid: secret.generic-token
    private static readonly string SubscriptionKey = "3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f";
    // ok: secret.generic-token
    public const string ApiKeyHeaderName = "Ocp-Apim-Subscription-Key";
    // ok: secret.generic-token
    public static string Token => Environment.GetEnvironmentVariable("TOKEN");

    // ok: secret.generic-token
    public static NetworkCredential Mail() => new NetworkCredential("noreply@acme.io", "N0reply!2024");
}

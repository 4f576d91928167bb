using System.Net;

public class MailSender
{
    // ruleid: secret.hardcoded-password
    private const string SmtpPassword = "Smtp!2024pw";
    // ruleid: secret.hardcoded-password
    public string Password { get; set; } = "Pr0perty#pw";

    public void Send()
    {
        // ruleid: secret.hardcoded-password
        var credential = new NetworkCredential("mailer", "N3tCred!pw");
        // ruleid: secret.hardcoded-password
        var client = Connect(password: "Named#Arg1");
        // ok: secret.hardcoded-password
        var fromConfig = new NetworkCredential("mailer", config["Smtp:Password"]);
        // ok: secret.hardcoded-password
        var password = Environment.GetEnvironmentVariable("SMTP_PASSWORD");
    }
}

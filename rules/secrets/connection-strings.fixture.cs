public class Db
{
    // ruleid: secret.connection-string-password
    const string Sales = "Server=sql01;Database=Sales;User Id=sa;Password=Vx7!pQ2rT9;";
    // ruleid: secret.connection-string-password
    const string Legacy = "Provider=SQLOLEDB;Data Source=10.0.0.5;Initial Catalog=erp;User ID=erp;Pwd=Erp#2019x;";
    // ruleid: secret.connection-string-password
    const string Reversed = "Password=R3v3rsed!pw;Server=sql02;Database=Hr;User Id=hr;";
    // ok: secret.connection-string-password
    const string Integrated = "Server=sql01;Database=Sales;Integrated Security=true;";
    // ok: secret.connection-string-password
    const string Templated = "Server=sql01;Database=Sales;User Id=sa;Password={0};";
    // ok: secret.connection-string-password
    string Interpolated(string pw) => $"Server=sql01;User Id=sa;Password={pw};";
}

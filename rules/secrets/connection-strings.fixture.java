class Jdbc {
    // ruleid: secret.connection-string-password
    static final String URL = "jdbc:mysql://db:3306/shop?user=shop&password=Kd83hsQ1x";
    // ruleid: secret.url-password
    static final String PG = "jdbc:postgresql://report:R3p0rt!ng@db:5432/reports";
    // ok: secret.connection-string-password
    static final String NOPW = "jdbc:mysql://db:3306/shop?useSSL=true";
}

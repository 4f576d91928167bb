#include <string>

namespace app {
// ruleid: secret.hardcoded-password
const std::string kServicePassword = "Sv3c!Pass";
// ruleid: secret.hardcoded-password
constexpr const char* kAdminPwd = "r00t-Adm!n";

class Login {
public:
    bool verify(const std::string& password) const {
        // ok: secret.hardcoded-password (a backdoor check: account.backdoor-login reports it)
        return password == "MasterKey#1";
    }
    void configure() {
        // ruleid: secret.hardcoded-password
        client.setPassword(std::string("Cl13nt-pw"));
        // ok: secret.hardcoded-password
        client.setPassword(readSecret("client"));
        // ok: secret.hardcoded-password
        std::string passwordField = "password";
    }
};
}  // namespace app

void save(QSettings& settings) {
    // ruleid: secret.hardcoded-password
    settings.setValue("smtp/password", "Qt-Sm7p!pw");
}

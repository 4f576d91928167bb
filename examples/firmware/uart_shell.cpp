// Debug shell on the UART port.
#include <cstdio>
#include <cstring>
#include <string>

namespace shell {

struct Buffer {
    char data[256];
    // A member named like the libc function is not the libc function.
    void strcat(const char *s) { std::snprintf(data, sizeof data, "%s%s", data, s); }
};

void print_status(const char *fmt, const char *value)
{
    char out[80];
    std::snprintf(out, sizeof out, fmt, value);   // caller-controlled format
    std::printf("%s\n", out);
}

void append_prompt(Buffer &b, const std::string &user)
{
    char prompt[32];
    std::strcpy(prompt, user.c_str());
    std::strcat(prompt, "> ");
    b.strcat(prompt);
}

int parse_command(const char *line, char *verb)
{
    return std::sscanf(line, "%s", verb);
}

const char *kUpdateServer = "192.168.40.12:8443";

}  // namespace shell

// Fixture for c.banned.strcpy in C++: the C function through std:: and ::, not members or other namespaces.
#include <cstring>
#include <string>

namespace text {
// ok: c.banned.strcpy
char *strcpy(char *dst, const char *src);
}

class Buffer {
public:
    // ok: c.banned.strcpy
    void strcpy(const char *src);
    // ok: c.banned.strcpy
    static Buffer *strcpy(Buffer *b);
};

template <typename T> void copy_all(T &dst, const char *src) {
    // ok: c.banned.strcpy
    dst.strcpy(src);
}

void copy(char *dst, const char *src, Buffer &b, Buffer *p) {
    // ruleid: c.banned.strcpy
    std::strcpy(dst, src);
    // ruleid: c.banned.strcpy
    ::strcpy(dst, src);
    // ruleid: c.banned.strcpy
    ::std::strcpy(dst, src);
    // ruleid: c.banned.strcpy
    strcpy(dst, src);
    // ruleid: c.banned.strcpy
    auto copy = [&]() { return std::wcscpy(nullptr, L""); };
    // ruleid: c.banned.strcpy
    (::strcpy)(dst, src);
    // ruleid: c.banned.strcpy
    (std::strcpy)(dst, src);

    // ok: c.banned.strcpy
    b.strcpy(src);
    // ok: c.banned.strcpy
    p->strcpy(src);
    // ok: c.banned.strcpy
    Buffer::strcpy(p);
    // ok: c.banned.strcpy
    text::strcpy(dst, src);
    // ok: c.banned.strcpy
    (text::strcpy)(dst, src);
    // ok: c.banned.strcpy
    std::string s = "strcpy(dst, src)";
    // ok: c.banned.strcpy
    using std::strcpy;
    // ok: c.banned.strcpy
    auto fn = &std::strcpy;
}

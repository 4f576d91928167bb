/*
 * Fixture for c.risky.memcpy (and the banned string copies): the shapes of copy overflows fixed in public C
 * projects, each written anew in the same shape (no code of those projects). Whatever the evident-bound reading
 * learns, every one of these must stay gating: a check that can wrap, a signed length, a check against the wrong
 * size, the source's or another buffer's, a check on another path, a clamp that compares another variable.
 */
#include <stdlib.h>
#include <string.h>

#define HEADER_BYTES 3
#define AUTH_BUFSIZE 1024
#define NAME_MAX_LEN 255

/* CVE-2014-0160, OpenSSL (Heartbleed): the length of a copy read from the peer's record, never compared with what the
 * record holds; the response is built behind a cursor that moved after the allocation. */
int heartbeat_reply(const unsigned char *record, unsigned char **out) {
    const unsigned char *p = record;
    unsigned int payload = (p[1] << 8) | p[2];
    const unsigned char *pl = p + HEADER_BYTES;
    unsigned char *buffer = malloc(1 + 2 + payload + 16);
    unsigned char *bp = buffer;
    if (buffer == NULL)
        return -1;
    *bp++ = 2;
    *bp++ = (unsigned char)(payload >> 8);
    *bp++ = (unsigned char)payload;
    // ruleid: c.risky.memcpy
    memcpy(bp, pl, payload);
    *out = buffer;
    return 0;
}

/* CVE-2019-3822, curl (NTLMv2 type-3 message): the room check subtracts the peer's length from the buffer's size in
 * unsigned arithmetic; a length over the size wraps the subtraction and the check passes. */
int ntlm_type3(const unsigned char *ntresp, size_t ntresplen, size_t size) {
    unsigned char ntlmbuf[AUTH_BUFSIZE];
    if (size < AUTH_BUFSIZE - ntresplen) {
        // ruleid: c.risky.memcpy
        memcpy(&ntlmbuf[size], ntresp, ntresplen);
        size += ntresplen;
    }
    return ntlmbuf[0] + (int)size;
}

/* CVE-2020-8597, pppd (EAP peer name): a signed difference of two lengths compared in signed arithmetic; when the
 * second length exceeds the first, the difference is negative, passes the check and becomes a huge size. */
void eap_peer_name(const unsigned char *inp, int len, int vallen) {
    char rhostname[256];
    if (len - vallen >= (int)sizeof(rhostname)) {
        // info: c.risky.memcpy
        memcpy(rhostname, inp + vallen, sizeof(rhostname) - 1);
        rhostname[sizeof(rhostname) - 1] = '\0';
    } else {
        // ruleid: c.risky.memcpy
        memcpy(rhostname, inp + vallen, len - vallen);
        rhostname[len - vallen] = '\0';
    }
}

/* CVE-2022-37434, zlib (inflateGetHeader extra field): the clamp compares one offset with the limit and copies at
 * another, so the copy can run past the end when the two differ. */
struct gz_header { unsigned char *extra; unsigned extra_max; };

void copy_extra(struct gz_header *head, const unsigned char *next, unsigned len, unsigned offset, unsigned copy) {
    if (len < head->extra_max) {
        // ruleid: c.risky.memcpy
        memcpy(head->extra + len, next, offset + copy > head->extra_max ? head->extra_max - len : copy);
    }
}

/* CVE-2023-38545, curl (SOCKS5 host name): the length limit is checked only in one mode; on the other path the long
 * name is copied into the fixed request buffer. */
int socks5_request(const char *hostname, int resolve_locally) {
    unsigned char socksreq[262];
    size_t hostname_len = strlen(hostname);
    size_t len = 5;
    if (!resolve_locally && hostname_len > NAME_MAX_LEN)
        return -1;
    // ruleid: c.risky.memcpy
    memcpy(&socksreq[len], hostname, hostname_len);
    return socksreq[0];
}

/* CVE-2021-3520, LZ4 (decompression): a signed length read from the input checked only from above; a negative one
 * passes and is a huge size for memmove. */
int literal_copy(unsigned char *op, const unsigned char *ip, int length, int capacity) {
    unsigned char window[64];
    if (length > 64)
        return -1;
    // ruleid: c.risky.memcpy
    memmove(window, ip, length);
    return op[0] + window[0] + capacity;
}

/* CVE-2016-5636, CPython (zipimport get_data): a signed size from an archive's header, allocated with one more byte;
 * a size of -1 allocates nothing and then copies a huge length. */
char *archive_data(const char *raw, long data_size) {
    char *buf = malloc(data_size + 1);
    if (buf == NULL)
        return NULL;
    // ruleid: c.risky.memcpy
    memcpy(buf, raw, data_size);
    buf[data_size] = '\0';
    return buf;
}

/* CVE-2017-14491, dnsmasq (EDNS0 pseudo-header): the room left in the packet is checked for the fixed part only,
 * then an option of the caller's length is copied after it. */
int add_pseudoheader(unsigned char *p, const unsigned char *limit, const unsigned char *opt, size_t optlen) {
    if (p + 11 > limit)
        return 0;
    p += 11;
    // ruleid: c.risky.memcpy
    memcpy(p, opt, optlen);
    return 1;
}

/* CVE-2019-13132, ZeroMQ (CURVE metadata): the property length is checked against the received message, the source,
 * not against the stack buffer it is copied into. */
int read_property(const unsigned char *msg, size_t msg_size) {
    unsigned char value[64];
    size_t value_len = msg[0];
    if (msg_size < 1 + value_len)
        return -1;
    // ruleid: c.risky.memcpy
    memcpy(value, msg + 1, value_len);
    return value[0];
}

/* CVE-2018-15688, systemd-networkd (DHCPv6 IA option): the room check covers the option's data, but the copy starts
 * after the option header written first. */
int append_ia(unsigned char *buf, size_t buflen, const unsigned char *ia, size_t len) {
    if (buflen < len)
        return -1;
    // ruleid: c.risky.memcpy
    memcpy(buf + 4, ia, len);
    return 0;
}

/* CVE-2017-1000251, Linux Bluetooth L2CAP (BlueBorne): a configuration option appended to a fixed response buffer
 * through a helper that never learns how much room is left. */
struct conf_opt { unsigned char type; unsigned char len; unsigned char val[]; };

void add_conf_opt(void **ptr, unsigned char type, unsigned char len, const void *val) {
    struct conf_opt *opt = *ptr;
    opt->type = type;
    opt->len = len;
    // ruleid: c.risky.memcpy
    memcpy(opt->val, val, len);
    *ptr = (unsigned char *)*ptr + 2 + len;
}

/* CVE-2021-3711, OpenSSL (SM2 decryption): the plaintext buffer was sized by a function that under-estimated; the copy
 * writes the decoded length into the caller's buffer with no check against its size. */
int sm2_plaintext(unsigned char *ptext_buf, size_t *ptext_len, const unsigned char *msg, size_t msg_len) {
    // ruleid: c.risky.memcpy
    memcpy(ptext_buf, msg, msg_len);
    *ptext_len = msg_len;
    return 1;
}

/* CVE-2015-0235, glibc (GHOST, gethostbyname): the size of the buffer was computed without one of its parts, and the
 * host name was copied in with strcpy. */
char *digits_dots(const char *name, char *buffer, size_t buflen) {
    size_t size_needed = sizeof(void *) * 2 + strlen(name) + 1;
    if (buflen < size_needed)
        return NULL;
    char *hostname = buffer + sizeof(void *) * 4;
    // ruleid: c.banned.strcpy
    strcpy(hostname, name);
    return hostname;
}

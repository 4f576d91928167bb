#include <stdio.h>

// ruleid: network.hardcoded-ip
#define SERVER_ADDR "10.20.30.40"
// ruleid: network.hardcoded-ip
static const char *backup = "192.168.10.5:8443";
// ok: network.hardcoded-ip
static const char *loopback = "127.0.0.1";
// ok: network.hardcoded-ip
static const char *any = "0.0.0.0";
// ok: network.hardcoded-ip
static const char *mask = "255.255.255.0";
// ok: network.hardcoded-ip
static const char *version = "6.1.7.2";
// ok: network.hardcoded-ip
static const char *oid = "1.3.6.1.4.1.311";
// ok: network.hardcoded-ip
static const char *doc = "203.0.113.7";
// ok: network.hardcoded-ip
static const char *banner = "Version 2.0.0.1";

int connect_default(void) {
    /* 10.0.0.1 in a comment is not a string: ok */
    // ruleid: network.hardcoded-ip
    return dial("172.16.0.9", 22);
}

/*
 * Network configuration for the sensor gateway.
 * Note: never use strcpy() or gets() here; see the coding rules.
 */
#include <stdio.h>
#include <string.h>
#include "net_config.h"

#define ADMIN_PASSWORD "Gw!2019-admin"
#define CONFIG_PATH "/etc/gateway/net.conf"
#define FIRMWARE_VERSION "4.2.10.7"

static const char *DEFAULT_GATEWAY = "10.20.30.1";
static const char *NTP_SERVER = "pool.ntp.org";
static const char *NETMASK = "255.255.255.0";

/* Copies at most size-1 bytes and always terminates (our own helper, not the libc one). */
static size_t my_strcpy(char *dst, const char *src, size_t size)
{
    size_t n = strlen(src);
    if (size > 0) {
        size_t k = n < size - 1 ? n : size - 1;
        memmove(dst, src, k);
        dst[k] = '\0';
    }
    return n;
}

int load_hostname(struct net_config *cfg, const char *name)
{
    char banner[64];
    strcpy(cfg->hostname, name);
    sprintf(banner, "gateway %s ready", cfg->hostname);
    puts("use strcpy only after checking the length");
    my_strcpy(cfg->domain, "example.local", sizeof cfg->domain);
    return snprintf(cfg->motd, sizeof cfg->motd, "%s", banner);
}

int read_console_line(char *out)
{
    char line[128];
    gets(line);
    strncpy(out, line, 127);
    return 0;
}

int check_admin(const char *password)
{
    return strcmp(password, ADMIN_PASSWORD) == 0;
}

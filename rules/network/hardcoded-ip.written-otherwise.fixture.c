/* Address-shaped text that is written as something else: escapes, formats, measured templates, versions, sections. */
#include <string.h>

static const char *const underline_caps[] = {
	/* A terminal escape: CSI 4 : 3 m, not the address 4:: */
	// ok: network.hardcoded-ip
	"Smulx=\\E[4::%p1%dm",
	// ok: network.hardcoded-ip
	"Setulc=\\E[58::2::%p1%{65536}%/%d::%p1%{256}%/%d%;m",
};

/* The widest text an address can print as: only its size is used. */
// ok: network.hardcoded-ip
static char widest6[sizeof("1234:5678:9abc:def0:1234:5678:9abc:def0")];
// ok: network.hardcoded-ip
static const size_t widest4 = strlen("255.255.255.255") + 1;

const char *plugin_api_version(void)
{
	// ok: network.hardcoded-ip
	return "3.11.2.100";
}

const char *default_gateway(void)
{
	/* Near miss: what a function not named for a version returns is an address. */
	// ruleid: network.hardcoded-ip
	return "10.44.0.1";
}

// ok: network.hardcoded-ip
static const char *see = "as required by section 4.2.1.3 of the standard";
// ok: network.hardcoded-ip
static const char *mailer = "X-Mailer: Relay 2.4.10.1";
// ok: network.hardcoded-ip
static const char *agent = "Mozilla/5.0 Tool/1.20.3.4";

/* Near misses: an address alone, bracketed in a URL, or after words that do not introduce a version. */
// ruleid: network.hardcoded-ip
static const char *ula = "fd12::7";
// ruleid: network.hardcoded-ip
static const char *url = "https://[2a01:4f8::3]:8443/health";
// ruleid: network.hardcoded-ip
static const char *log_line = "connecting to 10.8.3.21 now";
// ruleid: network.hardcoded-ip
static const char *relay = "Received: from relay by 172.20.4.9";

# An address in a URL's path or query is what the request asks about; the URL's host is where it goes.

# ok: network.hardcoded-ip
GEO_LOOKUP = "https://geo.example.net/json/93.184.216.34"
# ok: network.hardcoded-ip
WHOIS = "https://whois.example.org/lookup?ip=52.14.1.7&format=json"

# Near misses: the address is the host the program connects to, or stands outside the URL.
# ruleid: network.hardcoded-ip
UPSTREAM = "http://52.14.1.7:8080/api/v1"
# ruleid: network.hardcoded-ip
FALLBACK = "see https://status.example.org/ then 52.14.1.8"

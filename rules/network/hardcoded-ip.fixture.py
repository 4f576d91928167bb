import socket

# ruleid: network.hardcoded-ip
DB_HOST = "192.168.1.20"
# ruleid: network.hardcoded-ip
API = f"http://10.1.2.3:8080/v1/{path}"
# ruleid: network.hardcoded-ip
RESOLVER = "2606:4700:4700::1111"
# ruleid: network.hardcoded-ip
NETWORK = "10.4.0.0/16"
# ok: network.hardcoded-ip
LOCAL = "::1"
# ok: network.hardcoded-ip
DOC6 = "2001:db8::42"
# ok: network.hardcoded-ip
release = "10.0.3.1"
# ok: network.hardcoded-ip
clock = "12:30:45"
# ok: network.hardcoded-ip
mac = "00:1a:2b:3c:4d:5e"
# ok: network.hardcoded-ip
host = os.environ.get("DB_HOST", "localhost")

def connect():
    s = socket.socket()
    # ruleid: network.hardcoded-ip
    s.connect(("8.8.8.8", 53))


def describe():
    """Converts an IP address such as 123.45.67.89: a docstring is documentation, not a value (ok)."""
    # ok: network.hardcoded-ip
    private = [ipaddress.ip_network("10.0.0.0/8"), ipaddress.ip_network("fc00::/7")]
    # ruleid: network.hardcoded-ip
    office = ipaddress.ip_network("10.20.0.0/16")
    # ok: network.hardcoded-ip
    wildcard = "0.0.0.255"
    # ok: network.hardcoded-ip
    requirement = "pkg>=1.2.3.0"
# ok: network.hardcoded-ip
METADATA = "http://169.254.169.254/latest/meta-data/"
# ok: network.hardcoded-ip
IMDS6 = "fd00:ec2::254"

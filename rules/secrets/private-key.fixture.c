/* An embedded SSH key for a device. */
static const char device_key[] =
    // ruleid: secret.private-key
    "-----BEGIN OPENSSH PRIVATE KEY-----\n"
    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
    "QyNTUxOQAAACD+Zv13FIKEgM69KT+5oeM0ERceBeqdbAWTbaBMQKqHfgAAAJAWK8EEFivB\n"
    "BAAAAAtzc2gtZWQyNTUxOQAAACD+Zv13FIKEgM69KT+5oeM0ERceBeqdbAWTbaBMQKqHfg\n"
    "AAAEAjKE7tmAvV2qNQRAMfTQn447dOopZ30SOq13Ja57TpTP5m/XcUgoSAzr0pP7mh4zQR\n"
    "Fx4F6p1sBZNtoExAqod+AAAAB3Jvb3RAdm0BAgMEBQY=\n"
    "-----END OPENSSH PRIVATE KEY-----\n";

// ok: secret.private-key
#define KEY_HEADER "-----BEGIN OPENSSH PRIVATE KEY-----"

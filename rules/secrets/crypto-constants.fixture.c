#include <openssl/evp.h>

/* ruleid: secret.static-crypto-key */
#define AES_KEY "firmwarekey"
/* ruleid: secret.static-crypto-key */
static const unsigned char hmac_key[] = "devicekey";

int seal(EVP_CIPHER_CTX *ctx) {
    /* ruleid: secret.static-crypto-key */
    return EVP_EncryptInit_ex(ctx, EVP_aes_128_cbc(), NULL, (const unsigned char *)"k3yk3yk3yk3yk3y!", iv);
}

/* ok: secret.static-crypto-key */
#define AES_KEY_LEN "16"

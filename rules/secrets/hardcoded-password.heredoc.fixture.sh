#!/bin/sh
# A script that writes a C test program: the here-doc holds code, not settings.
cat > kem_check.c << _EOF
int main(void)
{
	struct keypair kp = generate_keypair(seed);
	// ok: secret.hardcoded-password
	shared_secret = pqc_mlkem768_x25519_decapsulate(
	    &kp.sk, &ciphertext);
	// ok: secret.hardcoded-password
	session_token = hkdf_sha256_expand_v2_token(shared_secret, sizeof(shared_secret));
	return 0;
}
_EOF

cat > service.conf << _EOF
[database]
# ruleid: secret.hardcoded-password
password = Vt6nQw2xLp9rZk
_EOF

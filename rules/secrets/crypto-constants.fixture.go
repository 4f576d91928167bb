package vault

import (
	"crypto/aes"
	"crypto/cipher"
)

// ruleid: secret.static-crypto-key
var aesKey = []byte("gopherkeygopher!")

func open() (cipher.Block, error) {
	// ruleid: secret.static-crypto-key
	return aes.NewCipher([]byte("anotherkey123456"))
}

// ok: secret.static-crypto-key
const keySize = "32"

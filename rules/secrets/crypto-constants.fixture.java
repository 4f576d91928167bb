import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

class Vault {
    // ruleid: secret.static-crypto-key
    private static final String AES_KEY = "sesamestreet";
    // ruleid: secret.static-crypto-key
    private static final byte[] IV = "initvectorvalue!".getBytes();

    Cipher open() throws Exception {
        // ruleid: secret.static-crypto-key
        SecretKeySpec spec = new SecretKeySpec("sixteen byte key".getBytes(), "AES");
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        // ruleid: secret.static-crypto-key
        c.init(Cipher.ENCRYPT_MODE, spec, new IvParameterSpec("abcdEFGH12345678".getBytes()));
        return c;
    }

    // ok: secret.static-crypto-key
    private static final String KEY_ALGORITHM = "AES";
    // ok: secret.static-crypto-key
    private static final String CIPHER_TRANSFORMATION = "AES/GCM/NoPadding";
    // ok: secret.static-crypto-key
    private final String aesKey = System.getenv("AES_KEY");
}

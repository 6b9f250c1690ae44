package io.sessionledger.proofs;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key that signs notes as C2SP signed-note (and Go's golang.org/x/mod/sumdb/note) define them:
 * key hash = the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key), verifier key
 * {@code <name>+<8 hex digits of the key hash>+<base64(0x01 || public key)>}. The JDK's Ed25519 does the maths.
 */
public final class NoteKey {

    public static final byte ED25519 = 0x01;
    /** DER prefix of a PKCS#8 Ed25519 private key (RFC 8410) followed by the 32-byte seed. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private final String name;
    private final PrivateKey privateKey;
    private final byte[] publicKey;
    private final byte[] keyHash;

    private NoteKey(String name, byte[] seed) {
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("a note key name is non-empty, without spaces or '+'");
        }
        this.name = name;
        KeyPair pair = fromSeed(seed);
        this.privateKey = pair.getPrivate();
        byte[] encoded = pair.getPublic().getEncoded(); // X.509: 12 bytes of header, then the 32-byte key
        this.publicKey = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        this.keyHash = keyHash(name, publicKey);
    }

    /** @param key base64 of a 32-byte seed or of a PKCS#8 Ed25519 private key */
    public static NoteKey of(String name, String key) {
        byte[] bytes = Base64.getDecoder().decode(key.trim());
        if (bytes.length == 32) {
            return new NoteKey(name, bytes);
        }
        if (bytes.length >= 48 && Arrays.equals(Arrays.copyOfRange(bytes, 0, 16), PKCS8_PREFIX)) {
            return new NoteKey(name, Arrays.copyOfRange(bytes, 16, 48));
        }
        throw new IllegalArgumentException("the signing key is neither a 32-byte seed nor a PKCS#8 Ed25519 key");
    }

    public static NoteKey ofSeed(String name, byte[] seed) {
        return new NoteKey(name, seed);
    }

    public static byte[] newSeed() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return seed;
    }

    public String name() {
        return name;
    }

    public byte[] keyHash() {
        return keyHash.clone();
    }

    /** The verifier key string a note reader is configured with. */
    public String verifierKey() {
        byte[] typed = new byte[33];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyHash) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The 4-byte key hash of C2SP signed-note: SHA-256(name || 0x0A || 0x01 || key), first 4 bytes. */
    public static byte[] keyHash(String name, byte[] publicKey) {
        var sha = MerkleHashes.sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(ED25519);
        sha.update(publicKey);
        return Arrays.copyOf(sha.digest(), 4);
    }

    /** The JDK derives the public key while generating a pair; a "random" source that yields the seed fixes it. */
    private static KeyPair fromSeed(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] pkcs8 = new byte[48];
            System.arraycopy(PKCS8_PREFIX, 0, pkcs8, 0, 16);
            System.arraycopy(seed, 0, pkcs8, 16, 32);
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            PublicKey publicKey = pair.getPublic();
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private static final class FixedSeed extends SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}

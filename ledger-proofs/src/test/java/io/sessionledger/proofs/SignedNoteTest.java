package io.sessionledger.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    private static final HexFormat HEX = HexFormat.of();
    /** RFC 8032 §7.1, test 1. */
    private static final byte[] SEED = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final String PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String EMPTY_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    @Test
    void aSeedGivesTheRfc8032KeyAndSignature() {
        NoteKey key = NoteKey.ofSeed("example.com/log", SEED);

        byte[] typed = Base64.getDecoder().decode(key.verifierKey().split("\\+", 3)[2]);
        assertThat(HEX.formatHex(typed)).isEqualTo("01" + PUBLIC);
        assertThat(HEX.formatHex(key.sign(new byte[0]))).isEqualTo(EMPTY_SIGNATURE);
    }

    @Test
    void theVerifierKeyNamesTheKeyHashOfNameAndKey() throws Exception {
        NoteKey key = NoteKey.ofSeed("example.com/log", SEED);
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update("example.com/log\n".getBytes());
        sha.update(HEX.parseHex("01" + PUBLIC));
        String expectedHash = HEX.formatHex(sha.digest()).substring(0, 8);

        assertThat(key.verifierKey()).isEqualTo("example.com/log+" + expectedHash + "+"
                + Base64.getEncoder().encodeToString(HEX.parseHex("01" + PUBLIC)));
    }

    @Test
    void aCheckpointIsASignedNoteThatVerifiesAndRefusesAnyChange() throws Exception {
        NoteKey key = NoteKey.ofSeed("example.com/log", SEED);
        byte[] root = HEX.parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

        String note = SignedNote.sign(SignedNote.checkpointBody("example.com/log", 8, root), key);

        assertThat(note).startsWith("example.com/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n\u2014 example.com/log ");
        assertThat(note).endsWith("\n");
        assertThat(NoteVerifier.verify(note, key.verifierKey())).isEqualTo("example.com/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
        assertThat(NoteVerifier.verify(note.replace("\n8\n", "\n9\n"), key.verifierKey())).isNull();
        NoteKey other = NoteKey.ofSeed("example.com/log", NoteKey.newSeed());
        assertThat(NoteVerifier.verify(note, other.verifierKey())).isNull();
    }

    @Test
    void aPkcs8KeyAndItsSeedAreTheSameKey() {
        String pkcs8 = Base64.getEncoder().encodeToString(HEX.parseHex("302e020100300506032b657004220420"
                + HEX.formatHex(SEED)));

        assertThat(NoteKey.of("log", pkcs8).verifierKey())
                .isEqualTo(NoteKey.of("log", Base64.getEncoder().encodeToString(SEED)).verifierKey());
        assertThatThrownBy(() -> NoteKey.of("log", "AAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteKey.ofSeed("a b", SEED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVerifierKeyIsCheckedBeforeUseAndACheckpointBodyIsRead() {
        NoteKey key = NoteKey.ofSeed("example.com/log", SEED);
        String good = key.verifierKey();
        String wrongHash = good.replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+");

        assertThatThrownBy(() -> NoteVerifier.of(wrongHash)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteVerifier.of("example.com/log")).isInstanceOf(IllegalArgumentException.class);
        assertThat(NoteVerifier.verify("not a note", good)).isNull();
        String note = SignedNote.sign(SignedNote.checkpointBody("example.com/log", 8, new byte[32]), key);
        CheckpointNote checkpoint = CheckpointNote.verified(note, NoteVerifier.of(good)).orElseThrow();
        assertThat(checkpoint.origin()).isEqualTo("example.com/log");
        assertThat(checkpoint.treeSize()).isEqualTo(8);
        assertThat(checkpoint.rootHash()).isEqualTo(new byte[32]);
        assertThatThrownBy(() -> CheckpointNote.parse("example.com/log\nx\nAAAA\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

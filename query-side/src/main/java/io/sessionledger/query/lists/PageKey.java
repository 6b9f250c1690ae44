package io.sessionledger.query.lists;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Vectara cursor: base64url of the last session key a page examined. Opaque to clients; a forged one
 * can only position a scan within the caller's own agent, so decoding checks form, not origin.
 */
final class PageKey {

    /** Longer than any key the store holds (keys are at most 50 characters), with room to spare. */
    private static final int MAX_KEY_CHARS = 200;

    private PageKey() {
    }

    static String encode(String sessionKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sessionKey.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the session key after which the next page starts */
    static String decode(String pageKey) {
        if (pageKey.isEmpty() || pageKey.length() > MAX_KEY_CHARS * 2) {
            throw new BadPageKey();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(pageKey);
            String key = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (key.isEmpty() || key.length() > MAX_KEY_CHARS || key.chars().anyMatch(Character::isISOControl)) {
                throw new BadPageKey();
            }
            return key;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new BadPageKey();
        }
    }
}

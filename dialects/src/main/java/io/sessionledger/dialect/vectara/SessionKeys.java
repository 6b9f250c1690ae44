package io.sessionledger.dialect.vectara;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Keys generated from a session's name when the client sends none: the name in lower case without accents,
 * every run of other characters one {@code -}, trimmed, at most {@value #MAX_BASE} characters ("Support chat:
 * Zoë" becomes {@code support-chat-zoe}). A name with no letter or digit gives {@code session}. When that key is
 * taken, a random suffix makes another ({@code support-chat-zoe-k3x9q2}); every result matches the key pattern.
 */
public final class SessionKeys {

    public static final int MAX_BASE = 40;
    public static final int SUFFIX_LENGTH = 6;
    private static final String FALLBACK = "session";
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionKeys() {
    }

    public static String fromName(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(Math.min(plain.length(), MAX_BASE));
        boolean separator = false;
        for (int i = 0; i < plain.length() && key.length() < MAX_BASE; i++) {
            char c = plain.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (separator && key.length() > 0) {
                    if (key.length() >= MAX_BASE - 1) {
                        break; // no room for a separator and another character: end at a word boundary
                    }
                    key.append('-');
                }
                separator = false;
                key.append(c);
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                // Accents split off by NFKD are dropped ("ë" -> "e"); anything else separates words.
                separator = true;
            }
        }
        return key.isEmpty() ? FALLBACK : key.toString();
    }

    /** The base with {@code -} and {@value #SUFFIX_LENGTH} random letters and digits: at most 47 characters. */
    public static String withSuffix(String base) {
        StringBuilder key = new StringBuilder(base.length() + 1 + SUFFIX_LENGTH).append(base).append('-');
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            key.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return key.toString();
    }
}

package io.journeyflow.core.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content-derived ids and buckets: SHA-256 over the parts, each followed by a zero byte so that ("ab", "c") and
 * ("a", "bc") differ. No clock, no randomness, the same on every machine. Not thread-safe (one digest reused).
 */
final class Ids {

    static final int BUCKETS = 10_000;

    private final MessageDigest sha256;

    Ids() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** 64 bits: unique enough among one customer's instances of one journey. */
    String instanceId(String customerId, String journeyId, String entryEventId) {
        return HexFormat.of().formatHex(digest(customerId, journeyId, entryEventId), 0, 8);
    }

    /** 128 bits: downstream de-duplicates actions across all customers by this id. */
    String actionId(String customerId, String journeyId, int version, String instanceId, String stepId, int seq) {
        return HexFormat.of().formatHex(
                digest(customerId, journeyId, Integer.toString(version), instanceId, stepId, Integer.toString(seq)),
                0, 16);
    }

    /** A bucket in 0..9999 for this customer in this journey; {@code salt} keeps holdout and split independent. */
    int bucket(String salt, String customerId, String journeyId) {
        byte[] hash = digest(salt, customerId, journeyId);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (hash[i] & 0xFF);
        }
        return (int) Long.remainderUnsigned(value, BUCKETS);
    }

    private byte[] digest(String... parts) {
        for (String part : parts) {
            sha256.update(part.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        return sha256.digest();
    }
}

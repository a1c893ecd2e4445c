package io.journeyflow.core.engine;

/**
 * 64-bit hashes of event ids for the duplicate filter: eight bytes of state per remembered id, whatever the id's
 * length, compared without touching strings. FNV-1a over the UTF-16 code units, then a full-avalanche finalizer. With
 * 32 ids remembered, a false duplicate takes about 2^59 events from one customer. Stable across JVMs and releases:
 * stored hashes must keep matching.
 */
final class EventIdHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private EventIdHash() {
    }

    static long of(String eventId) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < eventId.length(); i++) {
            hash = (hash ^ eventId.charAt(i)) * FNV_PRIME;
        }
        hash = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
        hash = (hash ^ (hash >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }
}

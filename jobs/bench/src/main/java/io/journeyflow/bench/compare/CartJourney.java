package io.journeyflow.bench.compare;

import io.journeyflow.schema.CustomerEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The cart-abandonment journey of the comparison, as data: the Journeyflow definition (a resource) and the rules the
 * hand-written and CEP jobs implement from it. Keep the two in step: the comparison ITCase fails when they drift.
 */
public final class CartJourney {

    public static final String ID = "cart-abandonment-bench";
    public static final int VERSION = 1;
    public static final long WAIT_MS = Duration.ofHours(1).toMillis();
    public static final long CLICK_WINDOW_MS = Duration.ofDays(2).toMillis();
    public static final long COOLDOWN_MS = Duration.ofDays(7).toMillis();

    static final String CART = "cart_updated";
    static final String PURCHASE = "purchase";
    static final String CLICK = "message_clicked";

    private static final String RESOURCE = "/compare/cart-abandonment-bench.yaml";

    private CartJourney() {
    }

    /** A cart with a value: the event that may start the journey. */
    public static boolean isEntry(CustomerEvent event) {
        return CART.equals(event.getType()) && event.getProperties().get("cart_value") instanceof Number value
                && value.doubleValue() > 0.0;
    }

    public static boolean isPurchase(CustomerEvent event) {
        return PURCHASE.equals(event.getType());
    }

    public static boolean isClick(CustomerEvent event) {
        return CLICK.equals(event.getType());
    }

    /** Writes the Journeyflow definition into {@code folder} (created if need be), for the job's start-up folder. */
    public static Path writeDefinition(Path folder) {
        try (InputStream in = CartJourney.class.getResourceAsStream(RESOURCE)) {
            Files.createDirectories(folder);
            Path file = folder.resolve(ID + ".yaml");
            Files.write(file, in.readAllBytes());
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

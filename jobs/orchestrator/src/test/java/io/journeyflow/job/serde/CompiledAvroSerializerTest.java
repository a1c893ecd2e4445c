package io.journeyflow.job.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.journeyflow.core.engine.RecentHashes;
import io.journeyflow.schema.state.ChannelEngagement;
import io.journeyflow.schema.state.ConsentSource;
import io.journeyflow.schema.state.CustomerState;
import io.journeyflow.schema.state.JourneyHistory;
import io.journeyflow.schema.state.JourneyInstance;
import io.journeyflow.schema.state.LedgerEntry;
import io.journeyflow.schema.state.Profile;
import io.journeyflow.schema.state.Suppression;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.avro.AvroRuntimeException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.junit.jupiter.api.Test;

class CompiledAvroSerializerTest {

    private final TypeSerializer<CustomerState> compiled = new CompiledAvroSerializer<>(CustomerState.class);
    private final TypeSerializer<CustomerState> flinks = new AvroSerializer<>(CustomerState.class);

    @Test
    void writesFlinksBytesAndEachReadsTheOthers() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            CustomerState state = RandomState.of(random);
            byte[] expected = bytes(flinks, state);
            assertThat(bytes(compiled, state)).as("state %d", i).isEqualTo(expected);
            assertThat(streamedBytes(compiled, state)).as("state %d through a stream", i).isEqualTo(expected);
            // Compared with what Flink's serializer reads, not with the state: a lone surrogate does not survive UTF-8.
            CustomerState read = read(compiled, expected);
            assertThat(read).isEqualTo(read(flinks, expected));
            read.getInstances().keySet().forEach(key -> assertThat(key).isInstanceOf(String.class));
        }
    }

    @Test
    void theSnapshotIsFlinksSoSavepointsRestoreEitherWay() throws Exception {
        TypeSerializerSnapshot<CustomerState> ours = compiled.snapshotConfiguration();
        TypeSerializerSnapshot<CustomerState> theirs = flinks.snapshotConfiguration();
        assertThat(snapshotBytes(ours)).isEqualTo(snapshotBytes(theirs));
        assertThat(ours.resolveSchemaCompatibility(theirs).isCompatibleAsIs()).isTrue();
        assertThat(theirs.resolveSchemaCompatibility(ours).isCompatibleAsIs()).isTrue();
    }

    @Test
    void duplicatesAreEqualButSeparate() {
        TypeSerializer<CustomerState> duplicate = compiled.duplicate();
        assertThat(duplicate).isEqualTo(compiled).isNotSameAs(compiled).hasSameHashCodeAs(compiled);
        assertThat(duplicate).isNotEqualTo(flinks);
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        CustomerState state = RandomState.of(new Random(1));
        JourneyInstance instance = RandomState.instance(new Random(2));
        instance.setStepId(null);
        state.getInstances().put("j", instance);
        assertThatThrownBy(() -> bytes(compiled, state)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("io.journeyflow.schema.state.JourneyInstance.step_id");
    }

    @Test
    void aValueNoBranchHoldsIsRefused() {
        CustomerState state = RandomState.of(new Random(3));
        state.setProfile(Profile.newBuilder().setAttributes(new HashMap<>(Map.of("when", new java.util.Date()))).build());
        assertThatThrownBy(() -> bytes(compiled, state)).isInstanceOf(AvroRuntimeException.class)
                .hasMessageContaining("java.util.Date");
    }

    private static byte[] bytes(TypeSerializer<CustomerState> serializer, CustomerState state) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(state, out);
        return out.getCopyOfBuffer();
    }

    /** As a checkpoint writes: to a stream, not to Flink's in-memory serializer. */
    private static byte[] streamedBytes(TypeSerializer<CustomerState> serializer, CustomerState state)
            throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        serializer.serialize(state, new DataOutputViewStreamWrapper(stream));
        return stream.toByteArray();
    }

    private static CustomerState read(TypeSerializer<CustomerState> serializer, byte[] bytes) throws Exception {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        CustomerState state = serializer.deserialize(in);
        assertThat(in.available()).isZero();
        return state;
    }

    private static byte[] snapshotBytes(TypeSerializerSnapshot<CustomerState> snapshot) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return out.getCopyOfBuffer();
    }

    /** Every field, each optional one present or not, every kind of attribute, strings beyond ASCII. */
    private static final class RandomState {

        private static final String[] WORDS = {"", "email", "chaussures é", "👟 sneakers", "\ud800 lone", "x".repeat(300)};

        static CustomerState of(Random random) {
            CustomerState state = new CustomerState();
            state.setInstances(mapOf(random, () -> instance(random)));
            state.setHistory(mapOf(random, () -> new JourneyHistory(random.nextBoolean(), nullable(random, random::nextLong),
                    nullable(random, random::nextLong))));
            state.setRecentEventHashes(random.nextBoolean() ? listOf(random, random::nextLong) : recentHashes(random));
            state.setProfile(random.nextInt(4) == 0 ? null : profile(random));
            state.setLedger(listOf(random, () -> new LedgerEntry(random.nextLong(), word(random), word(random),
                    word(random), random.nextInt(), random.nextLong())));
            state.setSuppressions(mapOf(random, () -> new Suppression(random.nextInt(), random.nextLong())));
            state.setTimerAt(nullable(random, random::nextLong));
            return state;
        }

        /** The engine's own list, its oldest hashes dropped now and then. */
        private static RecentHashes recentHashes(Random random) {
            RecentHashes hashes = new RecentHashes();
            int limit = 1 + random.nextInt(6);
            for (int i = random.nextInt(12); i > 0; i--) {
                hashes.add(random.nextLong());
                if (hashes.size() > limit) {
                    hashes.remove(0);
                }
            }
            return hashes;
        }

        static JourneyInstance instance(Random random) {
            return new JourneyInstance(random.nextInt(), word(random), word(random), random.nextLong(),
                    random.nextLong(), nullable(random, random::nextLong), nullable(random, () -> word(random)),
                    random.nextBoolean(), random.nextInt(), nullable(random, () -> word(random)), random.nextBoolean());
        }

        private static Profile profile(Random random) {
            Supplier<Object> attribute = () -> switch (random.nextInt(5)) {
                case 0 -> null;
                case 1 -> random.nextBoolean();
                case 2 -> random.nextLong();
                case 3 -> random.nextDouble();
                default -> word(random);
            };
            return Profile.newBuilder()
                    .setAttributes(mapOf(random, attribute))
                    .setConsent(mapOf(random, random::nextBoolean))
                    .setTimeZone(nullable(random, () -> word(random)))
                    .setUpdatedAt(random.nextLong())
                    .setLocale(nullable(random, () -> word(random)))
                    .setConsentSources(mapOf(random, () -> new ConsentSource(nullable(random, () -> word(random)),
                            random.nextLong())))
                    .setOrders(random.nextInt())
                    .setLifetimeValue(random.nextDouble() * 1e6)
                    .setLastPurchaseAt(nullable(random, random::nextLong))
                    .setRefunds(random.nextInt())
                    .setOpenTickets(random.nextInt())
                    .setLastTicketAt(nullable(random, random::nextLong))
                    .setEngagement(mapOf(random, () -> new ChannelEngagement(random.nextDouble(),
                            random.nextDouble(), random.nextDouble(), random.nextLong())))
                    .setEngagedHours(nullable(random, () -> hours(random)))
                    .setActivity(mapOf(random, () -> listOf(random, random::nextLong)))
                    .build();
        }

        /** Sometimes a slice of a larger buffer, as a ByteBuffer read from elsewhere can be. */
        private static ByteBuffer hours(Random random) {
            byte[] bytes = new byte[168 + 10];
            random.nextBytes(bytes);
            return random.nextBoolean() ? ByteBuffer.wrap(bytes, 0, 168).slice() : ByteBuffer.wrap(bytes, 5, 168);
        }

        private static String word(Random random) {
            return WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? random.nextInt(1000) : "");
        }

        private static <T> T nullable(Random random, Supplier<T> value) {
            return random.nextBoolean() ? null : value.get();
        }

        private static <T> List<T> listOf(Random random, Supplier<T> item) {
            List<T> items = new ArrayList<>();
            for (int n = random.nextInt(4) == 0 ? 0 : random.nextInt(40); n > 0; n--) {
                items.add(item.get());
            }
            return items;
        }

        private static <T> Map<String, T> mapOf(Random random, Supplier<T> value) {
            Map<String, T> entries = new HashMap<>();
            for (int n = random.nextInt(4) == 0 ? 0 : random.nextInt(8); n > 0; n--) {
                entries.put(word(random), value.get());
            }
            return entries;
        }
    }
}

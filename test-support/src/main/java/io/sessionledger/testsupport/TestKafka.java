package io.sessionledger.testsupport;

import io.sessionledger.events.LedgerTopics;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Real in-process KRaft brokers for tests, tuned so that a consumer group forms at once. */
public final class TestKafka {

    private static EmbeddedKafkaKraftBroker shared;

    private TestKafka() {
    }

    /** One broker for the whole test JVM, with the session topic in four partitions. */
    public static synchronized String bootstrap() {
        if (shared == null) {
            shared = start(4, LedgerTopics.SESSION_EVENTS);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::destroy));
        }
        return shared.getBrokersAsString();
    }

    /** A broker of the test's own, with these topics; the test destroys it. */
    public static EmbeddedKafkaKraftBroker start(int partitions, String... topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        return broker;
    }

    /** A broker that refuses to create topics on demand, so a producer finds no topic until a test adds it. */
    public static EmbeddedKafkaKraftBroker startWithoutTopics() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 4);
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
        return broker;
    }
}

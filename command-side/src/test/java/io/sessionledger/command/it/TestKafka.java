package io.sessionledger.command.it;

import io.sessionledger.events.LedgerTopics;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real in-process KRaft broker for the test JVM, with the session topic in four partitions. */
final class TestKafka {

    private static EmbeddedKafkaKraftBroker shared;

    private TestKafka() {
    }

    static synchronized String bootstrap() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::destroy));
        }
        return shared.getBrokersAsString();
    }

    private static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 4, LedgerTopics.SESSION_EVENTS);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        return broker;
    }

    /** A broker that refuses to create topics on demand, so a producer finds no topic until a test adds it. */
    static EmbeddedKafkaKraftBroker startWithoutTopics() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 4);
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
        return broker;
    }
}

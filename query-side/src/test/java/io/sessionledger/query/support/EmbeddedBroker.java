package io.sessionledger.query.support;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real in-process KRaft broker, tuned so that a consumer group forms at once. */
public final class EmbeddedBroker {

    private EmbeddedBroker() {
    }

    public static EmbeddedKafkaKraftBroker start(int partitions, String... topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        return broker;
    }
}

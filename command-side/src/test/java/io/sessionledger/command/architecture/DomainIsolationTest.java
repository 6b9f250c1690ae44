package io.sessionledger.command.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain (the Session aggregate, its commands and decisions) knows Axon's aggregate model and the published
 * events, nothing else: no Spring, no HTTP, no dialect, no storage or Kafka code, no adapter of this service.
 */
@AnalyzeClasses(packages = "io.sessionledger", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIsolationTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworksAndDialects = noClasses()
            .that().resideInAPackage("io.sessionledger.command.session..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "org.apache.kafka..", "java.sql..",
                    "io.sessionledger.dialect..", "io.sessionledger.service..", "io.sessionledger.command.api..",
                    "io.sessionledger.command.handling..", "io.sessionledger.command.publishing..",
                    "io.sessionledger.command.uniqueness..", "io.sessionledger.command.config..")
            .because("the domain decides; adapters translate (STYLE.md)");

    @ArchTest
    static final ArchRule dialectsStayOutOfTheCore = noClasses()
            .that().resideInAnyPackage("io.sessionledger.command.handling..", "io.sessionledger.command.publishing..",
                    "io.sessionledger.command.uniqueness..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sessionledger.dialect..",
                    "io.sessionledger.command.api..")
            .because("each dialect is an adapter with one home; the write path knows none of them");
}

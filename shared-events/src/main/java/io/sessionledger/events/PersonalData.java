package io.sessionledger.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that holds personal data of the event's data subject.
 *
 * <p>Crypto-shredding encrypts exactly these fields with a key per data subject (see
 * {@link DataSubject}); erasing the key erases the data while the event, its hash and its place in the
 * chain stay. Anything not marked here is stored and published in clear.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface PersonalData {
}

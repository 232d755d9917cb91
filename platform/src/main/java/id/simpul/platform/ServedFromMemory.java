package id.simpul.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation (or every operation of a controller) answered from what the service holds in memory, so never with
 * {@code 503} for the store: the OpenAPI document leaves that answer out. Every other operation documents it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ServedFromMemory {
}

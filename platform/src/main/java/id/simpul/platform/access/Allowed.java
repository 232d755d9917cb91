package id.simpul.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The right (docs/access.md) an operation needs. The edge refuses a caller who does not hold it at all before the
 * request's body is read; the application service then checks it on the resource (scope, ownership, four eyes). A
 * service's operation without this annotation stops the service from starting: nothing is open by omission.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Allowed {
    /** The right's name, such as {@code kim.register}. */
    String value();
}

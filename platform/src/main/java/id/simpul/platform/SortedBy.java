package id.simpul.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a list's {@code sort} parameter: the class whose one static {@link Sorting.Fields} constant the list sorts by,
 * so that the OpenAPI document lists exactly the values {@link Sorting.Fields#parse} takes, with the default.
 * <pre>{@code @RequestParam(required = false) @SortedBy(KimSort.class) String sort}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface SortedBy {

    Class<?> value();
}

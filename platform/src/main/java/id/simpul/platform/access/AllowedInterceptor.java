package id.simpul.platform.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a caller who does not hold an operation's {@link Allowed} right at all, before its body is read; and, once
 * the context has started, checks that every operation of the service names a right that is defined.
 */
public final class AllowedInterceptor implements HandlerInterceptor, SmartInitializingSingleton {

    /** The services' own controllers; Spring's and springdoc's are outside it. */
    static final String SERVICE_PACKAGES = "id.simpul.";

    private final Access access;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    public AllowedInterceptor(Access access, ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.access = access;
        this.mappings = mappings;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && guarded(method)) {
            access.require(right(method).orElseThrow(() -> new IllegalStateException("No right for " + method)));
        }
        return true;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> open = mappings.orderedStream()
                .flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
                .filter(entry -> guarded(entry.getValue()))
                .filter(entry -> right(entry.getValue()).flatMap(name -> access.rights().named(name)).isEmpty())
                .map(Map.Entry::getKey)
                .map(Object::toString)
                .sorted()
                .toList();
        if (!open.isEmpty()) {
            throw new IllegalStateException("These operations name no defined right (@Allowed): " + open);
        }
    }

    static boolean guarded(HandlerMethod method) {
        return method.getBeanType().getName().startsWith(SERVICE_PACKAGES);
    }

    static Optional<String> right(HandlerMethod method) {
        return Optional.ofNullable(method.getMethodAnnotation(Allowed.class)).map(Allowed::value);
    }
}

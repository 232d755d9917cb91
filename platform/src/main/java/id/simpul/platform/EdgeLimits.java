package id.simpul.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * {@code simpul.http.*}: what every service accepts at its HTTP edge.
 *
 * @param maxJsonBody the largest JSON request body; larger ones get 413 (uploads have their own limit,
 *                    {@code spring.servlet.multipart.max-file-size})
 * @param formPaths   path patterns ({@code /oauth2/**}) that take URL-encoded forms, which every other path refuses:
 *                    only where a protocol requires them (OAuth2's token endpoint, a CSRF-protected sign-in form)
 */
@ConfigurationProperties("simpul.http")
public record EdgeLimits(@DefaultValue("1MB") DataSize maxJsonBody, @DefaultValue List<String> formPaths) {
}

package id.simpul.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code simpul.http.*}: what every service accepts at its HTTP edge.
 *
 * @param maxJsonBody the largest JSON request body; larger ones get 413 (uploads have their own limit,
 *                    {@code spring.servlet.multipart.max-file-size})
 */
@ConfigurationProperties("simpul.http")
public record EdgeLimits(@DefaultValue("1MB") DataSize maxJsonBody) {
}

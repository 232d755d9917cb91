package id.simpul.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;

/**
 * What every Simpul service shares: problem details, the strict HTTP edge (body limits, strict JSON, normalised
 * text), MongoDB client settings (majority write concern with journal, quick failure while the store is away),
 * health checks that answer at once, and the OpenAPI description.
 */
// Before Spring MVC's own problem-details handler, which backs off when this advice exists.
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@EnableConfigurationProperties({MongoSettings.class, EdgeLimits.class})
@Import(ProblemDetailsAdvice.class)
public class PlatformAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    MongoClientDefaults mongoClientDefaults(MongoSettings settings) {
        return new MongoClientDefaults(settings);
    }

    @Bean
    StrictJson strictJson() {
        return new StrictJson();
    }

    @Bean
    FilterRegistrationBean<EdgeFilter> edgeFilter(EdgeLimits limits) {
        FilterRegistrationBean<EdgeFilter> registration = new FilterRegistrationBean<>(new EdgeFilter(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Static: it post-processes the health indicator beans, so it must exist before them. */
    @Bean
    static BackgroundHealth backgroundHealth(@Value("${simpul.health.interval:2s}") Duration interval,
                                             @Value("${simpul.health.timeout:1500ms}") Duration timeout) {
        return new BackgroundHealth(interval, timeout);
    }

    @Bean
    @ConditionalOnProperty("simpul.exit-with-parent")
    ParentProcessWatch parentProcessWatch(@Value("${simpul.exit-with-parent}") long parentPid) {
        return new ParentProcessWatch(parentPid);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI simpulOpenApi(@Value("${spring.application.name}") String name,
                          @Value("${simpul.api.description:}") String description) {
        return new OpenAPI().info(new Info()
                .title("Simpul " + name)
                .description(description)
                .version("v1")
                .license(new License().name("Apache-2.0")));
    }
}

package id.simpul.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Problem details, the MongoDB health check and the OpenAPI description for every Simpul service. */
// Before Spring MVC's own problem-details handler, which backs off when this advice exists.
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@Import(ProblemDetailsAdvice.class)
public class PlatformAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
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

package id.simpul.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import id.simpul.platform.access.Access;
import id.simpul.platform.access.AllowedInterceptor;
import id.simpul.platform.access.Rights;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
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

import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.util.List;

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
                          @Value("${simpul.api.description:}") String description,
                          @Value("${simpul.api.contact.name:Simpul maintainers}") String contactName,
                          @Value("${simpul.api.contact.url:https://simpul.id/}") String contactUrl) {
        return new OpenAPI()
                .info(new Info()
                        .title("Simpul " + name)
                        .description(description + " The conventions every Simpul API follows (times, ids, problem "
                                + "details, paging, sorting, ETags, CSV) are in docs/api.md.")
                        .version("v1")
                        .contact(new Contact().name(contactName).url(contactUrl))
                        .license(new License().name("Apache License 2.0").identifier("Apache-2.0")))
                // Relative: the service is served where this document is (each on its own port).
                .servers(List.of(new Server().url("/").description("This " + name + ", where this document is served")));
    }

    @Bean
    ApiDocs simpulApiDocs(ObjectProvider<Access> access) {
        return new ApiDocs(name -> java.util.Optional.ofNullable(access.getIfAvailable()).flatMap(a -> a.rights().named(name)));
    }

    /**
     * The rights of docs/access.md, where the service defines them ({@link Rights} beans): public reads are open
     * unless {@code simpul.access.public-reads=false}.
     */
    @Bean
    @ConditionalOnBean(Rights.class)
    Access simpulAccess(List<Rights> rights, @Value("${simpul.access.public-reads:true}") boolean publicReads) {
        return new Access(rights, publicReads);
    }

    @Bean
    @ConditionalOnBean(Rights.class)
    AllowedInterceptor simpulAllowedInterceptor(Access access, ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return new AllowedInterceptor(access, mappings);
    }

    /**
     * A caller without an operation's right at all is refused first; then unknown query parameters and malformed
     * UUID path variables are 400 before a controller runs.
     */
    @Bean
    WebMvcConfigurer simpulParameterCheck(ObjectProvider<AllowedInterceptor> allowed) {
        ParameterCheck check = new ParameterCheck();
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                allowed.ifAvailable(registry::addInterceptor);
                registry.addInterceptor(check);
            }
        };
    }
}

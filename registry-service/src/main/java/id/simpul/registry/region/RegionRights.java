package id.simpul.registry.region;

import id.simpul.platform.access.Right;
import id.simpul.platform.access.Rights;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The region reference is public (docs/access.md), unless public reads are closed. */
@Configuration(proxyBeanMethods = false)
public class RegionRights {

    public static final String READ = "regions.read";

    @Bean
    Rights regionOperationRights() {
        return Rights.of(Right.named(READ).anyone());
    }
}

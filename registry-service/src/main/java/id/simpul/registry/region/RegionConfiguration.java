package id.simpul.registry.region;

import id.simpul.regions.RegionDataset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The region dataset, read once at start-up from the regions jar. */
@Configuration
class RegionConfiguration {

    @Bean
    RegionDataset regionDataset() {
        return RegionDataset.load();
    }
}

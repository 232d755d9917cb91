package id.simpul.reporting;

import org.springframework.boot.SpringApplication;
import id.simpul.regions.RegionDataset;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** reporting-service: read models of every Simpul event stream, and the dashboards built on them. */
@SpringBootApplication
@EnableScheduling
public class ReportingApplication {

    /** Indonesia's regions: where figures are placed, and the denominators of mapping coverage. */
    @Bean
    RegionDataset regionDataset() {
        return RegionDataset.load();
    }

    public static void main(String[] args) {
        SpringApplication.run(ReportingApplication.class, args);
    }
}

package id.simpul.registry.kim;

import id.simpul.regions.Region;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;
import id.simpul.regions.RegionCode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * What each region requires of its KIMs ({@code simpul.rules} in application.yml): a national default, overridden
 * per province and then per regency/city, requirement by requirement.
 */
@Component
public class RegionalRules {

    /**
     * {@code simpul.rules}: {@code national} and {@code regions} keyed by province or regency code, written
     * {@code "[63.03]"} in YAML because the codes contain dots.
     */
    @ConfigurationProperties("simpul.rules")
    public record Settings(@DefaultValue Rule national, Map<String, Rule> regions) {

        public Settings {
            regions = regions == null ? Map.of() : Map.copyOf(regions);
        }
    }

    /** A requirement left null is inherited from the level above. */
    public record Rule(Integer minMembers, Boolean decreeRequired) {
    }

    private final Settings settings;
    private final RegionDataset regions;

    RegionalRules(Settings settings, RegionDataset regions) {
        this.settings = settings;
        this.regions = regions;
        settings.regions().keySet().forEach(code -> {
            Region region = regions.find(code).orElseThrow(() -> new IllegalStateException(
                    "simpul.rules.regions names " + code + ", which is not a Kemendagri region code"));
            if (region.level() != RegionLevel.PROVINCE && region.level() != RegionLevel.REGENCY) {
                throw new IllegalStateException("simpul.rules.regions." + code + ": rules are set per province or regency");
            }
        });
    }

    /** The rule that applies in {@code village}. */
    public RegionalRule forVillage(RegionCode village) {
        Integer minMembers = settings.national().minMembers();
        boolean decreeRequired = Boolean.TRUE.equals(settings.national().decreeRequired());
        String minSource = "the national rule";
        String decreeSource = "the national rule";
        for (RegionLevel level : new RegionLevel[] {RegionLevel.PROVINCE, RegionLevel.REGENCY}) {
            String code = village.at(level).value();
            Rule rule = settings.regions().get(code);
            if (rule == null) {
                continue;
            }
            String name = regions.find(code).map(r -> r.name() + " (" + code + ")").orElse(code);
            if (rule.minMembers() != null) {
                minMembers = rule.minMembers();
                minSource = name;
            }
            if (rule.decreeRequired() != null) {
                decreeRequired = rule.decreeRequired();
                decreeSource = name;
            }
        }
        return new RegionalRule(minMembers, decreeRequired, new RegionalRule.Source(minSource, decreeSource));
    }
}

package id.simpul.registry.region;

import id.simpul.regions.Region;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;

import java.util.EnumMap;
import java.util.Map;

/** A region as the API answers it. */
record RegionResponse(String code, String name, RegionLevel level, Reference parent, Reference province,
                      TimeZone timeZone, boolean kelurahan, Children children, Map<RegionLevel, Integer> below) {

    record Reference(String code, String name, RegionLevel level) {
        static Reference of(Region region) {
            return region == null ? null : new Reference(region.code(), region.name(), region.level());
        }
    }

    /** WIB, WITA or WIT, with its offset and IANA zone. */
    record TimeZone(String name, String utcOffset, String zoneId) {
    }

    /** The regions directly below: their level and how many. */
    record Children(RegionLevel level, int count) {
    }

    static RegionResponse of(Region region, RegionDataset regions) {
        Region parent = region.parentCode() == null ? null : regions.find(region.parentCode()).orElse(null);
        Region province = regions.find(region.provinceCode()).orElseThrow();
        Map<RegionLevel, Integer> below = new EnumMap<>(RegionLevel.class);
        below.putAll(regions.countsBelow(region.code()));
        return new RegionResponse(region.code(), region.name(), region.level(), Reference.of(parent),
                Reference.of(province),
                new TimeZone(region.timeZone().name(), region.timeZone().offset().getId(), region.timeZone().zone().getId()),
                region.isKelurahan(),
                region.level().below() == null ? null : new Children(region.level().below(), regions.children(region.code()).size()),
                below);
    }
}

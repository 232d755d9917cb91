package id.simpul.reporting.projection;

import id.simpul.regions.Region;
import id.simpul.regions.RegionCode;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;
import org.springframework.stereotype.Component;

import java.util.Collection;

/** Places events on the region dataset: the codes above a village, and a clear refusal of codes it does not know. */
@Component
class Places {

    private final RegionDataset regions;

    Places(RegionDataset regions) {
        this.regions = regions;
    }

    /** The village and the district, regency and province codes above it. */
    Rows.Place place(String villageCode, String what) {
        requireVillage(villageCode, what);
        RegionCode village = new RegionCode(villageCode);
        return new Rows.Place(villageCode, village.district().value(), village.regency().value(), village.province().value());
    }

    void requireVillage(String villageCode, String what) {
        Region region = require(villageCode, what);
        if (region.level() != RegionLevel.VILLAGE) {
            throw new UnknownRegionException(what + " names " + villageCode + " (" + region.name() + "), a "
                    + region.level() + ", where a village code belongs");
        }
    }

    /** A code of any level; null passes (the event has no region). */
    void requireOptional(String code, String what) {
        if (code != null) {
            require(code, what);
        }
    }

    void requireAll(Collection<String> codes, String what) {
        codes.forEach(code -> require(code, what));
    }

    private Region require(String code, String what) {
        return regions.find(code).orElseThrow(() -> new UnknownRegionException(what + " names region " + code
                + ", which the region dataset (" + RegionDataset.DECREE + ") does not know"));
    }
}

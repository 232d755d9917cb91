package id.simpul.regions;

/**
 * A province, regency/city, district or village/kelurahan.
 *
 * @param parentCode null for provinces
 * @param timeZone   the time zone of its province
 */
public record Region(String code, String name, RegionLevel level, String parentCode, IndonesianTimeZone timeZone) {

    /** The code of the province it lies in (its own for a province). */
    public String provinceCode() {
        return new RegionCode(code).province().value();
    }

    /** A village (desa) has a fourth part starting with 2, a kelurahan one starting with 1. */
    public boolean isKelurahan() {
        return level == RegionLevel.VILLAGE && code.charAt(9) == '1';
    }
}

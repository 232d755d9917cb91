package id.simpul.registry.kim;

import id.simpul.eventing.AggregateMapping;
import id.simpul.regions.RegionCode;
import org.bson.Document;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stored shape of a KIM in the {@code kims} collection. Besides the profile it keeps what queries and the
 * duplicate check need: the region codes at every level, the name key, and a kim.id key that is unique per KIM
 * when the number is missing (so that a plain unique index works on every MongoDB).
 */
class KimMapping implements AggregateMapping<Kim> {

    static final String NAME_KEY = "nameKey";
    static final String KIM_ID_KEY = "kimIdKey";
    static final String STATUS = "status";
    static final String FOCUS_AREAS = "focusAreas";
    static final String MEDIA = "media";
    static final String NAME = "name";
    static final String NAME_SORT = "nameSort";
    static final String REGISTERED_AT = "registeredAt";
    static final String UPDATED_AT = "updatedAt";
    static final String MEMBER_COUNT = "memberCount";
    static final String VILLAGE_CODE = "villageCode";

    @Override
    public String id(Kim kim) {
        return kim.id().value();
    }

    @Override
    public long version(Kim kim) {
        return kim.version();
    }

    @Override
    public Document toDocument(Kim kim) {
        KimProfile p = kim.profile();
        RegionCode village = p.village();
        return new Document(NAME, p.name())
                .append(NAME_KEY, village.value() + "|" + p.nameKey())
                .append(NAME_SORT, p.nameKey())
                .append(VILLAGE_CODE, village.value())
                .append("districtCode", village.at(id.simpul.regions.RegionLevel.DISTRICT).value())
                .append("regencyCode", village.at(id.simpul.regions.RegionLevel.REGENCY).value())
                .append("provinceCode", village.at(id.simpul.regions.RegionLevel.PROVINCE).value())
                .append("address", p.address())
                .append("foundedOn", date(p.foundedOn()))
                .append("decree", p.decree() == null ? null : new Document("number", p.decree().number())
                        .append("date", date(p.decree().date())).append("issuer", p.decree().issuer()))
                .append("officers", new Document("chair", p.officers().chair())
                        .append("secretary", p.officers().secretary())
                        .append("treasurer", p.officers().treasurer())
                        .append("sectionHeads", p.officers().sectionHeads().stream()
                                .map(h -> new Document("section", h.section()).append("name", h.name())).toList()))
                .append(MEMBER_COUNT, p.memberCount())
                .append("contact", new Document("phone", p.contact().phone()).append("email", p.contact().email()))
                .append(MEDIA, p.media().stream().map(m -> new Document("type", m.type().name())
                        .append("address", m.address()).append("followers", m.followers())).toList())
                .append(FOCUS_AREAS, p.focusAreas().stream().map(Enum::name).toList())
                .append("kimIdNumber", p.kimIdNumber())
                .append(KIM_ID_KEY, p.kimIdNumber() != null ? "kim.id:" + p.kimIdNumber() : "none:" + kim.id().value())
                .append(STATUS, kim.status().name())
                .append("criteria", new Document("productive", kim.criteria().productive())
                        .append("hasPotential", kim.criteria().hasPotential())
                        .append("active", kim.criteria().active())
                        .append("hasOwnMedia", kim.criteria().hasOwnMedia()))
                .append("history", kim.history().stream().map(h -> new Document("from", h.from() == null ? null : h.from().name())
                        .append("to", h.to().name()).append("reason", h.reason()).append("at", Date.from(h.at()))
                        .append("by", h.by() == null ? null : new Document("id", h.by().id()).append("roles", h.by().roles())
                                .append("regionScope", h.by().regionScope()))).toList())
                .append(REGISTERED_AT, Date.from(kim.registeredAt()))
                .append(UPDATED_AT, kim.updatedAt() == null ? null : Date.from(kim.updatedAt()));
    }

    @Override
    public Kim fromDocument(Document d) {
        Document decree = d.get("decree", Document.class);
        Document officers = d.get("officers", Document.class);
        Document contact = d.get("contact", Document.class);
        Document criteria = d.get("criteria", Document.class);
        KimProfile profile = new KimProfile(
                d.getString(NAME),
                new RegionCode(d.getString(VILLAGE_CODE)),
                d.getString("address"),
                date(d.getDate("foundedOn")),
                decree == null ? null : new Decree(decree.getString("number"), date(decree.getDate("date")), decree.getString("issuer")),
                officers == null ? null : new Officers(officers.getString("chair"), officers.getString("secretary"),
                        officers.getString("treasurer"), officers.getList("sectionHeads", Document.class, List.of()).stream()
                        .map(h -> new Officers.SectionHead(h.getString("section"), h.getString("name"))).toList()),
                d.getInteger(MEMBER_COUNT),
                contact == null ? null : new Contact(contact.getString("phone"), contact.getString("email")),
                d.getList(MEDIA, Document.class, List.of()).stream().map(m -> new MediaChannel(
                        MediaType.valueOf(m.getString("type")), m.getString("address"), m.getInteger("followers"))).toList(),
                focusAreas(d.getList(FOCUS_AREAS, String.class, List.of())),
                d.getString("kimIdNumber"));
        return Kim.restore(new KimId(d.getString("_id")), profile, KimStatus.valueOf(d.getString(STATUS)),
                criteria == null ? null : new CandidateCriteria(criteria.getBoolean("productive", false),
                        criteria.getBoolean("hasPotential", false), criteria.getBoolean("active", false),
                        criteria.getBoolean("hasOwnMedia", false)),
                d.getList("history", Document.class, List.of()).stream().map(h -> new StatusChange(
                        h.getString("from") == null ? null : KimStatus.valueOf(h.getString("from")),
                        KimStatus.valueOf(h.getString("to")), h.getString("reason"), h.getDate("at").toInstant(),
                        changer(h.get("by", Document.class)))).toList(),
                d.getDate(REGISTERED_AT).toInstant(),
                d.getDate(UPDATED_AT) == null ? null : d.getDate(UPDATED_AT).toInstant(),
                d.getLong("version"));
    }

    private static Changer changer(Document by) {
        return by == null ? null : new Changer(by.getString("id"), by.getList("roles", String.class, List.of()), by.getString("regionScope"));
    }

    private static Set<FocusArea> focusAreas(List<String> names) {
        return names.isEmpty() ? Set.of()
                : names.stream().map(FocusArea::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(FocusArea.class)));
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static LocalDate date(Date date) {
        return date == null ? null : LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }
}

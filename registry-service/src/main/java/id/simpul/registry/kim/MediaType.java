package id.simpul.registry.kim;

/** The kinds of media a KIM runs. */
public enum MediaType {
    WEBSITE, INSTAGRAM, FACEBOOK, YOUTUBE, TIKTOK, X, WHATSAPP, RADIO, BULLETIN, OTHER
}

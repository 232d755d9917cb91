package id.simpul.training.output;

/** Where a KIM spread the information. */
public enum Channel {
    WEBSITE, INSTAGRAM, FACEBOOK, YOUTUBE, TIKTOK, X, WHATSAPP, RADIO, BULLETIN, FACE_TO_FACE, OTHER
}

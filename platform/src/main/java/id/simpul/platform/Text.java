package id.simpul.platform;

import java.text.Normalizer;

/**
 * How Simpul accepts text from outside (JSON bodies, spreadsheet cells): Unicode NFC, invisible format characters
 * (zero-width space, word joiner, byte-order mark, soft hyphen, direction marks) removed, white space trimmed at
 * both ends; and refused, with the reason, when it holds a control character (NUL among them), a bidirectional
 * override or isolate, an unpaired surrogate or a noncharacter, or when nothing but white space and invisible
 * characters is left of it. Tab, line feed and carriage return are text. The zero-width joiner and non-joiner stay:
 * emoji and some scripts need them (duplicate checks drop them, see {@link #comparable}).
 */
public final class Text {

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    /** Text that Simpul does not take, with what is wrong with it. */
    public static final class Rejected extends IllegalArgumentException {
        Rejected(String message) {
            super(message);
        }
    }

    /** {@code raw} as Simpul keeps it; a {@link Rejected} says why it cannot be kept. Null stays null. */
    public static String normalise(String raw) {
        if (raw == null || raw.isEmpty()) {
            return raw;
        }
        String normal = strip(Normalizer.normalize(scan(raw), Normalizer.Form.NFC));
        if (normal.isEmpty()) {
            throw new Rejected("must not be blank: it holds only white space or invisible characters");
        }
        return normal;
    }

    /**
     * The text as duplicates are compared: normalised, and without the joiners that {@link #normalise} keeps, so
     * that names differing only in invisible characters are the same name.
     */
    public static String comparable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder visible = new StringBuilder(text.length());
        text.codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT).forEach(visible::appendCodePoint);
        return strip(Normalizer.normalize(visible, Normalizer.Form.NFC));
    }

    /**
     * What makes {@code raw} unacceptable as text whatever its place (a control character, a bidirectional
     * override, an unpaired surrogate, a noncharacter), or null; blankness is not checked.
     */
    public static String characterProblem(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            scan(raw);
            return null;
        } catch (Rejected e) {
            return e.getMessage();
        }
    }

    /** The characters of {@code raw} that are kept; a {@link Rejected} at the first that is refused. */
    private static StringBuilder scan(String raw) {
        StringBuilder kept = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                keep(kept, Character.toCodePoint(c, raw.charAt(i + 1)));
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new Rejected("contains an unpaired surrogate (U+" + hex(c) + "), which is not valid Unicode text");
            }
            keep(kept, c);
            i++;
        }
        return kept;
    }

    private static void keep(StringBuilder kept, int codePoint) {
        if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
            kept.appendCodePoint(codePoint);
            return;
        }
        if (Character.getType(codePoint) == Character.CONTROL) {
            throw new Rejected("contains the control character U+" + hex(codePoint));
        }
        if ((codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)) {
            throw new Rejected("contains a bidirectional override or isolate (U+" + hex(codePoint)
                    + "), which can make text read differently from what it holds");
        }
        if ((codePoint & 0xFFFE) == 0xFFFE || (codePoint >= 0xFDD0 && codePoint <= 0xFDEF)) {
            throw new Rejected("contains the noncharacter U+" + hex(codePoint));
        }
        if (Character.getType(codePoint) == Character.FORMAT && codePoint != ZWJ && codePoint != ZWNJ) {
            return;
        }
        kept.appendCodePoint(codePoint);
    }

    /** Trims white space of every kind, the no-break and ideographic spaces included. */
    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.charAt(start))) {
            start++;
        }
        while (end > start && blank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String hex(int codePoint) {
        return String.format("%04X", codePoint);
    }

    private Text() {
    }
}

package id.simpul.training.session;

import id.simpul.training.common.RuleException;
import id.simpul.training.common.Violation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a training's sign-in sheet (CSV, UTF-8, comma or semicolon): each row names a participant by enrolment id
 * ({@code id_pendaftaran}), or by KIM and name ({@code kim_id}, {@code nama_peserta}). All rows must match
 * participants in seats, or none is taken.
 */
@Component
class AttendanceSheets {

    static final String ENROLMENT = "id_pendaftaran";
    static final String KIM = "kim_id";
    static final String NAME = "nama_peserta";

    List<EnrolmentId> read(Training training, byte[] content) {
        String text = text(content);
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<EnrolmentId> present = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT).strip()).toList();
            if (!header.contains(ENROLMENT) && !(header.contains(KIM) && header.contains(NAME))) {
                throw new RuleException("file", "needs a column " + ENROLMENT + ", or the columns " + KIM + " and " + NAME);
            }
            for (CSVRecord row : parser) {
                Optional<Enrolment> match = match(training, row, header);
                if (match.isEmpty()) {
                    problems.add(new Violation("row " + (row.getRecordNumber() + 1), "matches no participant of this training: "
                            + String.join(", ", row.toList())));
                } else if (match.get().status() != Enrolment.Status.ENROLLED) {
                    problems.add(new Violation("row " + (row.getRecordNumber() + 1), match.get().participant().name()
                            + " is " + match.get().status() + ", not in a seat"));
                } else {
                    present.add(match.get().id());
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new RuleException("file", "is not a readable CSV sign-in sheet: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new RuleException(problems);
        }
        if (present.isEmpty()) {
            throw new RuleException("file", "lists nobody");
        }
        return present;
    }

    private static Optional<Enrolment> match(Training training, CSVRecord row, List<String> header) {
        String id = value(row, header, ENROLMENT);
        if (id != null) {
            return training.enrolments().stream().filter(e -> e.id().value().equalsIgnoreCase(id)).findFirst();
        }
        String kim = value(row, header, KIM);
        String name = value(row, header, NAME);
        if (kim == null || name == null) {
            return Optional.empty();
        }
        return training.enrolments().stream()
                .filter(e -> e.status() != Enrolment.Status.WITHDRAWN && e.samePerson(kim, new Participant(name, null)))
                .findFirst();
    }

    private static String value(CSVRecord row, List<String> header, String column) {
        int index = header.indexOf(column);
        if (index < 0 || index >= row.size() || row.get(index).isBlank()) {
            return null;
        }
        return row.get(index).strip();
    }

    private static String text(byte[] content) {
        if (content.length == 0) {
            throw new RuleException("file", "is empty");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new RuleException("file", "is not UTF-8 text; save the sheet as 'CSV UTF-8'");
        }
    }
}

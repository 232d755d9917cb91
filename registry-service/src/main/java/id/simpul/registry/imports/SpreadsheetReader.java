package id.simpul.registry.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.http.HttpStatus;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;

/**
 * Reads the spreadsheets offices send: CSV in UTF-8 (comma or semicolon separated, as Excel writes it in an
 * Indonesian locale, with or without a byte order mark) or XLSX (first sheet, read as a stream so that large files
 * need little memory). Anything else is refused with a message saying what to send instead.
 */
final class SpreadsheetReader {

    static final int MAX_ROWS = 200_000;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private SpreadsheetReader() {
    }

    static Spreadsheet read(String fileName, byte[] content) {
        if (content.length == 0) {
            throw UnreadableFileException.badFile("The file is empty.");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (startsWith(content, ZIP_MAGIC)) {
            if (name.endsWith(".xls")) {
                throw unsupported();
            }
            return xlsx(content);
        }
        if (name.endsWith(".xlsx")) {
            throw UnreadableFileException.badFile("The file is named .xlsx but is not an Excel workbook (it may be damaged).");
        }
        if (name.endsWith(".xls") || name.endsWith(".ods") || looksBinary(content)) {
            throw unsupported();
        }
        return csv(content);
    }

    private static UnreadableFileException unsupported() {
        return new UnreadableFileException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file",
                "Send a CSV file (UTF-8) or an Excel workbook (.xlsx); older .xls and other formats cannot be read. "
                        + "In Excel: File > Save As > 'CSV UTF-8' or 'Excel Workbook'.");
    }

    private static Spreadsheet csv(byte[] content) {
        String text = utf8(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw UnreadableFileException.badFile("The file has no header row.");
            }
            List<String> header = records.next().toList();
            List<Spreadsheet.Row> rows = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    put(cells, header.get(i), record.get(i));
                }
                add(rows, new Spreadsheet.Row((int) record.getRecordNumber(), cells));
            }
            return new Spreadsheet(header, rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            if (e instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw UnreadableFileException.badFile("The CSV file cannot be read: " + e.getMessage());
        }
    }

    /** The text, if the bytes are valid UTF-8; otherwise a message naming where they are not. */
    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw UnreadableFileException.badFile("The file is not UTF-8 text (it may be in Windows-1252 or another "
                    + "encoding). In Excel choose File > Save As > 'CSV UTF-8 (Comma delimited)', or send .xlsx.");
        }
    }

    private static Spreadsheet xlsx(byte[] content) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw UnreadableFileException.badFile("The workbook has no sheet.");
            }
            SheetRows collector = new SheetRows();
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), new ReadOnlySharedStringsTable(pkg),
                    collector, new IsoDates(), false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
            return collector.spreadsheet();
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw UnreadableFileException.badFile("The Excel workbook cannot be read (" + e.getClass().getSimpleName()
                    + "); open it in Excel and save it again as .xlsx, or send CSV UTF-8.");
        }
    }

    /** Collects the cells of the first sheet; the first non-empty row is the header. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private List<String> header;
        private final List<Spreadsheet.Row> rows = new ArrayList<>();
        private Map<Integer, String> current;

        @Override
        public void startRow(int rowNum) {
            current = new LinkedHashMap<>();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            current.put((int) new CellReference(reference).getCol(), value);
        }

        @Override
        public void endRow(int rowNum) {
            if (header == null) {
                if (current.isEmpty()) {
                    return;
                }
                int width = current.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                header = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    header.add(current.getOrDefault(i, "").strip());
                }
                return;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            current.forEach((column, value) -> {
                if (column < header.size()) {
                    put(cells, header.get(column), value);
                }
            });
            add(rows, new Spreadsheet.Row(rowNum + 1, cells));
        }

        Spreadsheet spreadsheet() {
            if (header == null) {
                throw UnreadableFileException.badFile("The first sheet of the workbook is empty.");
            }
            return new Spreadsheet(header, rows);
        }
    }

    /** Formats date cells as ISO dates (2021-01-11) instead of the locale's short form, which is ambiguous. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return LocalDate.from(DateUtil.getLocalDateTime(value, use1904Windowing)).toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    private static void put(Map<String, String> cells, String column, String value) {
        if (value != null && !value.isBlank()) {
            cells.put(column, value.strip());
        }
    }

    private static void add(List<Spreadsheet.Row> rows, Spreadsheet.Row row) {
        if (row.isBlank()) {
            return;
        }
        if (rows.size() >= MAX_ROWS) {
            throw UnreadableFileException.badFile("The file has more than " + MAX_ROWS + " rows; split it into smaller files.");
        }
        rows.add(row);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** NUL bytes do not occur in text files. */
    private static boolean looksBinary(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }
}

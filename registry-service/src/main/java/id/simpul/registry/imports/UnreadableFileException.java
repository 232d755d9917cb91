package id.simpul.registry.imports;

import org.springframework.http.HttpStatus;

/** A file that cannot be imported at all (empty, not UTF-8, not a spreadsheet, wrong columns); nothing is stored. */
class UnreadableFileException extends RuntimeException {

    final HttpStatus status;
    final String problemType;

    UnreadableFileException(HttpStatus status, String problemType, String message) {
        super(message);
        this.status = status;
        this.problemType = problemType;
    }

    static UnreadableFileException badFile(String message) {
        return new UnreadableFileException(HttpStatus.BAD_REQUEST, "unreadable-file", message);
    }
}

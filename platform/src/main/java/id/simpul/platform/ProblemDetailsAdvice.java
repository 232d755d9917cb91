package id.simpul.platform;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;
import java.util.Map;

/**
 * Every error as an RFC 9457 problem detail ({@code application/problem+json}). Invalid input lists each field
 * with its message under {@code errors}, so a client (or an office's spreadsheet tool) can show it where it belongs.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = java.util.stream.Stream.concat(
                        ex.getBindingResult().getFieldErrors().stream()
                                .map(e -> new FieldProblem(e.getField(), e.isBindingFailure()
                                        ? expectation(ex.getBindingResult().getFieldType(e.getField())) + given(e.getRejectedValue())
                                        : e.getDefaultMessage())),
                        ex.getBindingResult().getGlobalErrors().stream()
                                .map(e -> new FieldProblem(e.getObjectName(), e.getDefaultMessage())))
                .sorted()
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        error instanceof FieldError fe ? fe.getField() : result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage())))
                .sorted()
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof EdgeFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                        .body(Problems.bodyTooLarge(tooLarge.limit));
            }
            if (cause instanceof StrictJson.InvalidText invalid) {
                String field = invalid.getPath().isEmpty() ? "(body)" : fieldPath(invalid.getPath());
                return ResponseEntity.unprocessableContent().body(Problems.invalidText(List.of(
                        new FieldProblem(field, invalid.getOriginalMessage()))));
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldProblem(
                        fieldPath(unknown.getPath()), "is not a field of this request; the API documents the fields it takes"))));
            }
            if (cause instanceof MismatchedInputException mismatch) {
                String field = mismatch.getPath().isEmpty() ? "(body)" : fieldPath(mismatch.getPath());
                return ResponseEntity.badRequest().body(Problems.invalid(List.of(
                        new FieldProblem(field, expectation(mismatch.getTargetType())))));
            }
        }
        if (ex.getCause() == null) {
            // Spring's own message names the controller method ("Required request body is missing: public …").
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body",
                    "Request body is not readable", "The body is missing: this request takes a JSON document of the documented shape."));
        }
        Throwable cause = ex.getMostSpecificCause();
        String reason = cause instanceof JacksonException json && json.getOriginalMessage() != null
                ? json.getOriginalMessage() : Problems.firstLine(cause);
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "Request body is not readable",
                "The body must be a JSON document of the documented shape: " + withoutJavaNames(Problems.firstLine(reason)));
        return ResponseEntity.badRequest().body(problem);
    }

    /** A query or path parameter that is not of its type: what it must be, in words. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        org.springframework.core.ResolvableType type = org.springframework.core.ResolvableType.forMethodParameter(ex.getParameter());
        Class<?> expected = type.isArray() || java.util.Collection.class.isAssignableFrom(type.toClass())
                ? type.asCollection().resolveGeneric(0) : type.resolve();
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(
                new FieldProblem(ex.getName(), expectation(expected) + given(ex.getValue())))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted()
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "concurrent-change",
                "Changed by someone else", "The resource changed while this request was processed; read it again and retry."));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "duplicate",
                "Already exists", "A resource with the same identity already exists."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        String expected = ex.getSupportedMediaTypes().isEmpty() ? "another content type"
                : ex.getSupportedMediaTypes().stream().map(MediaType::toString).distinct()
                        .collect(java.util.stream.Collectors.joining(" or "));
        String sent = ex.getContentType() == null ? "no Content-Type" : "Content-Type " + ex.getContentType();
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported content type", "This request takes " + expected + ", not " + sent + ".");
        problem.setProperty("expected", ex.getSupportedMediaTypes().stream().map(MediaType::toString).distinct().toList());
        HttpHeaders answer = new HttpHeaders();
        answer.setAccept(ex.getSupportedMediaTypes());
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(answer).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
                                                                           HttpHeaders headers, HttpStatusCode status,
                                                                           WebRequest request) {
        long limit = ex.getMaxUploadSize();
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large",
                limit > 0 ? "An upload may hold at most " + limit + " bytes." : "The upload is larger than this service takes.");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close").body(problem);
    }

    /** A multipart body that cannot be read: no boundary, truncated, malformed parts. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> brokenMultipart(MultipartException ex) {
        if (ex instanceof MaxUploadSizeExceededException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                    "file-too-large", "File too large", "An upload may hold at most " + tooLarge.getMaxUploadSize() + " bytes."));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "broken-multipart",
                "Multipart body not readable", "The body is not a readable multipart/form-data upload (a boundary in the "
                        + "Content-Type, parts separated by it, the closing boundary at the end)."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, WebRequest request) {
        if (ex.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
            // Parameters the servlet container could not decode (the edge filter refuses most of them first).
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameters",
                    "Parameters not readable", "The request's parameters are not readable UTF-8 text."));
        }
        if (StoreUnavailable.causes(ex)) {
            log.warn("Store unavailable on {}: {}", request.getDescription(false), Problems.firstLine(ex));
            return storeUnavailable();
        }
        log.error("Unexpected error on {}", request.getDescription(false), ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "Internal error", "Something went wrong on our side; it has been logged."));
    }

    /**
     * Problems Spring MVC answers by itself (a missing part, a method not allowed, …) get a Simpul problem type too,
     * so that every error of every service has one.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            // Spring's titles are reason phrases ("Method Not Allowed"); Simpul's are sentence case.
            problem.setTitle(statusCode.value() == 404 ? Problems.NOT_FOUND_TITLE : sentenceCase(statusCode));
            problem.setType(java.net.URI.create(Problems.TYPE_BASE + switch (statusCode.value()) {
                case 400 -> "invalid-request";
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 413 -> "body-too-large";
                case 415 -> "unsupported-media-type";
                default -> "http-" + statusCode.value();
            }));
        }
        return answer;
    }

    /** 503 with Retry-After: the store is away; the client may send the same request again. */
    static ResponseEntity<ProblemDetail> storeUnavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(StoreUnavailable.RETRY_AFTER.toSeconds()))
                .body(Problems.storeUnavailable());
    }

    /** {@code officers.sectionHeads[1].name}, as a client names the field. */
    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** What a value of {@code type} must look like, in words (never a Java type's name). */
    static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date like 2024-03-12";
        }
        if (type == java.time.LocalDateTime.class) {
            return "must be a local time at the venue like 2026-12-10T09:00, without an offset (the venue's zone applies)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class || type == java.time.ZonedDateTime.class) {
            return "must be a time like 2024-03-12T09:00:00+08:00";
        }
        if (type == java.util.UUID.class) {
            return "must be a UUID such as 3f2b8c1e-5d4a-4e0b-9c6f-1a2b3c4d5e6f";
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == java.math.BigInteger.class || type == int.class || type == long.class || type == short.class
                || type == byte.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return type == String.class ? "must be text" : "must be an object";
    }

    /** ", not 'abc'": the value a client sent, shortened, for a message about it. */
    private static String given(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Object[] values ? String.join(",", java.util.Arrays.stream(values).map(String::valueOf).toList())
                : String.valueOf(value);
        return ", not '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    /** A parser's message without the Java names it may hold (`java.time.LocalDate`, StreamReadFeature.X): words only. */
    static String withoutJavaNames(String message) {
        return message.replaceAll("`?\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Za-z_][\\w$]*`?", "a value")
                .replaceAll("\\s*\\(for [^)]*\\)", "")
                .replaceAll("\\[Source: [^\\]]*]", "");
    }

    private static String sentenceCase(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return "Request not answered";
        }
        String phrase = known.getReasonPhrase();
        return phrase.charAt(0) + phrase.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** One invalid field and what is wrong with it. */
    public record FieldProblem(String field, String message) implements Comparable<FieldProblem> {
        @Override
        public int compareTo(FieldProblem other) {
            int byField = field.compareTo(other.field);
            return byField != 0 ? byField : String.valueOf(message).compareTo(String.valueOf(other.message));
        }

        Map<String, String> asMap() {
            return Map.of("field", field, "message", message == null ? "is invalid" : message);
        }
    }
}

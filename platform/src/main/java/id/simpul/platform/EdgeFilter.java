package id.simpul.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The strict HTTP edge that comes before Spring MVC: a JSON body larger than {@link EdgeLimits#maxJsonBody()} gets
 * 413 (from its {@code Content-Length} at once, or when a chunked body grows past it), and a query parameter holding
 * a control character, an unpaired surrogate or broken percent-encoding gets 400 naming the parameter.
 */
final class EdgeFilter extends OncePerRequestFilter {

    private final long maxJsonBody;
    private final List<String> formPaths;
    private final org.springframework.util.AntPathMatcher paths = new org.springframework.util.AntPathMatcher();
    private final JsonMapper json = JsonMapper.builder().build();

    EdgeFilter(EdgeLimits limits) {
        this.maxJsonBody = limits.maxJsonBody().toBytes();
        this.formPaths = limits.formPaths() == null ? List.of() : List.copyOf(limits.formPaths());
    }

    /** A body read past the limit: the advice answers 413. */
    static final class BodyTooLargeException extends IOException {
        final long limit;

        BodyTooLargeException(long limit) {
            super("The request body is larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemDetailsAdvice.FieldProblem parameterProblem = queryProblem(request.getQueryString());
        if (parameterProblem != null) {
            write(response, Problems.invalid(List.of(parameterProblem)));
            return;
        }
        if (crossSiteForm(request) && !takesForms(request)) {
            ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported content type", "A change is sent as application/json (or multipart/form-data where the "
                            + "operation takes a file), not as " + request.getContentType() + ".");
            problem.setProperty("expected", List.of(MediaType.APPLICATION_JSON_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE));
            write(response, problem);
            return;
        }
        if (isJson(request.getContentType())) {
            if (request.getContentLengthLong() > maxJsonBody) {
                write(response, Problems.bodyTooLarge(maxJsonBody));
                return;
            }
            request = new LimitedBody(request, maxJsonBody);
        }
        chain.doFilter(request, response);
    }

    /**
     * A change sent the way a plain HTML form on another site can send it without asking (a URL-encoded form or plain
     * text): no Simpul operation takes these, so that a cross-site form cannot start, say, a rebuild.
     */
    static boolean crossSiteForm(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || request.getContentType() == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(request.getContentType());
            return MediaType.APPLICATION_FORM_URLENCODED.includes(type) || MediaType.TEXT_PLAIN.includes(type);
        } catch (org.springframework.http.InvalidMediaTypeException notAType) {
            return false;
        }
    }

    /** A path configured in {@code simpul.http.form-paths}, whose protocol requires URL-encoded forms. */
    private boolean takesForms(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return formPaths.stream().anyMatch(pattern -> paths.match(pattern, path));
    }

    /** The first query parameter that is not acceptable text, with what is wrong with it; null when all are. */
    static ProblemDetailsAdvice.FieldProblem queryProblem(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String name;
            String value;
            try {
                name = decode(rawName);
            } catch (IllegalArgumentException e) {
                return new ProblemDetailsAdvice.FieldProblem("(a parameter name)", e.getMessage());
            }
            try {
                value = decode(rawValue);
            } catch (IllegalArgumentException e) {
                return new ProblemDetailsAdvice.FieldProblem(printable(name), e.getMessage());
            }
            String problem = Text.characterProblem(name);
            if (problem != null) {
                return new ProblemDetailsAdvice.FieldProblem("(a parameter name)", problem);
            }
            problem = Text.characterProblem(value);
            if (problem != null) {
                return new ProblemDetailsAdvice.FieldProblem(name, problem);
            }
        }
        return null;
    }

    /** Percent-decodes {@code raw} as UTF-8, refusing broken escapes and bytes that are not UTF-8. */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("has broken percent-encoding");
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not UTF-8 text once percent-decoded");
        }
    }

    private static String printable(String name) {
        return Text.characterProblem(name) == null ? name : "(a parameter name)";
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
        } catch (RuntimeException unparsable) {
            return false;
        }
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (problem.getStatus() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            // The rest of the body is not read; the connection is not reused for another request.
            response.setHeader("Connection", "close");
        }
        json.writeValue(response.getOutputStream(), Problems.asMap(problem));
    }

    /** The request with a body that fails once it has given more than {@code limit} bytes. */
    private static final class LimitedBody extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding()));
        }
    }
}

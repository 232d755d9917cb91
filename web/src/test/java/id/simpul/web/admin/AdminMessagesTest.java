package id.simpul.web.admin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin pages' texts: the same keys in Bahasa Indonesia and English, and every key a page names is there. */
class AdminMessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AdminMessagesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothLanguagesHoldTheSameKeys() throws IOException {
        assertThat(new TreeSet<>(bundle("admin-messages_en.properties").stringPropertyNames()))
                .isEqualTo(new TreeSet<>(bundle("admin-messages.properties").stringPropertyNames()));
    }

    @Test
    void everyAdminKeyThePagesAndControllersNameIsInTheBundle() throws IOException {
        Set<String> keys = bundle("admin-messages.properties").stringPropertyNames();
        Pattern named = Pattern.compile("[#{\"'](admin\\.[A-Za-z.]+)");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/templates/admin")),
                Files.walk(Path.of("src/main/java/id/simpul/web/admin")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = named.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        // Keys built from a value (admin.role. + the role) are prefixes; every role and status has its text.
        used.removeIf(key -> key.endsWith("."));
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
        UserForm.ROLES.forEach(role -> assertThat(keys).contains("admin.role." + role));
        DeadLetterPages.STATUSES.forEach(status -> assertThat(keys).contains("admin.deadLetter.status." + status));
    }
}

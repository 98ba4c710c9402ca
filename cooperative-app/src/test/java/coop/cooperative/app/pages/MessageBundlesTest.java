package coop.cooperative.app.pages;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text the pages and letters say exists in English and in Dutch: each bundle and its Dutch
 * twin have the same keys, so a reader never meets a key, or the other language, where a text is
 * missing (the bundles do not fall back to English for a Dutch reader).
 */
class MessageBundlesTest {

    /** The bundles of spring.messages.basename. */
    private static final List<String> BUNDLES = List.of("messages", "i18n/books", "i18n/member", "i18n/riskpool",
            "i18n/projects", "i18n/admin", "i18n/mail", "i18n/invoicing", "i18n/audit", "i18n/data");

    @Test
    void theDutchAndEnglishBundlesHaveTheSameKeys() throws IOException {
        List<String> differences = new ArrayList<>();
        for (String bundle : BUNDLES) {
            Set<String> english = keys(bundle + ".properties");
            Set<String> dutch = keys(bundle + "_nl.properties");
            assertThat(english).as(bundle).isNotEmpty();
            missing(english, dutch).forEach(key -> differences.add(bundle + "_nl lacks " + key));
            missing(dutch, english).forEach(key -> differences.add(bundle + " lacks " + key));
        }
        assertThat(differences).as("keys in one language only").isEmpty();
    }

    @Test
    void noDutchTextIsLeftEmpty() throws IOException {
        List<String> empty = new ArrayList<>();
        for (String bundle : BUNDLES) {
            Properties dutch = load(bundle + "_nl.properties");
            dutch.stringPropertyNames().stream().filter(key -> dutch.getProperty(key).isBlank())
                    .forEach(key -> empty.add(bundle + "_nl " + key));
        }
        assertThat(empty).isEmpty();
    }

    private static Set<String> missing(Set<String> from, Set<String> in) {
        Set<String> missing = new TreeSet<>(from);
        missing.removeAll(in);
        return missing;
    }

    private static Set<String> keys(String resource) throws IOException {
        return new TreeSet<>(load(resource).stringPropertyNames());
    }

    /** A bundle file as it is, without falling back to another language. */
    static Properties load(String resource) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}

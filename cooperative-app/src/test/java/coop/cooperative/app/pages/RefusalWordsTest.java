package coop.cooperative.app.pages;

import coop.cooperative.core.shared.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal the cooperative gives has its words in English and in Dutch ({@code refusal.<code>}
 * in {@code messages} and {@code messages_nl}), and the words take exactly the values the refusal
 * carries: a missing placeholder would drop a date from the text, one too many would show "{2}".
 */
class RefusalWordsTest {

    private static final String[] BUNDLES = {"messages.properties", "messages_nl.properties"};

    @ParameterizedTest
    @EnumSource(Refusal.class)
    void eachRefusalHasItsWordsInBothLanguagesWithAPlaceForEachValue(Refusal refusal) throws IOException {
        for (String bundle : BUNDLES) {
            String words = MessageBundlesTest.load(bundle).getProperty("refusal." + refusal.code());
            assertThat(words).as("%s in %s", refusal.code(), bundle).isNotBlank();
            if (refusal.arity() == 0) {
                // said without MessageFormat: no placeholders, and an apostrophe is written once
                assertThat(words).as("%s in %s", refusal.code(), bundle).doesNotContain("{", "''");
            } else {
                MessageFormat format = new MessageFormat(words);
                assertThat(format.getFormatsByArgumentIndex()).as("the values %s takes in %s", refusal.code(), bundle)
                        .hasSize(refusal.arity());
                Object[] values = IntStream.range(0, refusal.arity()).mapToObj(i -> "<value " + i + ">").toArray();
                String said = format.format(values);
                for (Object value : values) {
                    assertThat(said).as("%s in %s", refusal.code(), bundle).contains(value.toString());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_nl.properties"})
    void theBundlesHaveNoWordsForARefusalThatDoesNotExist(String bundle) throws IOException {
        Set<String> codes = Arrays.stream(Refusal.values()).map(r -> "refusal." + r.code()).collect(Collectors.toSet());
        Set<String> orphans = new TreeSet<>(MessageBundlesTest.load(bundle).stringPropertyNames());
        orphans.removeIf(key -> !key.startsWith("refusal.") || codes.contains(key));
        assertThat(orphans).isEmpty();
    }

    @Test
    void everyCodeIsGivenOnce() {
        assertThat(Arrays.stream(Refusal.values()).map(Refusal::code)).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z][A-Za-z]*(\\.[a-z][A-Za-z]*)+"));
    }
}

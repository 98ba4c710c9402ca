package coop.cooperative.app;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Erasing a departed member on H2: the scenario ({@link ErasureScenario}), the database dumped with {@code SCRIPT}. */
class ErasureJourneyTest extends HttpJourney {

    private static final Pattern BINARY = Pattern.compile("X'([0-9a-fA-F]*)'");

    @Test
    void aDepartedMemberIsErasedAndNothingInTheDatabaseLeadsBackToThem() throws Exception {
        new ErasureScenario(api, http, jdbc, cooperative, this::dump).run();
    }

    /** The whole database as {@code SCRIPT} writes it, with every binary value decoded beside it. */
    private String dump() {
        StringBuilder out = new StringBuilder();
        jdbc.sql("SCRIPT").query((rs, i) -> rs.getString(1)).list().forEach(line -> {
            out.append(line).append('\n');
            Matcher binary = BINARY.matcher(line);
            while (binary.find()) {
                out.append(ErasureScenario.decodeHex(binary.group(1))).append('\n');
            }
        });
        return out.toString();
    }
}
